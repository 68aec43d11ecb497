"""Our trainable NLU pieces: accent folding and the intent ensemble."""

from __future__ import annotations

import numpy as np
import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.features import Features
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from scipy.sparse import csr_matrix

from bot.components.folding_tokenizer import FoldingTokenizer
from bot.components.intent_ensemble import IntentEnsemble


def lemmas(text: str) -> list[str]:
    tokenizer = FoldingTokenizer(FoldingTokenizer.get_default_config())
    return [t.lemma for t in tokenizer.tokenize(Message({TEXT: text}), TEXT)]


@pytest.mark.parametrize(
    ("typed", "hurried"),
    [
        ("Yardımın için minnettarım", "yardimin icin minnettarim"),
        ("İSTANBUL'da doktor", "istanbul'da doktor"),
        ("Mon fils va à l'école", "mon fils va a l'ecole"),
        ("niño Straße", "nino strasse"),
        ("أطباء إسطنبول", "اطباء اسطنبول"),
        ("Ещё врач", "еще врач"),
    ],
)
def test_accented_and_plain_spellings_share_features(typed, hurried):
    assert lemmas(typed) == lemmas(hurried)


def test_cyrillic_letters_are_not_folded_away():
    # й and ї are letters of their own in Ukrainian and Russian, not accents
    assert lemmas("мій їжак") == ["мій", "їжак"]
    assert lemmas("мій") != lemmas("мiи")


def test_the_text_itself_is_untouched():
    tokenizer = FoldingTokenizer(FoldingTokenizer.get_default_config())
    assert [t.text for t in tokenizer.tokenize(Message({TEXT: "Élève"}), TEXT)] == ["Élève"]


VOCAB = ["doctor", "school", "flat", "hello"]


def featurised(words: str, intent: str | None = None, prior: dict[str, float] | None = None) -> Message:
    row = np.array([[float(w in words.split()) for w in VOCAB]])
    message = Message({TEXT: words, **({INTENT: intent} if intent else {})})
    message.add_features(Features(csr_matrix(row), FEATURE_TYPE_SENTENCE, TEXT, "test"))
    if prior:
        message.set(INTENT_RANKING_KEY, [{"name": n, "confidence": c} for n, c in prior.items()])
    return message


@pytest.fixture()
def trained(tmp_path):
    storage = LocalModelStorage(tmp_path)
    resource = Resource("ensemble")
    context = ExecutionContext(GraphSchema({}), node_name="ensemble")
    component = IntentEnsemble.create(IntentEnsemble.get_default_config(), storage, resource, context)
    examples = [
        featurised(text, intent)
        for text, intent in [
            ("doctor", "ask_healthcare"),
            ("doctor hello", "ask_healthcare"),
            ("school", "ask_schooling"),
            ("school hello", "ask_schooling"),
            ("flat", "ask_housing"),
            ("flat hello", "ask_housing"),
            ("hello", "greet"),
        ]
        * 3
    ]
    component.train(TrainingData(training_examples=examples))
    loaded = IntentEnsemble.load(IntentEnsemble.get_default_config(), storage, resource, context)
    return loaded


def test_a_clear_linear_opinion_overrules_an_unsure_diet(trained):
    unsure = {"ask_schooling": 0.4, "ask_healthcare": 0.35, "ask_housing": 0.25}
    message = trained.process([featurised("doctor", prior=unsure)])[0]
    assert message.get(INTENT)["name"] == "ask_healthcare"


def test_a_confident_diet_is_kept_when_the_linear_model_hesitates(trained):
    # "hello doctor school" is split between two topics for the linear model
    sure = {"ask_schooling": 0.98, "ask_healthcare": 0.01, "greet": 0.01}
    message = trained.process([featurised("hello doctor school", prior=sure)])[0]
    assert message.get(INTENT)["name"] == "ask_schooling"


def test_without_diet_the_linear_model_decides_and_the_ranking_is_a_distribution(trained):
    message = trained.process([featurised("flat")])[0]
    ranking = message.get(INTENT_RANKING_KEY)
    assert message.get(INTENT)["name"] == "ask_housing" == ranking[0]["name"]
    assert sum(r["confidence"] for r in ranking) == pytest.approx(1.0)
    assert [r["confidence"] for r in ranking] == sorted((r["confidence"] for r in ranking), reverse=True)


def settled(text: str, ranking: dict[str, float]) -> dict:
    """IntentRules after the classifiers gave `ranking` for `text`."""
    from bot.components.intent_rules import IntentRules
    from bot.components.situation_extractor import SituationExtractor

    message = Message({TEXT: text})
    message.set(INTENT, {"name": next(iter(ranking)), "confidence": next(iter(ranking.values()))})
    message.set(INTENT_RANKING_KEY, [{"name": n, "confidence": c} for n, c in ranking.items()])
    SituationExtractor({}).process([message])
    IntentRules(IntentRules.get_default_config()).process([message])
    return message.get(INTENT)


def test_a_bare_topic_word_is_a_question_on_that_topic_when_the_classifier_leans_to_it():
    # "житло" (housing) alone: the classifiers agree but too weakly for the fallback
    assert settled("житло", {"ask_housing": 0.42, "greet": 0.26, "goodbye": 0.2}) == {
        "name": "ask_housing",
        "confidence": 1.0,
    }


def test_a_topic_word_does_not_overrule_a_confident_or_contrary_classifier():
    assert settled("keine wohnung mehr nötig, tschüss", {"goodbye": 0.9, "ask_housing": 0.05})["name"] == "goodbye"
    # unsure, but the topic is nowhere near the top: leave it to the fallback
    unsure = {"out_of_scope": 0.4, "thanks": 0.3, "greet": 0.2, "ask_healthcare": 0.1}
    assert settled("treatment for my car", unsure)["name"] == "out_of_scope"
    # two topics named: no single topic to pick
    assert settled("school or housing", {"ask_schooling": 0.4, "ask_housing": 0.38})["confidence"] == 0.4


def test_greeting_or_goodbye_is_not_an_ambiguity():
    intent = settled("ciao", {"goodbye": 0.52, "greet": 0.47, "thanks": 0.01})
    assert intent["name"] == "goodbye" and intent["confidence"] == pytest.approx(0.99)
