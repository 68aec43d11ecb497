"""Rate limits and metadata hygiene of our channel connectors."""

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from bot.channels.guard import clean_metadata, guarded
from bot.channels.limits import RateLimiter, client_key
from bot.nlg.catalog import t


def test_limiter_counts_per_key_and_window():
    limiter = RateLimiter(per_minute=3)
    assert all(limiter.allow("a", now=i) for i in range(3))
    assert not limiter.allow("a", now=3)
    assert limiter.allow("b", now=3)
    assert limiter.allow("a", now=70)


def test_metadata_keeps_only_what_we_use():
    assert clean_metadata({"language": "uk-UA", "phone": "+49 176 1234567", "x": {"y": 1}}) == {"language": "uk"}
    assert clean_metadata("not a dict") == {}
    assert client_key("127.0.0.1") != "127.0.0.1"


async def test_over_the_limit_gets_a_polite_reply_in_the_users_language():
    handled = []

    async def on_new_message(message):
        handled.append(message.text)
        await message.output_channel.send_response(message.sender_id, {"text": "answer"})

    handle = guarded(on_new_message, RateLimiter(per_minute=2), RateLimiter(per_minute=100))
    out = CollectingOutputChannel()
    for i in range(3):
        await handle(UserMessage(f"як знайти житло у Берліні {i}", out, "s1", metadata={"_client": "k"}))
    assert len(handled) == 2
    assert out.messages[-1]["text"] == t("uk", "rate_limited")
