"""Building Rasa trackers for tests."""

from rasa.shared.core.trackers import DialogueStateTracker


def tracker(sender, *events):
    t = DialogueStateTracker(sender, slots=[])
    for e in events:
        t.update(e)
    return t
