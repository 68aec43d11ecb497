"""`make kb-check`: validate the knowledge files and explain every problem.

Exit code 1 when there is an error; warnings (entries due for review) do not fail.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot.paths import knowledge_dir

from .loader import load_knowledge


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--knowledge", type=Path, default=None, help="knowledge folder (default: knowledge/)")
    args = parser.parse_args(argv)
    root = args.knowledge or knowledge_dir()
    kb, problems = load_knowledge(root)
    for p in problems:
        print(p)
    errors = sum(p.level == "error" for p in problems)
    warnings = len(problems) - errors
    print(
        f"{len(kb.countries)} countries, {len(kb.entries)} entries checked in {root}: {errors} error(s), {warnings} warning(s)."
    )
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
