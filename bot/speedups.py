"""Faster checks of action server and NLG responses inside Rasa.

Rasa 3.6 validates every custom action response and every NLG response with
`jsonschema.validate`, which first checks the schema itself against the draft 2020-12
meta-schema, on every call. In our profile (py-spy, 10 concurrent users) that was about
30 % of the Rasa process's CPU per message. We keep Rasa's checks and errors, with each
schema checked once.
"""

from __future__ import annotations

from functools import cache
from typing import Any, Callable

from jsonschema import exceptions, validators
from rasa.core.actions.action import RemoteAction
from rasa.core.nlg.callback import CallbackNaturalLanguageGenerator, nlg_response_format_spec
from rasa.shared.exceptions import RasaException

_ORIGINALS = (RemoteAction._validate_action_result, CallbackNaturalLanguageGenerator.validate_response)


@cache
def _validator(spec: Callable[[], dict]) -> Any:
    schema = spec()
    cls = validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def _first_error(spec: Callable[[], dict], content: Any) -> exceptions.ValidationError | None:
    return exceptions.best_match(_validator(spec).iter_errors(content))


def _validate_action_result(self: RemoteAction, result: dict[str, Any]) -> bool:
    error = _first_error(RemoteAction.action_response_format_spec, result)
    if error is not None:
        error.message += ". Failed to validate Action server response from API"
        raise error
    return True


def _validate_nlg_response(content: dict[str, Any] | None) -> bool:
    if content is None or content == "":
        return True  # the endpoint chose not to respond
    error = _first_error(nlg_response_format_spec, content)
    if error is not None:
        raise RasaException(f"{error.message}. Failed to validate NLG response from API")
    return True


def install() -> None:
    """Idempotent; called when our channels are set up, before the first message."""
    RemoteAction._validate_action_result = _validate_action_result  # type: ignore[method-assign]
    CallbackNaturalLanguageGenerator.validate_response = staticmethod(_validate_nlg_response)  # type: ignore[method-assign]


def uninstall() -> None:
    RemoteAction._validate_action_result, validate = _ORIGINALS  # type: ignore[method-assign]
    CallbackNaturalLanguageGenerator.validate_response = staticmethod(validate)  # type: ignore[method-assign]
