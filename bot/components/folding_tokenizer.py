"""Whitespace tokens whose lemma is the folded word (bot.text.fold_word).

Newcomers type the same word with and without accents, dotless i or Arabic hamza
("yardımın"/"yardimin", "élève"/"eleve", "أطباء"/"اطباء"). The count-vector featurizers
read the lemma, so both spellings share features and the classifier needs examples of
only one; the text itself is untouched for every other component.
"""

from __future__ import annotations

from typing import List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.tokenizers.tokenizer import Token
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.nlu.training_data.message import Message

from bot.text import fold_word


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER], is_trainable=False)
class FoldingTokenizer(WhitespaceTokenizer):
    def tokenize(self, message: Message, attribute: str) -> List[Token]:
        tokens = super().tokenize(message, attribute)
        for token in tokens:
            token.lemma = fold_word(token.text) or token.text
        return tokens
