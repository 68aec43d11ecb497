"""A small valid knowledge tree for tests, written into a temporary folder."""

from pathlib import Path

COUNTRY = """\
country: DE
host_languages: [de]
emergency:
  - number: "112"
    service: {en: "Fire and ambulance", de: "Feuerwehr und Rettungsdienst"}
  - number: "110"
    service: {en: "Police", de: "Polizei"}
advice_services:
  - name: "Test advice"
    helps_with: {en: "Advice for newcomers"}
    url: https://www.example.org/advice
sources:
  - title: "Test source"
    url: https://www.example.org/
reviewed: 2026-11-01
"""

TOPIC = """\
country: DE
topic: healthcare
entries:
  - id: de-healthcare-general
    statuses: [all]
    terms: [Krankenkasse]
    sources:
      - title: "Official page"
        url: https://www.example.org/health
    reviewed: 2026-11-01
    answer:
      en: "1. Choose a health insurance fund (Krankenkasse)."
      ar: "1. اختر صندوق تأمين صحي (Krankenkasse)."
    translation: {en: original, ar: machine-assisted}
  - id: de-healthcare-insurance-asylum_seeker
    subtopic: insurance
    statuses: [asylum_seeker]
    terms: [Behandlungsschein]
    sources:
      - title: "Official page"
        url: https://www.example.org/asylum
    reviewed: 2026-11-01
    answer:
      en: "Ask the social welfare office for a treatment voucher (Behandlungsschein)."
    translation: {en: original}
"""


def write_knowledge(root: Path, topic: str = TOPIC, country: str = COUNTRY) -> Path:
    (root / "de").mkdir(parents=True, exist_ok=True)
    (root / "de" / "country.yml").write_text(country, encoding="utf-8")
    (root / "de" / "healthcare.yml").write_text(topic, encoding="utf-8")
    return root
