"""Each detector finds what it should, with evidence on the original text, and stays quiet
on ordinary French."""

from __future__ import annotations

import pytest

from palabre.moderation.charter import default_charter
from palabre.moderation.charter_parse import parse_charter
from palabre.moderation.detectors.base import Detector
from palabre.moderation.detectors.hate import HateDetector
from palabre.moderation.detectors.illegal import IllegalDetector
from palabre.moderation.detectors.insult import InsultDetector
from palabre.moderation.detectors.profanity import ProfanityDetector
from palabre.moderation.detectors.spam import SpamDetector
from palabre.moderation.detectors.violence import ViolenceDetector
from palabre.moderation.findings import CheckContext

CTX = CheckContext()
CLEAN = [
    "Merci pour cet article très clair, il résume bien la situation.",
    "Le sommet d'Anchorage s'est conclu sans accord, les combats continuent en Ukraine.",
    "Les enfants de Gaza massacrés chaque jour : c'est une tragédie.",
    "La Russie ne veut pas tuer les Européens, elle veut dominer stratégiquement.",
    "Le cône de glace était délicieux, le conte aussi.",
    "La banque Rothschild a publié ses résultats trimestriels.",
    "Appelez la mairie, elle répondra.",
]
DETECTORS: list[Detector] = [
    InsultDetector(),
    ProfanityDetector(),
    HateDetector(),
    ViolenceDetector(),
    IllegalDetector(),
    SpamDetector(),
]


def score(detector: Detector, text: str, context: CheckContext = CTX) -> float:
    output = detector.detect(text, context, default_charter())
    for f in output.findings:
        for span in f.spans:
            assert span.text == text[span.start : span.end]
        assert f.explanation and f.detector == detector.name
        assert f.category in detector.categories
    return max((f.score for f in output.findings), default=0.0)


@pytest.mark.parametrize("text", CLEAN)
@pytest.mark.parametrize("detector", DETECTORS, ids=lambda d: d.name)
def test_clean_text_scores_low(detector: Detector, text: str) -> None:
    assert score(detector, text) < 0.45


def test_detectors_follow_the_protocol() -> None:
    for detector in DETECTORS:
        assert isinstance(detector, Detector)


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("Espèce de connard !", 0.75, 1.0),
        ("bande de crétins", 0.75, 1.0),
        ("l'autre bouffon de Trump", 0.75, 1.0),
        ("en bon (connard) businessman", 0.75, 1.0),
        ("mettre à genoux cette vieille chienne", 0.75, 1.0),
        ("Faut être un tweetos décérébré pour y croire", 0.45, 1.0),
        ("t'es qu'un c0nn@rd", 0.45, 1.0),
        ("c o n n a r d", 0.75, 1.0),
        ("connaaaaard", 0.45, 1.0),
        ("ce n'est pas un imbécile", 0.0, 0.45),
        ("il a traité son voisin de « connard », dit le juge", 0.0, 0.45),
        ("quel con", 0.3, 0.75),
        ("Ma chienne a eu six chiots.", 0.0, 0.45),
        ("Les ordures ménagères ne sont plus ramassées.", 0.0, 0.45),
        ("la situation dégénère, il demeure là", 0.0, 0.45),
        ("Allez vous faire foutre.", 0.75, 1.0),
    ],
)
def test_insults(text: str, low: float, high: float) -> None:
    assert low <= score(InsultDetector(), text) < high


def test_charter_words_are_used() -> None:
    charter = parse_charter(
        'version = "1"\nnom = "t"\n[[clause]]\nid = "a"\ntexte = "b"\ncategories = ["insulte"]\n'
        '[seuils.insulte]\nretenir = 0.5\n[mots]\nautorises = ["bouffon"]\n'
        '[mots.interdits]\ninsulte = ["zigoto"]\n'
    )
    detector = InsultDetector()
    assert detector.detect("quel zigoto", CTX, charter).findings[0].score >= 0.95
    assert detector.detect("ce bouffon", CTX, charter).findings == ()


@pytest.mark.parametrize(
    ("text", "low"),
    [("putain de merde", 0.6), ("ça me fait chier", 0.5), ("quel bordel", 0.2)],
)
def test_profanity(text: str, low: float) -> None:
    assert score(ProfanityDetector(), text) >= low


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("Et tout ça, en évinçant le gang Rothshild...", 0.75, 1.0),
        ("le clan Rotchild contrôle tout", 0.75, 1.0),
        ("sale bougnoule", 0.75, 1.0),
        ("les migrants sont des rats", 0.75, 1.0),
        ("Ces gens-là sont des parasites qui vivent à nos crochets.", 0.45, 0.75),
        ("Ces gens-là ne sont pas des parasites.", 0.0, 0.45),
        ("Ces personnes sont des médecins réputés.", 0.0, 0.45),
        ("dehors les arabes", 0.45, 1.0),
        ("renvoyez-les chez eux", 0.45, 1.0),
        ("les ukro hard de Lvov essaient d'imposer", 0.45, 0.75),
        ("Nethanyaou, le véritable maître à la Maison Blanche.", 0.45, 0.75),
        ("les ricains l'ont saboté", 0.0, 0.45),
        ("retourne dans ton pays", 0.45, 0.75),
        ("C'est facile de tuer des noirs", 0.45, 0.75),
        ("La Russie ne veut pas tuer les juifs", 0.0, 0.45),
        ("comme tous les Français, il aime le fromage", 0.0, 0.45),
        ("la situation dégénère, les arabes et les juifs négocient", 0.0, 0.45),
    ],
)
def test_hate(text: str, low: float, high: float) -> None:
    assert low <= score(HateDetector(), text) < high


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("il faut le tuer", 0.8, 1.0),
        ("qu'il crève", 0.75, 1.0),
        ("je vais te buter", 0.8, 1.0),
        ("mort aux traîtres", 0.8, 1.0),
        ("Poutine devrait éliminer Trump pour négocier", 0.45, 0.8),
        ("il ne faut pas le tuer", 0.0, 0.45),
    ],
)
def test_violence(text: str, low: float, high: float) -> None:
    assert low <= score(ViolenceDetector(), text) < high


@pytest.mark.parametrize(
    "text",
    [
        "son numéro : 06 12 34 56 78",
        "appelez le +33 6 12 34 56 78",
        "écrivez-lui à jean.dupont@example.fr",
        "il habite au 12 rue des Lilas, 75011 Paris",
        "vive Daech",
        "la shoah n'a jamais existé",
        "je vends de la coke",
    ],
)
def test_illegal(text: str) -> None:
    assert score(IllegalDetector(), text) >= 0.5


def test_spam() -> None:
    spam = SpamDetector()
    assert score(spam, "voir https://bit.ly/x et http://a.com/b") >= 0.85
    assert score(spam, "un lien : https://exemple.fr/article") < 0.45
    again = CheckContext(recent_texts_by_author=("Achetez   ICI",))
    assert score(spam, "Achetez ici", again) >= 0.75
    # many messages in a short time are not spam (the comments service asks to wait)
    assert score(spam, "Bonjour à tous", CheckContext(recent_count_by_author=25)) < 0.45
    assert score(spam, "lol lol lol lol lol lol") >= 0.5


@pytest.mark.parametrize(
    ("text", "category", "low"),
    [
        ("cette p*tain de page", "grossierete", 0.5),
        ("espèce de c*nnard", "insulte", 0.75),
        ("qu’il crève", "violence", 0.75),  # typographic apostrophe
        ("musulmans enculeurs de chèvres", "haine", 0.75),
        ("ce n'est qu'un arabe fainéant", "haine", 0.45),
        ("J’espère que tu te feras écraser par un camion", "violence", 0.75),
        ("leo arrête ou jte supprime", "violence", 0.75),
    ],
)
def test_obfuscation_and_context(text: str, category: str, low: float) -> None:
    detectors = {d.categories[0]: d for d in DETECTORS}
    assert score(detectors[category], text) >= low  # type: ignore[index]


def test_group_words_alone_are_not_hate() -> None:
    assert score(HateDetector(), "Les musulmans et les juifs du quartier ont fêté ensemble.") == 0
