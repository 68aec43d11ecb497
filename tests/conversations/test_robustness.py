"""Random and malformed input through the REST channel: never a 500, always a reply."""

from __future__ import annotations

import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conversations.conftest import REST, Chat

messages = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1000, max_size=5000),
    st.sampled_from(["/", "/inform{", '/inform{"country": 5}', "/restart", "\u202e\u200f", "{}", "%s%n"]),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=messages)
def test_any_text_gets_a_reply(stack, text):
    chat = Chat()
    r = requests.post(REST, json={"sender": chat.sender, "message": text}, timeout=60)
    assert r.status_code == 200
    assert r.json(), f"no reply to {text[:40]!r}"


def test_malformed_requests_are_answered_not_crashed(stack):
    for body in [b"not json", b"{}", b'{"sender": "x"}', b'{"message": 5, "sender": "y"}']:
        r = requests.post(REST, data=body, headers={"content-type": "application/json"}, timeout=30)
        assert r.status_code < 500, body
