"""The emergency safety net in bot/lexicon: real emergencies in every language are
caught, ordinary questions (and every non-emergency training example) are not."""

import pytest

from bot.keywords import lexicon
from bot.languages import CORE_LANGUAGES
from bot.training_data import read_examples

# Per language: choking/breathing, collapse, bleeding/injury, fire/gas, poisoning,
# violence/break-in, ambulance. Written for this test, not taken from data/nlu.
EMERGENCIES: dict[str, list[str]] = {
    "en": [
        "help my son is choking on a grape",
        "my grandfather collapsed in the kitchen",
        "my husband cut his hand and is bleeding heavily",
        "two people are seriously injured after a crash",
        "the kitchen is on fire please help",
        "my toddler drank bleach from the bottle",
        "my neighbour has a knife and is shouting at us",
        "call an ambulance my wife is not breathing",
    ],
    "fr": [
        "au secours mon fils s'étouffe avec une bille",
        "ma voisine s'est effondrée dans l'escalier",
        "mon pere a fait un malaise dans le bus",
        "il saigne de la tete apres une chute",
        "un enfant s'est fait renverser par une voiture devant l'école",
        "il y a de la fumee partout dans le couloir",
        "ça sent le gaz dans tout l'immeuble",
        "ma fille a avalé des cachets de sa grand-mère",
        "mon mari m'a frappée et il a un couteau",
        "quelqu'un essaie d'entrer chez nous par la fenêtre",
    ],
    "de": [
        "mein Baby hat sich verschluckt und bekommt keine Luft",
        "Hilfe, mein Opa ist im Bad zusammengebrochen",
        "mein Vater ist plötzlich umgekippt",
        "ein Radfahrer wurde von einem Auto angefahren und blutet am Kopf",
        "überall Rauch im Treppenhaus",
        "mein Sohn hat eine Knopfbatterie verschluckt",
        "mein Mann schlägt mich und droht mich zu töten",
        "jemand versucht gerade einzubrechen",
        "bitte ruft einen Krankenwagen",
    ],
    "es": [
        "mi hija se atragantó con un caramelo",
        "un señor se desplomó en el metro",
        "mi hermano está sangrando mucho de la pierna",
        "a mi primo lo atropelló una moto",
        "se incendió la cocina y hay humo por todas partes",
        "huele a gas en el portal",
        "mi niño se tragó una pila",
        "mi pareja me está golpeando",
        "hay un hombre armado en la calle",
        "necesito una ambulancia ya",
    ],
    "it": [
        "mio figlio sta soffocando con un boccone",
        "un signore è crollato alla fermata",
        "mio marito è caduto dal balcone",
        "c'è sangue dappertutto, si è tagliato",
        "la cucina sta andando a fuoco",
        "sento puzza di gas in casa",
        "il bambino ha ingoiato una moneta",
        "il mio ex mi ha picchiata",
        "qualcuno sta forzando la porta",
        "chiamate un'ambulanza subito",
    ],
    "ar": [
        "ابني عم يختنق بقطعة اكل",
        "ابوي فقد الوعي بالمطبخ",
        "جاري انصاب وعم ينزف كتير",
        "صدمته سيارة وهو عم يقطع الشارع",
        "في حريق بالبناية",
        "ريحة غاز قوية بالبيت",
        "بنتي شربت كلور",
        "زوجي عم يضربني وهددني بالسكين",
        "حرامي بالبيت هلق",
    ],
    "uk": [
        "дитина подавилася цукеркою",
        "бабуся знепритомніла на вулиці",
        "чоловіка вдарили ножем, сильно кровоточить",
        "сина збила машина",
        "у під'їзді все в диму",
        "пахне газом на кухні",
        "донька наковталася таблеток",
        "сусід б'є дружину і погрожує вбити",
        "хтось ломиться в квартиру",
    ],
    "ru": [
        "ребенок поперхнулся орехом и задыхается",
        "муж потерял сознание в ванной",
        "соседа пырнули ножом",
        "брата сбила машина",
        "в подъезде пожар",
        "в квартире воняет газом",
        "сын наглотался таблеток",
        "мужчина с ножом угрожает детям",
        "меня бьют, помогите",
    ],
    "fa": [
        "بچه ام داره خفه میشه یه چیزی تو گلوش گیر کرده",
        "پدرم بیهوش شده و نفس نمیکشه",
        "برادرم تصادف کرده و خونریزی شدید داره",
        "ماشین زد به پسرم",
        "آشپزخونه آتیش گرفته",
        "بوی گاز میاد تو راه پله",
        "بچه ام مرگ موش خورده",
        "شوهرم کتکم میزنه و چاقو کشیده",
        "دزد اومده تو خونمون",
    ],
    "tr": [
        "oğlumun boğazına bir şey kaçtı nefes alamıyor",
        "babam markette yere yığıldı",
        "kardeşim ağır yaralı çok kanıyor",
        "çocuğa araba çarptı",
        "mutfak yanıyor itfaiyeyi arayın",
        "merdivenlerde gaz kokusu var",
        "kızım çamaşır suyu içti",
        "kocam şu an beni dövüyor",
        "biri kapıyı kırmaya çalışıyor",
    ],
}

# Ordinary questions near the emergency vocabulary: being fired, blood tests,
# accident insurance, doctors and pain, an unresponsive landlord or office.
ORDINARY: dict[str, list[str]] = {
    "en": [
        "i was fired from my job",
        "how do i get a blood test",
        "do i need accident insurance for my car",
        "i have back pain, which doctor should i see",
        "the fire alarm in my flat keeps beeping",
    ],
    "fr": [
        "j'ai été viré de mon travail",
        "où faire une prise de sang ?",
        "je cherche une assurance accident",
        "mon propriétaire ne répond plus à mes messages",
        "mon dossier ne bouge plus à la préfecture",
        "j'ai eu une amende au feu rouge",
        "faut-il un détecteur de fumée dans le logement ?",
    ],
    "de": [
        "mir wurde gekündigt, was nun?",
        "wo kann ich einen Bluttest machen?",
        "brauche ich eine Unfallversicherung?",
        "der Vermieter reagiert nicht auf meine E-Mails",
        "es brennt beim Wasserlassen, zu welchem Arzt?",
        "wer zahlt den Krankenwagen nach einem Unfall?",
    ],
    "es": [
        "me despidieron del trabajo",
        "necesito un análisis de sangre",
        "¿necesito un seguro de accidentes?",
        "el casero no responde a mis mensajes",
        "me duele la espalda, ¿a qué médico voy?",
    ],
    "it": [
        "mi hanno licenziato",
        "devo fare le analisi del sangue",
        "serve un'assicurazione contro gli infortuni?",
        "la mia pratica non si muove da mesi",
        "quanto costa l'ambulanza in Italia?",
        "lavoravo come vigile del fuoco",
    ],
    "ar": [
        "انطردت من الشغل",
        "وين بعمل تحليل دم",
        "بدي تامين حوادث",
        "صاحب البيت ما عم يرد علي",
        "ملفي ما عم يتحرك",
        "كم بتكلف سيارة الاسعاف",
    ],
    "uk": [
        "мене звільнили з роботи",
        "де здати аналіз крові",
        "чи потрібна страховка від нещасного випадку",
        "моя справа не рухається",
        "скільки коштує виклик швидкої",
    ],
    "ru": [
        "меня уволили с работы",
        "где сдать анализ крови",
        "хозяин квартиры не отвечает",
        "сколько стоит вызов скорой",
        "он говорил со мной в грубом тоне",
    ],
    "fa": [
        "از کارم اخراج شدم",
        "برای آزمایش خون کجا باید برم",
        "بیمه حوادث لازم دارم؟",
        "صاحبخونه جواب نمیده",
        "پرونده ام تکون نمیخوره",
    ],
    "tr": [
        "işten kovuldum",
        "kan tahlili nerede yapılır",
        "kaza sigortası lazım mı",
        "ev sahibi cevap vermiyor",
        "planlarım suya düştü",
    ],
}


def test_every_language_is_covered():
    assert set(EMERGENCIES) == set(CORE_LANGUAGES) == set(ORDINARY)
    assert all(len(texts) >= 6 for texts in EMERGENCIES.values())


@pytest.mark.parametrize(("lang", "text"), [(lang, t) for lang, texts in EMERGENCIES.items() for t in texts])
def test_emergency_is_caught(lang, text):
    assert lexicon().scan(text).emergency, f"{lang}: {text}"


@pytest.mark.parametrize(("lang", "text"), [(lang, t) for lang, texts in ORDINARY.items() for t in texts])
def test_ordinary_question_is_not_an_emergency(lang, text):
    assert not lexicon().scan(text).emergency, f"{lang}: {text}"


def _emergency_terms(text: str) -> list[str]:
    return [m.term for m in lexicon().emergency.find_in(text)]


@pytest.mark.parametrize("lang", CORE_LANGUAGES)
def test_no_training_example_of_another_intent_is_an_emergency(lang):
    hits = [
        (intent, line, _emergency_terms(line))
        for intent, lines in read_examples(lang).items()
        if intent != "emergency"
        for line in lines
        if lexicon().scan(line).emergency
    ]
    assert not hits, "\n".join(f"{intent}: {line!r} matched {terms}" for intent, line, terms in hits)


def test_sentences_are_not_copied_from_training_data():
    for lang in CORE_LANGUAGES:
        lines = {line.casefold() for texts in read_examples(lang).values() for line in texts}
        assert not lines & {t.casefold() for t in EMERGENCIES[lang] + ORDINARY[lang]}, lang
