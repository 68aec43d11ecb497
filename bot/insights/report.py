"""Render the insights as Markdown and a self-contained HTML page with PNG charts."""

from __future__ import annotations

import base64
import html
import io
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from .collect import Insights  # noqa: E402


def _bar(title: str, counts: dict, horizontal: bool = False) -> bytes:
    fig, ax = plt.subplots(figsize=(7, 3.2))
    labels = [str(k) for k in counts]
    values = list(counts.values())
    (ax.barh if horizontal else ax.bar)(labels, values, color="#2b6cb0")
    ax.set_title(title)
    if not horizontal:
        plt.setp(ax.get_xticklabels(), rotation=45, ha="right")
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=90)
    plt.close(fig)
    return buf.getvalue()


def charts(ins: Insights) -> dict[str, bytes]:
    rates = {f"{c} {t}": round(100 * (ins.helpful_rate((c, t)) or 0)) for (c, t) in set(ins.helpful) | set(ins.not_helpful)}
    return {
        "per_day.png": _bar("Conversations per day", dict(sorted(ins.per_day.items()))),
        "per_language.png": _bar("Conversations per language", dict(ins.per_language.most_common())),
        "per_country.png": _bar("Conversations per country", dict(ins.per_country.most_common())),
        "per_topic.png": _bar("Conversations per topic", dict(ins.per_topic.most_common())),
        "helpful_rate.png": _bar("Helpful answers (%) per country and topic", dict(sorted(rates.items())), horizontal=True),
    }


def _table(header: list[str], rows: list[list[object]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(c).replace("|", "/") for c in row) + " |" for row in rows]
    return lines if rows else ["No data yet."]


def sections(ins: Insights) -> list[tuple[str, list[str], list[list[object]]]]:
    keys = sorted(set(ins.helpful) | set(ins.not_helpful))
    rated = sorted(
        set(ins.entry_helpful) | set(ins.entry_not_helpful),
        key=lambda e: (ins.entry_helpful[e] / max(1, ins.entry_helpful[e] + ins.entry_not_helpful[e]), -ins.entry_not_helpful[e]),
    )
    return [
        (
            "Helpful rate per country and topic",
            ["country", "topic", "helpful", "not helpful", "rate"],
            [
                [c, t, ins.helpful[(c, t)], ins.not_helpful[(c, t)], f"{100 * (ins.helpful_rate((c, t)) or 0):.0f} %"]
                for c, t in keys
            ],
        ),
        (
            "Most frequent unanswered questions (redacted)",
            ["country", "topic", "language", "message", "times"],
            [[c, t, lang, text, n] for (c, t, lang, text), n in ins.unanswered.most_common(25)],
        ),
        ("Knowledge entries used most", ["entry", "times"], [[e, n] for e, n in ins.entries_used.most_common(15)]),
        (
            "Entries rated least helpful",
            ["entry", "helpful", "not helpful"],
            [[e, ins.entry_helpful[e], ins.entry_not_helpful[e]] for e in rated[:15]],
        ),
    ]


def markdown(ins: Insights, images: dict[str, bytes]) -> str:
    lines = ["# Wayfinder insights", "", f"Conversations: {ins.conversations}. No sender ids; all texts redacted.", ""]
    lines += [f"![{name}](insights/{name})" for name in images] + [""]
    for title, header, rows in sections(ins):
        lines += [f"## {title}", "", *_table(header, rows), ""]
    return "\n".join(lines)


def html_page(ins: Insights, images: dict[str, bytes]) -> str:
    imgs = "".join(
        f"<figure><img alt='{html.escape(name)}' src='data:image/png;base64,{base64.b64encode(data).decode()}'></figure>"
        for name, data in images.items()
    )
    parts = []
    for title, header, rows in sections(ins):
        head = "".join(f"<th scope='col'>{html.escape(h)}</th>" for h in header)
        body = "".join("<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in row) + "</tr>" for row in rows)
        parts.append(f"<h2>{html.escape(title)}</h2><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Wayfinder insights</title>"
        "<style>body{font-family:sans-serif;margin:1rem;color:#111}td,th{border:1px solid #888;padding:2px 6px}"
        "table{border-collapse:collapse}img{max-width:100%}</style></head><body>"
        f"<h1>Wayfinder insights</h1><p>Conversations: {ins.conversations}. No sender ids; all texts redacted.</p>"
        f"{imgs}{''.join(parts)}</body></html>\n"
    )


def write(ins: Insights, out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    (out / "insights").mkdir(exist_ok=True)
    images = charts(ins)
    for name, data in images.items():
        (out / "insights" / name).write_bytes(data)
    (out / "insights.md").write_text(markdown(ins, images), encoding="utf-8")
    (out / "insights.html").write_text(html_page(ins, images), encoding="utf-8")
    return [out / "insights.md", out / "insights.html"]
