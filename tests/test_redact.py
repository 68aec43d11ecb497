"""Personal data is replaced by placeholders, in several scripts; official numbers stay."""

import pytest

from bot.privacy.redact import redact


@pytest.mark.parametrize(
    ("text", "kind", "secret"),
    [
        ("call me +49 176 12345678", "phone", "12345678"),
        ("mon numéro 06 12 34 56 78", "phone", "56 78"),
        ("رقمي ٠١٧٦١٢٣٤٥٦٧٨", "phone", "٠١٧٦"),
        ("شماره من ۰۹۱۲۳۴۵۶۷۸۹ است", "phone", "۰۹۱۲"),
        ("mail: ali.r@example.com", "email", "ali.r@example.com"),
        ("пишіть на olena@ukr.net", "email", "olena@ukr.net"),
        ("IBAN DE89 3704 0044 0532 0130 00", "iban", "0532"),
        ("Passport number C01X00T47", "document", "C01X00T47"),
        ("паспорт FN 123456", "document", "123456"),
        ("Aufenthaltstitel Nr. Y2K4L7M9P", "document", "Y2K4L7M9P"),
        ("شماره پاسپورت من K12345678 است", "document", "K12345678"),
        ("born 12.03.1990", "date", "1990"),
        ("doğum tarihim 1988-07-21", "date", "1988"),
        ("ich wohne in der Hauptstraße 12", "address", "Hauptstraße 12"),
        ("j'habite 12 rue de la Paix", "address", "rue de la Paix"),
        ("вул. Шевченка 5", "address", "Шевченка"),
    ],
)
def test_redacts(text, kind, secret):
    out, kinds = redact(text)
    assert kind in kinds
    assert secret not in out and f"[{kind}]" in out


@pytest.mark.parametrize(
    "text",
    [
        "call 112 or 116117 at night",
        "how do i find a flat in berlin",
        "I need my carte vitale",
        "i came in 2024",
        "3 months deposit",
    ],
)
def test_leaves_ordinary_text_alone(text):
    assert redact(text) == (text, [])
