"""Shared plumbing for our rule-based NLU components."""

from __future__ import annotations

from typing import Any, Dict, List

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData


class RuleComponent(GraphComponent):
    """A component with no training: it only annotates messages at run time."""

    def __init__(self, config: Dict[str, Any]) -> None:
        self.config = config

    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> RuleComponent:
        return cls(config)

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            self.process_one(message)
        return messages

    def process_one(self, message: Message) -> None:
        raise NotImplementedError

    @staticmethod
    def text(message: Message) -> str:
        return message.get(TEXT) or ""

    def add_entity(
        self,
        message: Message,
        name: str,
        value: Any,
        start: int | None = None,
        end: int | None = None,
        confidence: float = 1.0,
    ) -> None:
        text = self.text(message)
        entity = {
            "entity": name,
            "value": value,
            "start": 0 if start is None else start,
            "end": len(text) if end is None else end,
            "confidence": confidence,
            "extractor": self.__class__.__name__,
        }
        message.set(ENTITIES, [*message.get(ENTITIES, []), entity], add_to_output=True)
