"""Everyday chat words that name one language among our Latin-script candidates.

The statistical models misread very short everyday messages ("hello" -> Italian,
"i am in" -> Turkish). These greetings, thanks, pronouns, forms of "to be" and
function words settle such messages: bot.language boosts the language whose words
a message uses. An entry counts only if it is unambiguous WITHIN en fr de es it tr,
even as a rarer word: so "in", "a", "la", "die", "was", "im", "am", "me", "no",
"non", "para", "hasta" (Turkish), "pour" (English) and the like are left out on
purpose. Curated by hand and checked against spaCy's stop-word lists of the other
five languages. Entries are comma-separated; a two-word entry matches adjacent
words ("i am", "im in": alone, "i" is also Italian, "am" and "im" German).
"""

from __future__ import annotations

_WORDS = {
    "en": """hello, hi, hiya, thanks, thank, thx, thanx, please, pls, plz, yes, yeah, yep, nope, sorry,
        bye, goodbye, good, morning, evening, afternoon, night, the, and, is, are, were, be,
        i am, i'm, im in, i've, i'll, you, your, you're, youre, my, we, our, they, them, she, it, its, it's,
        what, what's, whats, where, when, how, why, who, which, could, would, should, have, had,
        does, did, don't, doesn't, can't, cant, not, need, want, help, with, from, this,
        that, there, here, to, for, of, if, get, got, know, live, work, about, any, some, just""",
    "fr": """bonjour, bonsoir, salut, coucou, merci, oui, ouais, j'ai, j'habite, suis, c'est,
        vous, nous, elle, elles, ils, une, et, avec, dans, mais, quoi, où, ou, s'il, plaît,
        plait, svp, stp, besoin, avez, êtes, etes, très, mon, moi, toi, ça, sont, avoir, être, etre,
        beaucoup, voudrais, veux, peux, cherche, habite, aussi, qu'est, d'accord, revoir""",
    "de": """hallo, moin, servus, tschüss, tschüs, tschuss, danke, dankeschön, bitte, ja, nein, ich,
        bist, sie, wir, ihr, ist, sind, und, das, nicht, kein, keine, mit, ein, eine, einen,
        auf, für, wie, wo, warum, wann, wer, guten, morgen, abend, hilfe, brauche, habe, hast,
        haben, möchte, kann, schön, schon, auch, noch, aber, oder, mein, meine, vielen, sehr,
        gerne, jetzt, heute, wohne, suche, mir, mich, nach, bei, von, zu""",
    "es": """hola, gracias, buenos, buenas, bueno, días, dias, sí, estoy, eres, está, esta, estás,
        estas, por, muy, qué, cómo, dónde, donde, necesito, quiero, tengo, puedo, ayuda,
        usted, ustedes, nosotros, adiós, adios, luego, también, tambien, eso, esto, mucho, señor,
        cuando, quien, quién, porque, cual, cuál, ahora, aquí, aqui""",
    "it": """ciao, grazie, buongiorno, buonasera, buonanotte, arrivederci, prego, sì, sono, siamo, io,
        è, gli, della, delle, degli, dello, dei, nel, nella, che, hai, abbiamo, voglio, vorrei,
        posso, bisogno, aiuto, perché, perche, questo, questa, sto, molto, anche, tutto, bene,
        niente, scusa, scusi, quando, cerco, buona, buon, essere, avere, qualcosa""",
    "tr": """merhaba, selam, selamlar, slm, teşekkürler, tesekkurler, teşekkür, tesekkur, sağol, sagol,
        sağolun, sagolun, evet, hayır, hayir, ben, sen, biz, siz, benim, senin, bir, ve, bu, var,
        yok, nasıl, nasil, nerede, neden, için, icin, lütfen, lutfen, yardım, yardim, istiyorum,
        lazım, lazim, değil, degil, çok, cok, iyi, günaydın, gunaydin, tamam, şimdi, simdi,
        efendim, mı, mu, mü, misin, musun""",
}


def _table() -> dict[str, str]:
    table: dict[str, str] = {}
    for lang, words in _WORDS.items():
        for word in (w.strip() for w in words.split(",")):
            if table.setdefault(word, lang) != lang:
                raise ValueError(f"{word!r} is listed for both {table[word]} and {lang}")
    return table


WORD_LANGUAGE: dict[str, str] = _table()  # "hello" -> "en", "i am" -> "en"
