"""Reading data/nlu/<language>/*.yml: examples per intent (for evaluation and tests)."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import yaml

from bot.paths import ROOT


def read_examples(lang: str, data_dir: Path | None = None) -> dict[str, list[str]]:
    examples: dict[str, list[str]] = defaultdict(list)
    for path in sorted(((data_dir or ROOT / "data" / "nlu") / lang).glob("*.yml")):
        for block in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("nlu", []):
            if "intent" in block:
                examples[block["intent"]] += [x[2:].strip() for x in block["examples"].splitlines() if x.strip().startswith("- ")]
    return examples
