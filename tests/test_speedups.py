"""Our faster response checks accept and reject exactly what Rasa's do."""

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction
from rasa.core.nlg.callback import CallbackNaturalLanguageGenerator
from rasa.shared.exceptions import RasaException

from bot import speedups

ACTION_GOOD = [
    {"events": [{"event": "slot", "name": "country", "value": "de"}], "responses": [{"response": "utter_x"}]},
    {"events": [], "responses": []},
    {},
]
ACTION_BAD = [{"events": "not a list"}, {"events": [{"event": 1}]}, {"responses": {"text": "not a list"}}]
NLG_GOOD = [{"text": "hello"}, {"text": "hi", "buttons": [{"title": "A", "payload": "/a"}]}, None]
NLG_BAD = [{"text": 5}, {"buttons": "no"}]


@pytest.mark.parametrize("installed", [False, True])
def test_same_verdicts_as_rasa(installed):
    speedups.install() if installed else speedups.uninstall()
    try:
        action = RemoteAction("action_answer", None)
        validate_nlg = CallbackNaturalLanguageGenerator.validate_response
        for result in ACTION_GOOD:
            assert action._validate_action_result(result) is True
        for result in ACTION_BAD:
            with pytest.raises(ValidationError):
                action._validate_action_result(result)
        for content in NLG_GOOD:
            assert validate_nlg(content) is True
        for content in NLG_BAD:
            with pytest.raises(RasaException):
                validate_nlg(content)
    finally:
        speedups.install()
