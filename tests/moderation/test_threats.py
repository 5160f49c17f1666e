"""Threats and calls to violence, read through French grammar, and the contrasts that must stay
clean (figurative, harmless verbs, negation, reported or condemned threats)."""

from __future__ import annotations

import pytest

from palabre.moderation.charter import default_charter
from palabre.moderation.detectors.threat import ThreatDetector, find_threats
from palabre.moderation.findings import CheckContext
from palabre_testing import charter_engine

THREATS = [
    "il mériterait qu'on lui règle son compte à la sortie",
    "Exterminons-les tous.",
    "Il faut tous les ext3rminer.",
    "T'es mort, je sais où tu habites.",
    "On sait où tu habites",
    "je vais te t.u.e.r",
    "elle mérite une balle",
    "tu ne verras pas Noël",
    "on va leur faire la peau",
    "je te tuerai",
    "qu'il crève",
    "Si tu remets les pieds ici, on te crève la gueule.",
    "Faudrait les pendre au bout d'une corde.",
    "On connaît ton adresse et l'école de tes enfants.",
    "jvais te soulever à la récré",
    "je vais te démonter à la sortie",
    "si je te croise je te tabasse",
    "attends que je te croise",
    "je vais te faire du mal",
    "tes jours sont comptés",
    "prépare ton cercueil",
    "il va t'arriver un accident",
    "je vais mettre le feu chez toi",
    "ta famille va payer",
    "je vais te tordre le cou",
    "Si tu publies encore un article sur nous, on te retrouve.",
    "Theresa et Pauline vous allez avoir des problemes",
    "tu vas voir demain ce que je vais te faire",
    "t'inquiète on va s'occuper de ton cas",
    "Celui qui a écrit cet article, on va le retrouver.",
    "On sait dans quelle école va ta fille.",
    "Je t'ai suivi jusqu'à chez toi hier soir.",
    "J'ai trouvé ton adresse, à bientôt.",
    "Jolie maison que tu as, ce serait dommage qu'il lui arrive quelque chose.",
    "On t'a repéré, on sait où te trouver.",
    "Je passe souvent devant chez toi, tu sais.",
    "Ton gamin sort de l'école à 16 h 30, je crois.",
    "Monsieur le maire, on connaît votre adresse.",
    "Le préfet mérite une bonne correction, et je me porte volontaire.",
    "Si je croise le maire, il repart en ambulance.",
    "La juge Dubois devrait faire attention en rentrant chez elle.",
    "Ce journaliste finira dans un fossé, c'est promis.",
    "Le patron de Total, une balle entre les deux yeux.",
    "Le commissaire Martin, on va lui faire sa fête.",
    # schoolyard and street register
    "Demain on t'attend à la sortie, viens seul.",
    "viens dehors jte fais manger le goudron",
    "La prochaine fois je te fais goûter au bitume.",
    "Mon poing dans ta gueule, ça va te calmer.",
    "ferme la avant que jten colle une",
    "Je t'en colle une si tu recommences.",
    "On va te prendre à cinq après les cours.",
    "je vais t'attraper à la sortie du lycée",
    "je te pète la gueule demain",
    "Je vais te défigurer, tu vas voir.",
    "Efface cette photo ou tu vas voir.",
    "ça va chauffer pour toi demain",
    "on va te traîner par les cheveux dans la cour",
    "Tu veux te battre ? Viens en bas, on règle ça.",
    "1v1 demain à la sortie si t'es un homme",
    "Je sais très bien où tu dors le soir.",
    "On sait dans quel immeuble tu vis, au quatrième.",
    "Je sais à quelle heure ta fille sort de l'école.",
    "On a ta plaque d'immatriculation, on va te trouver.",
    "Beaucoup de femmes mériteraient des coups de ceinture.",
    "je vais t'éclater contre le mur",
    "je vais te tuer lol",
    "Le maire de Lyon, je lui casserais bien la figure.",
    "Si je croise Macron dans la rue, il ne rentre pas chez lui.",
    "Cette journaliste, Claire Dubois, on va s'occuper d'elle.",
    "Ce prof, Monsieur Girard, je vais le retrouver à la sortie.",
    "J'ai des amis qui savent où tu vis.",
    "Ton adresse n'a pas été difficile à trouver.",
    "Je connais ta maison, la bleue au bout de la rue.",
    "Tes enfants vont à l'école Jules-Ferry, n'est-ce pas ?",
    "Je sais où tu gares ta voiture tous les matins.",
    "Quelqu'un a posté ton adresse, bonne nuit.",
    "On t'attend devant chez toi demain soir.",
    "On va passer chez toi cette nuit, dors bien.",
    "Tu habites au 3e étage, je sais.",
    "Elle mérite une bonne gifle.",
    "J'ai trouvé où tu vis en deux minutes, c'était facile.",
    "Ton adresse circule déjà, bonne chance.",
    "Je connais les horaires de ta femme, fais attention à toi.",
    "Je sais à quelle école vont tes gosses.",
    "Ton numéro et ton adresse, je les ai. Continue comme ça et tu verras.",
    "Ta maison est facile à trouver, tu sais.",
    "On a des photos de ta maison, réfléchis bien.",
    "Madame la maire, nous savons où se trouve votre domicile. Réfléchissez avant de voter.",
    "Monsieur le juge, votre fille est ravissante à la sortie du lycée.",
    "Je t'ai vu sortir de chez toi ce matin, joli pyjama. La prochaine fois je sonne.",
    "Quelqu'un a trouvé l'adresse de ce journaliste ? On va lui rendre une petite visite.",
    "Ton adresse est sur un groupe Telegram, à ta place je déménagerais.",
    "On passera te voir ce soir, tu sais pourquoi.",
    "Ta femme prend le bus de 7 h 12 tous les matins, on le sait.",
]
CONTRASTS = [
    "Cette réforme va tuer le commerce.",
    "Je vais te répondre demain.",
    "Il a été condamné pour avoir menacé de tuer son voisin.",
    "Il a écrit « je vais te tuer », c'est inadmissible.",
    "Je suis mort de rire.",
    "Il faut tuer le temps avant le train.",
    "Je ne vais pas te tuer, calme-toi.",
    "On va écraser l'équipe adverse samedi !",
    "Il faut régler son compte en banque avant la fin du mois.",
    "Une balle de tennis a traversé le court.",
    "Il faut exterminer les cafards de la cuisine.",
    "On va te retrouver au café après le match.",
    "Je vais te soulever ce carton si tu veux.",
    "Je vais te frapper à la porte demain matin.",
    "Fais gaffe à toi sur la route, il neige.",
    "Je vais éclater mon record au semi-marathon.",
    "On te retrouve au café à midi.",
    "Tu vas avoir des problèmes de connexion avec ce routeur.",
    "Je sais où tu habites, je passe te prendre à 8 h pour le match.",
    "« T'es mort » : voilà ce qu'elle a reçu après son article. Honteux.",
    "Quand quelqu'un écrit « je vais te buter », il faut le signaler.",
    "Des menaces comme « tu vas le payer » n'ont rien à faire ici.",
    "Je vais te défoncer au Mario Kart ce soir.",
    "Je vais te tuer de rire avec cette blague.",
    "Le suspect aurait crié « je vais tous vous tuer » avant d'être maîtrisé.",
    "Tu vas le payer cher ce téléphone, il est hors de prix.",
    "On va s'occuper de ton dossier rapidement.",
    "On connaît ton adresse grâce au formulaire, merci.",
    "« On va te faire la peau » : voilà ce qu'un élu a reçu hier.",
    "Les menaces du style « on sait où tu habites » doivent être signalées.",
    "Je condamne fermement ceux qui écrivent « mort aux flics ».",
    "Non, dire « je vais te tuer » n'est jamais une blague.",
    "Je sais où tu travailles, on déjeune ensemble jeudi ?",
    "Ton fils sort de l'école à 16 h 30, je peux aller le chercher si tu veux.",
    "Ta maison est superbe, ce serait dommage de la vendre.",
    "Il a crié « je vais tous vous tuer » avant d'être arrêté.",
    "Les messages « t'es mort » se multiplient contre les élus, il faut agir.",
    "« Il mérite une balle » : ce genre de commentaire n'a rien à faire ici.",
    "Ce journaliste mérite un prix pour son enquête.",
    "Le patient repart en ambulance vers l'hôpital de Lyon.",
    "Tu devrais faire attention en rentrant, la route est verglacée.",
    "Je t'attends à la sortie du métro, on va au ciné.",
    "Je t'attends devant le lycée à midi pour manger.",
    "On va leur faire manger la poussière au marathon !",
    "Essaie cette recette, tu vas voir, c'est facile.",
    "On va te prendre à quatre heures devant la gare, sois à l'heure.",
    "Tu veux te battre ? Au Mario Kart, quand tu veux.",
    "1v1 sur Fortnite ce soir si t'es chaud",
    "Je t'en mets une part de côté ?",
    "Je vais te faire goûter ma tarte aux pommes.",
    "Je sais à quelle heure tu rentres, je te prépare à manger.",
    "On sait où tu habites, on viendra à la crémaillère !",
    "On sait dans quel quartier tu vis, il est super sympa.",
    "J'ai ton adresse, je t'envoie l'invitation.",
    "Ce joueur mérite des coups francs plus souvent.",
    "Le bébé est malade, on va s'occuper de lui à l'hôpital.",
    "Je vais te retrouver à la sortie du concert, on rentre ensemble.",
    "Si je le croise à Paris, il ne rentre pas chez lui sans un café, promis !",
    "Je passe demain chez toi.",
    "Je passe ce soir chez toi, tu verras la surprise est énorme !",
    "Tes enfants vont à l'école Jules-Ferry ? Les miens aussi !",
    "Je connais ta maison, j'y suis passé pour la fête des voisins.",
    "On viendra frapper à ta porte pour la collecte des étrennes.",
    "Je t'attends dehors, je fume une clope.",
    "On t'attend en bas de chez toi, on part à 8 h pour la rando.",
    "Nous savons où vous habitez : l'avis de passage a été laissé dans votre boîte.",
    "Je connais les horaires de la piscine, je te les envoie.",
    "J'ai trouvé l'adresse du restaurant sur le site.",
    "On connaît bien ta rue, on y a habité dix ans !",
    "On passera te voir ce soir avec les enfants, prépare le café.",
    "Je t'ai vu sortir de chez toi ce matin, tu avais l'air pressé, tout va bien ?",
    "On va te rendre visite dimanche, maman a fait un gâteau.",
]


@pytest.mark.parametrize("text", THREATS)
def test_threats_are_held_or_rejected_as_violence(text: str) -> None:
    verdict = charter_engine().check(text)
    assert verdict.decision in ("hold", "reject"), text
    violence = [r for r in verdict.reasons if r.category == "violence"]
    assert violence and all(r.spans for r in violence), text
    assert violence[0].clause == "violence-haine-insultes"


@pytest.mark.parametrize("text", CONTRASTS)
def test_figurative_reported_and_negated_violence_is_published(text: str) -> None:
    assert charter_engine().check(text).decision == "publish", text


def test_knowing_where_someone_lives_is_violence_not_profanity() -> None:
    verdict = charter_engine().check("On sait où tu habites.")
    assert {r.category for r in verdict.reasons} == {"violence"}


def test_clear_threat_is_rejected_and_cites_the_words() -> None:
    verdict = charter_engine().check("Je vais te buter, sale type.")
    assert verdict.decision == "reject"
    words = [s.text for r in verdict.reasons if r.category == "violence" for s in r.spans]
    assert any("buter" in w for w in words)


def test_evidence_points_at_the_obfuscated_words_as_written() -> None:
    text = "bon, je vais te t.u.e.r demain"
    (score, span, _), *_ = find_threats(text)
    assert score >= 0.8
    assert text[span.start : span.end] == span.text
    assert "t.u.e.r" in span.text


def test_quoting_a_threat_scores_lower_than_making_it() -> None:
    made = max(s for s, _, _ in find_threats("je vais te tuer"))
    quoted = max(s for s, _, _ in find_threats("Il m'a écrit « je vais te tuer » hier."))
    assert quoted < 0.45 < made


def test_threat_detector_follows_the_protocol() -> None:
    output = ThreatDetector().detect("Exterminons-les.", CheckContext(), default_charter())
    assert output.findings and output.findings[0].category == "violence"


@pytest.mark.parametrize(
    "text",
    [
        "On va brûler les étapes.",
        "Je vais te casser les oreilles avec ma musique.",
        "Je vais défoncer cet examen.",
        "La peine de mort est une barbarie.",
        "On a pendu la crémaillère samedi.",
        "J'ai éclaté de rire en le voyant.",
        "J'ai tué le game hier soir.",
        "Ce film m'a tué, je n'ai jamais autant ri.",
        "Je vais te défoncer au Mario Kart.",
        "L'agresseur a frappé la victime à coups de barre de fer.",
        "Le bombardement a tué une trentaine de civils.",
        "Un adolescent a été tabassé à la sortie du lycée.",
        "Des internautes lui ont souhaité la mort, c'est inadmissible.",
        "Sur ce forum, un membre a écrit qu'il allait égorger sa prof.",
        "Il s'est fait casser la figure par trois individus à la sortie d'une boîte de nuit.",
        "La victime a reçu une balle dans la jambe, ses jours ne sont pas en danger.",
        "Mon fils s'est fait tabasser à la récré, j'ai porté plainte.",
        "Une bagarre a éclaté devant le collège, la police est intervenue.",
        "Il mérite des coups de projecteur, ce jeune auteur.",
        "casse toi de là",
        "pierre tu me casses les pieds",
        "et toi t'as la peau sur les os",
        "au moins mon père est pas mort",
        "du coup t'enlèves la photo de mon frère ?",
        "tu vas faire quoi ? exploser de colère ?",
        "Je m'ennuie à en crever en cours d'art.",
        "ta gueule",
        "Il faut supprimer cette niche fiscale, elle tue l'emploi.",
        "Il faut détruire ce stade vétuste et en construire un neuf.",
        "je suis crevé mais j'arrive pas à m'endormir",
        "Un homme tué par balle à Grenoble cette nuit.",
        "Un lycéen frappé à coups de couteau devant son établissement.",
        "Féminicide : elle a été étranglée par son mari.",
        "Le terroriste voulait tuer le plus de monde possible, selon le procureur.",
        "Condamné pour avoir lynché un homme, il fait appel.",
        "Le braqueur a tiré sur le bijoutier, qui est entre la vie et la mort.",
        "Un homme poignarde sa femme devant leurs enfants à Lille.",
        "Les frappes russes ont tué douze civils cette nuit à Kharkiv.",
        "Elle a été violée et tuée par un récidiviste, le procès s'ouvre lundi.",
        "Hitler a exterminé six millions de Juifs, on ne doit jamais l'oublier.",
        "Attaque au couteau à Arras : un enseignant tué, deux blessés.",
        "Rixe mortelle à la sortie d'une boîte de nuit : un mort et trois blessés.",
        "Selon les témoins, l'agresseur criait qu'il allait tuer tout le monde.",
        "Ils l'ont frappé à mort pour un regard, c'est effrayant.",
        "Le jeune homme a succombé à ses blessures après avoir été poignardé.",
        "L'attentat a fait douze morts et des dizaines de blessés.",
        "Le massacre de Srebrenica a fait plus de 8 000 morts.",
        "Mon voisin a été agressé au couteau hier, il va mieux.",
        "L'homme qui avait menacé de faire sauter la mairie a été arrêté.",
        "Une enquête pour tentative d'assassinat a été ouverte.",
        "un gamin de 14 ans poignardé pour un téléphone, dans quel monde on vit",
        "Trois morts dans l'incendie criminel de l'immeuble, le suspect a avoué.",
        "Le djihadiste a décapité son otage en direct, une horreur absolue.",
        "Lynchage à Paris : un homme battu par une dizaine de personnes.",
        "Il a tué sa femme de trois balles, les voisins sont sous le choc.",
        "Guerre en Ukraine : des centaines de civils tués à Marioupol.",
        "L'assassin du maire a été arrêté à la frontière.",
        "Dans la nuit, des coups de feu ont été tirés sur un commissariat.",
        "La gamine a été violée puis étranglée, le suspect nie tout.",
        "Selon la police, le forcené a menacé de tuer les otages avant de se rendre.",
        "La fusillade de cette nuit n'a fait aucun blessé, heureusement.",
        "Massacre dans une école au Texas : dix-neuf enfants et deux enseignantes tués.",
        "Un père de famille roué de coups devant ses enfants pour une place de parking.",
        "L'assaillant, armé d'un couteau, criait des insultes avant d'être maîtrisé.",
        "Une fillette de 8 ans tuée par une balle perdue à Nîmes.",
        "Le suspect avait menacé sa compagne de mort à plusieurs reprises, selon les voisins.",
        "Le procès des assassins de la policière s'est ouvert ce lundi.",
        "La femme retrouvée morte dans son appartement avait porté plainte contre son ex.",
    ],
)
def test_violent_idioms_and_benign_objects_close_the_models_violence_head(text: str) -> None:
    from palabre.moderation.model.gates import allowed_heads

    assert "violence" not in allowed_heads(text)


@pytest.mark.parametrize(
    "text", ["Je vais te défoncer.", "Il faut les pendre.", "Une balle dans la tête."]
)
def test_violent_words_still_open_the_models_violence_head(text: str) -> None:
    from palabre.moderation.model.gates import allowed_heads

    assert "violence" in allowed_heads(text)


def test_a_violent_word_inside_a_condemned_quotation_opens_no_model_head() -> None:
    from palabre.moderation.detectors._speech import blank_for_model
    from palabre.moderation.model.gates import allowed_heads

    text = "Cet homme a écrit « je vais te faire la peau » à son voisin, il est jugé demain."
    assert "violence" in allowed_heads(text)
    assert "violence" not in allowed_heads(blank_for_model(text))


def test_news_told_in_the_past_closes_the_violence_head_but_stays_visible_to_the_model() -> None:
    from palabre.moderation.detectors._speech import blank_for_model
    from palabre.moderation.model.gates import allowed_heads

    text = "Un adolescent a frappé un passant à coups de barre de fer."
    assert "violence" not in allowed_heads(text)
    assert blank_for_model(text) == text
