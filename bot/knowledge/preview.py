"""`make kb-preview COUNTRY=de TOPIC=housing LANG=ar [STATUS=...] [SUBTOPIC=...]`:
print the answer exactly as a user gets it (text and buttons)."""

from __future__ import annotations

import argparse
import sys

from bot.conversation import State
from bot.dialogue import respond
from bot.knowledge.model import STATUSES, TOPICS
from bot.knowledge.store import KnowledgeStore
from bot.languages import CORE_LANGUAGES


def preview(country: str, topic: str, lang: str, status: str | None = None, subtopic: str | None = None) -> str:
    kb = KnowledgeStore().get()
    entities = [{"entity": "subtopic", "value": f"{topic}.{subtopic}"}] if subtopic else []
    state = State(
        slots={"language_explicit": lang, "country": country.upper(), "status": status},
        latest={"intent": {"name": f"ask_{topic}"}, "entities": entities},
    )
    out = []
    for r in respond(kb, state).replies:
        out.append(r["text"])
        out += [f"  [{b['title']}]  {b['payload']}" for b in r.get("buttons") or []]
        out.append("")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--country", required=True)
    p.add_argument("--topic", required=True, choices=sorted(TOPICS))
    p.add_argument("--lang", default="en", choices=CORE_LANGUAGES)
    p.add_argument("--status", choices=STATUSES)
    p.add_argument("--subtopic")
    a = p.parse_args(argv)
    if a.subtopic and a.subtopic not in TOPICS[a.topic]:
        p.error(f"subtopic must be one of {', '.join(TOPICS[a.topic])}")
    print(preview(a.country, a.topic, a.lang, a.status, a.subtopic))
    return 0


if __name__ == "__main__":
    sys.exit(main())
