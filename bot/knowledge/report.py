"""`make kb-report`: coverage of the knowledge base for maintainers.

Writes reports/knowledge.md and a self-contained reports/knowledge.html with a heat map
(countries x topics x languages), translation status, entries due for review, and the
problems the validator found.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import sys
from pathlib import Path

from bot.languages import ALL_LANGUAGES, CORE_LANGUAGES
from bot.paths import knowledge_dir

from .loader import Problem, load_knowledge
from .model import TOPICS, KnowledgeBase

COUNTRIES = ("DE", "FR", "IT", "ES", "NL", "SE", "BE", "AT", "PL", "PT", "IE", "GR")


def coverage(kb: KnowledgeBase, country: str, topic: str, lang: str) -> tuple[int, int, int]:
    """(entries, entries with this language, of which reviewed or original)."""
    entries = kb.entries_for(country, topic)
    have = [e for e in entries if lang in e.answer]
    good = [e for e in have if e.translation.get(lang) in ("original", "reviewed")]
    return len(entries), len(have), len(good)


def _languages(kb: KnowledgeBase) -> list[str]:
    used = {lang for e in kb.entries for lang in e.answer}
    return list(CORE_LANGUAGES) + [lang for lang in ALL_LANGUAGES if lang in used and lang not in CORE_LANGUAGES]


def markdown(kb: KnowledgeBase, problems: list[Problem], today: dt.date) -> str:
    langs = _languages(kb)
    lines = [
        "# Knowledge coverage",
        "",
        f"Generated {today}. Cell: entries with this language / entries (r = reviewed or original).",
        "",
        "| country | topic | entries | " + " | ".join(langs) + " |",
        "|---|---|---|" + "---|" * len(langs),
    ]
    for cc in COUNTRIES:
        for topic in TOPICS:
            n = len(kb.entries_for(cc, topic))
            cells = []
            for lang in langs:
                total, have, good = coverage(kb, cc, topic, lang)
                cells.append("—" if not total else f"{have}/{total}" + (f" ({good}r)" if good else ""))
            lines.append(f"| {cc} | {topic} | {n} | " + " | ".join(cells) + " |")
    due = sorted((e.review_due, e.id, e.file) for e in kb.entries if e.review_due <= today + dt.timedelta(days=30))
    lines += ["", "## Due for review (within 30 days)", ""]
    lines += [f"- {d}: `{i}` ({f})" for d, i, f in due] or ["None."]
    lines += ["", "## Countries without knowledge", ""]
    lines += [", ".join(cc for cc in COUNTRIES if not kb.covers(cc)) or "None."]
    lines += ["", "## Problems found by the validator", ""]
    lines += [f"- {p}" for p in problems] or ["None."]
    return "\n".join(lines) + "\n"


def _colour(ratio: float) -> str:
    # red -> amber -> green, dark text keeps WCAG AA contrast on all three
    if ratio >= 0.999:
        return "#b7e4c7"
    if ratio > 0:
        return "#ffe8a3"
    return "#f4b6b6"


def html_page(kb: KnowledgeBase, problems: list[Problem], today: dt.date) -> str:
    langs = _languages(kb)
    head = "".join(f"<th scope='col'>{lang}</th>" for lang in langs)
    rows = []
    for cc in COUNTRIES:
        for topic in TOPICS:
            cells = []
            for lang in langs:
                total, have, good = coverage(kb, cc, topic, lang)
                ratio = have / total if total else 0.0
                label = f"{have}/{total}" if total else "none"
                title = f"{cc} {topic} {lang}: {have} of {total} entries, {good} reviewed/original"
                cells.append(f"<td style='background:{_colour(ratio)}' title='{html.escape(title)}'>{label}</td>")
            rows.append(f"<tr><th scope='row'>{cc}</th><td>{topic}</td>{''.join(cells)}</tr>")
    due = [e for e in kb.entries if e.review_due <= today + dt.timedelta(days=30)]
    due_items = "".join(f"<li>{e.review_due}: {html.escape(e.id)} ({html.escape(e.file)})</li>" for e in due) or "<li>None</li>"
    prob_items = "".join(f"<li>{html.escape(str(p))}</li>" for p in problems) or "<li>None</li>"
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Wayfinder knowledge coverage</title>
<style>body{{font-family:sans-serif;margin:1rem;color:#111}}table{{border-collapse:collapse}}
td,th{{border:1px solid #888;padding:2px 6px;font-size:13px;text-align:center}}</style></head>
<body><h1>Knowledge coverage</h1><p>Generated {today}. Green: every entry has this language;
amber: some; red: none. Hover a cell for reviewed translations.</p>
<table><thead><tr><th scope='col'>country</th><th scope='col'>topic</th>{head}</tr></thead>
<tbody>{"".join(rows)}</tbody></table>
<h2>Due for review within 30 days</h2><ul>{due_items}</ul>
<h2>Problems found by the validator</h2><ul>{prob_items}</ul></body></html>
"""


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--knowledge", type=Path, default=None)
    p.add_argument("--out", type=Path, default=Path("reports"))
    a = p.parse_args(argv)
    today = dt.date.today()
    kb, problems = load_knowledge(a.knowledge or knowledge_dir(), today)
    a.out.mkdir(parents=True, exist_ok=True)
    (a.out / "knowledge.md").write_text(markdown(kb, problems, today), encoding="utf-8")
    (a.out / "knowledge.html").write_text(html_page(kb, problems, today), encoding="utf-8")
    print(f"wrote {a.out / 'knowledge.md'} and {a.out / 'knowledge.html'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
