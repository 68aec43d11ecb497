"""Per-language NLU evaluation on a held-out split of data/nlu.

Holds out about 20 % of each intent's examples in each language (chosen by a hash of
the example, so the split is stable as the data grows), trains an NLU
model on the rest with config.yml, parses the held-out messages through the full
pipeline (rule components and fallback included) and reports intent macro-F1 per
language. Trains once per seed (three by default) and reports the mean, since two trainings
on the same data differ by up to .025 per language.
Usage: python scripts/eval_nlu.py [--out reports/nlu.md] [--seeds 42,7,2024]
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.languages import CORE_LANGUAGES  # noqa: E402
from bot.training_data import read_examples  # noqa: E402

TARGET = 0.90


def _held_out(intent: str, line: str, salt: str = "") -> int:
    """A fixed number per example: the split stays the same when other lines change."""
    return int(hashlib.sha256(f"{salt}{intent}\t{line}".encode()).hexdigest(), 16) % 100


def split(share: int = 20, salt: str = "") -> tuple[dict, dict]:
    """Hold out the examples whose hash falls below `share` percent (at least one per
    intent). Adding or removing a line moves only that line, unlike a seeded shuffle
    that redraws every test set whenever the data changes."""
    train: dict[str, dict[str, list[str]]] = {}
    test: dict[str, dict[str, list[str]]] = {}
    for lang in CORE_LANGUAGES:
        train[lang], test[lang] = {}, {}
        for intent, lines in read_examples(lang).items():
            lines = sorted(set(lines), key=lambda x: _held_out(intent, x, salt))
            held = [x for x in lines if _held_out(intent, x, salt) < share] or lines[:1]
            test[lang][intent] = held
            train[lang][intent] = [x for x in lines if x not in held]
    return train, test


def write_nlu(train: dict, folder: Path) -> None:
    for lang, intents in train.items():
        blocks = [{"intent": i, "examples": "".join(f"- {x}\n" for x in xs)} for i, xs in intents.items()]
        (folder / f"{lang}.yml").write_text(
            yaml.safe_dump({"version": "3.1", "nlu": blocks}, allow_unicode=True), encoding="utf-8"
        )


async def parse_all(model: str, test: dict) -> dict[str, list[tuple[str, str, str]]]:
    from rasa.core.agent import Agent

    agent = Agent.load(model)
    out: dict[str, list[tuple[str, str]]] = {}
    for lang, intents in test.items():
        pairs = []
        for intent, lines in intents.items():
            for line in lines:
                result = await agent.parse_message(line)
                pairs.append((intent, (result.get("intent") or {}).get("name") or "none", line))
        out[lang] = pairs
    return out


def macro_f1(pairs: list[tuple[str, str, str]]) -> float:
    from sklearn.metrics import f1_score

    gold = [g for g, _, _ in pairs]
    pred = [p for _, p, _ in pairs]
    return float(f1_score(gold, pred, labels=sorted(set(gold)), average="macro", zero_division=0))


def seeded_config(config: Path, seed: int, folder: Path) -> str:
    """The config with every trainable component's seed set to `seed`."""
    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    for component in data.get("pipeline", []):
        if component.get("name") in ("DIETClassifier", "bot.components.intent_ensemble.IntentEnsemble"):
            component["random_seed" if component["name"] == "DIETClassifier" else "random_state"] = seed
    path = folder / f"config-{seed}.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return str(path)


def evaluate(config: str, train: dict, test: dict, tmp: Path) -> dict[str, list[tuple[str, str, str]]]:
    from rasa.model_training import train_nlu

    data = tmp / "nlu"
    data.mkdir(parents=True, exist_ok=True)
    write_nlu(train, data)
    for extra in (ROOT / "data").glob("*.yml"):  # regex features, not examples
        if extra.name != "rules.yml":
            (data / extra.name).write_text(extra.read_text(encoding="utf-8"), encoding="utf-8")
    model = train_nlu(config=config, nlu_data=str(data), output=str(tmp / "models"), domain=str(ROOT / "domain.yml"))
    return asyncio.run(parse_all(model, test))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default="reports/nlu.md")
    parser.add_argument("--config", default=str(ROOT / "config.yml"))
    parser.add_argument("--errors", default=str(ROOT / "var" / "nlu-errors.tsv"), help="every miss, for review")
    parser.add_argument("--seeds", default="42,7,2024", help="one training per seed; the report averages them")
    parser.add_argument("--salt", default="", help="another held-out set, to check settings tuned on the default one")
    args = parser.parse_args()

    train, test = split(salt=args.salt)
    seeds = [int(x) for x in args.seeds.split(",")]
    start = time.time()
    runs = []
    with tempfile.TemporaryDirectory() as tmp:
        for seed in seeds:
            config = seeded_config(Path(args.config), seed, Path(tmp))
            runs.append(evaluate(config, train, test, Path(tmp) / str(seed)))
    misses = [
        f"{seed}\t{lang}\t{g}\t{p}\t{text}"
        for seed, results in zip(seeds, runs, strict=True)
        for lang in CORE_LANGUAGES
        for g, p, text in results[lang]
        if g != p
    ]
    Path(args.errors).parent.mkdir(parents=True, exist_ok=True)
    Path(args.errors).write_text("seed\tlanguage\tgold\tpredicted\ttext\n" + "\n".join(misses) + "\n", encoding="utf-8")
    rows = [
        "| language | held-out examples | intent macro-F1 (mean) | lowest, highest run "
        "| most frequent errors (gold → predicted, all runs) |",
        "|---|---|---|---|---|",
    ]
    worst = 1.0
    for lang in CORE_LANGUAGES:
        scores = [macro_f1(results[lang]) for results in runs]
        mean = sum(scores) / len(scores)
        worst = min(worst, mean)
        errors: dict[str, int] = defaultdict(int)
        for results in runs:
            for g, p, _ in results[lang]:
                if g != p:
                    errors[f"{g}→{p}"] += 1
        top = ", ".join(f"{k} ×{v}" for k, v in sorted(errors.items(), key=lambda kv: -kv[1])[:4])
        rows.append(f"| {lang} | {len(runs[0][lang])} | {mean:.3f} | {min(scores):.3f}, {max(scores):.3f} | {top} |")
    report = (
        "# NLU evaluation per language\n\n"
        "Held-out ~20 % of each intent per language (by a hash of each example, stable as data grows); "
        f"model trained on the rest with config.yml, {len(seeds)} times with different seeds "
        f"({', '.join(map(str, seeds))}), since training on CPU is not bit-for-bit repeatable; "
        "full pipeline including rule components and fallback. "
        f"Target: each language's mean ≥ {TARGET}.\n\n"
        + "\n".join(rows)
        + f"\n\nLowest mean: {worst:.3f}. Time: {time.time() - start:.0f} s.\n"
    )
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(report, encoding="utf-8")
    print(report)
    return 0 if worst >= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
