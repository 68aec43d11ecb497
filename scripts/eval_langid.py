"""Measure bot.language.detect_language on the shared short-text test set.

Usage: python scripts/eval_langid.py [DATA_DIR] [--out reports/langid.md]
Macro accuracy over our ten languages, per length class.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.language import detect_language  # noqa: E402
from bot.languages import CORE_LANGUAGES  # noqa: E402

CLASSES = ("single-words", "word-pairs", "sentences")


def evaluate(data_dir: Path, limit: int | None = None) -> dict[str, dict[str, float]]:
    results: dict[str, dict[str, float]] = {}
    for cls in CLASSES:
        per_lang = {}
        for lang in CORE_LANGUAGES:
            lines = (data_dir / cls / f"{lang}.txt").read_text(encoding="utf-8").splitlines()
            lines = [line for line in lines if line.strip()][:limit]
            hits = sum(detect_language(line)[0] == lang for line in lines)
            per_lang[lang] = hits / len(lines)
        results[cls] = per_lang
    return results


def to_markdown(results: dict[str, dict[str, float]], seconds: float) -> str:
    head = "| set | macro | " + " | ".join(CORE_LANGUAGES) + " |"
    sep = "|---" * (len(CORE_LANGUAGES) + 2) + "|"
    rows = [head, sep]
    for cls, per_lang in results.items():
        macro = sum(per_lang.values()) / len(per_lang)
        cells = " | ".join(f"{100 * per_lang[lang]:.1f}" for lang in CORE_LANGUAGES)
        rows.append(f"| {cls} | **{100 * macro:.1f}** | {cells} |")
    return (
        "# Language identification (bot.language.detect_language)\n\n"
        "Test set: `../shared/langid-testdata` (1,000 lines per language and class), "
        "accuracy in %, macro over our ten languages. Targets: single words >= 80, "
        "word pairs >= 93, sentences >= 99.\n\n" + "\n".join(rows) + f"\n\nRun time: {seconds:.0f} s.\n"
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir", nargs="?", default="../shared/langid-testdata")
    parser.add_argument("--out", default="reports/langid.md")
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    start = time.time()
    results = evaluate(Path(args.data_dir), args.limit)
    report = to_markdown(results, time.time() - start)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(report, encoding="utf-8")
    print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
