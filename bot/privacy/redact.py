"""Replace personal data by placeholders before anything is stored or logged.

Covers e-mail addresses, IBANs, phone numbers, dates (of birth), passport, ID-card and
residence-permit numbers, and street addresses where recognisable, in any script:
digits in Arabic-Indic and Persian forms are normalised before matching.
Short official numbers (112, 116117) are not phone numbers here: 8+ digits are needed.
"""

from __future__ import annotations

import re

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,4})?\b", re.IGNORECASE)
# +49 176 1234567, 0176-1234567, (030) 123 456 78, 00 33 6 12 34 56 78
PHONE = re.compile(r"(?<![\w+])(?:\+|00)?\(?\d[\d\s().\-/]{6,18}\d(?![\w])")
DATE = re.compile(r"\b(?:\d{1,2}[./-]\d{1,2}[./-](?:19|20)\d{2}|(?:19|20)\d{2}-\d{1,2}-\d{1,2})\b")
# Document numbers: a run of 6-12 letters and digits with at least 2 digits and 1 letter,
# or 8+ digits, after a document word in any of our languages.
DOC_WORDS = (
    r"passport|pass|reisepass|ausweis|personalausweis|aufenthaltstitel|aufenthaltserlaubnis|id|"
    r"passeport|carte|titre de séjour|pasaporte|nie|dni|tie|passaporto|permesso|carta|"
    r"pasaport|kimlik|ikamet|паспорт|посвідка|вид на жительство|номер|"
    r"جواز|جواز السفر|هوية|إقامة|اقامة|پاسپورت|گذرنامه|کارت اقامت|شماره"
)
DOC = re.compile(
    rf"(?i)(?<!\w)(?:{DOC_WORDS})\s*(?:no\.?|nr\.?|number|nummer|numéro|n°|№|#|:)?\s*[:\-]?\s*"
    r"((?=[A-Z0-9 -]*\d)[A-Z0-9][A-Z0-9 -]{4,14}[A-Z0-9])"
)
DOC_SHAPE = re.compile(r"\b(?=[A-Z0-9]*\d[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{8,12}\b")
_STREET_SUFFIX = r"(?:straße|strasse|str\.|weg|platz|allee|gasse|ring|damm|laan|straat|gatan|vägen)"
_STREET_AFTER_NUMBER = r"(?:rue|avenue|bd|boulevard|chemin|impasse|via|viale|piazza|calle|avenida|rua|street|st\.|road|rd\.)"
_STREET_BEFORE_NUMBER = r"(?:rue|avenue|via|viale|piazza|calle|avenida|rua|ul\.|ulica|вул\.|вулиця|ул\.|улица|شارع|خیابان)"
STREET = re.compile(
    rf"(?i)\b[\w'-]+{_STREET_SUFFIX}\s*\d+\w?\b"
    rf"|\b\d+\w?,?\s+{_STREET_AFTER_NUMBER}\s+[\w' -]{{2,40}}"
    rf"|\b{_STREET_BEFORE_NUMBER}\s+[\w' -]{{2,30}}?\s*\d+\w?\b"
)

PLACEHOLDERS = ("[email]", "[iban]", "[phone]", "[date]", "[document]", "[address]")


def redact(text: str) -> tuple[str, list[str]]:
    """The text with personal data replaced, and the kinds found."""
    if not text:
        return text, []
    found: list[str] = []
    out = text.translate(_DIGITS)

    def sub(pattern: re.Pattern, placeholder: str, s: str, group: int = 0) -> str:
        def repl(m: re.Match) -> str:
            found.append(placeholder.strip("[]"))
            if group:
                return m.group(0)[: m.start(group) - m.start(0)] + placeholder
            return placeholder

        return pattern.sub(repl, s)

    out = sub(EMAIL, "[email]", out)
    out = sub(IBAN, "[iban]", out)
    out = sub(DOC, "[document]", out, group=1)
    out = sub(DATE, "[date]", out)
    out = sub(PHONE, "[phone]", out) if _has_long_number(out) else out
    out = sub(DOC_SHAPE, "[document]", out)
    out = sub(STREET, "[address]", out)
    if not found:
        return text, []
    return out, sorted(set(found))


def _has_long_number(text: str) -> bool:
    return any(len(re.sub(r"\D", "", m.group(0))) >= 8 for m in PHONE.finditer(text))


def redact_text(text: str) -> str:
    return redact(text)[0]
