"""Hate without slurs: generalisations, negative emotion and attributes, negated positives,
exclusion and invasion tropes; counter-speech, negation and quotation stay clean."""

from __future__ import annotations

import pytest

from palabre_testing import charter_engine

HATE = [
    "Les Juifs sont des déchets, celui qui dit le contraire devrait avoir honte.",
    "Celui qui a écrit que les Juifs sont des déchets a raison.",
    "Est-ce qu'on a vraiment besoin de plus de musulmans en France ?",
    "Vous connaissez un Rom qui travaille, vous ?",
    "Depuis quand les femmes savent conduire ?",
    "Je l'ai toujours dit : une femme n'a rien à faire en politique.",
    "Ils arrivent avec rien et repartent avec nos allocs.",
    "Le voleur avait un accent, vous voyez de qui je parle.",
    "Dans dix ans, on parlera arabe dans nos écoles.",
    "Les musulmans font des enfants pour nous remplacer, c'est mathématique.",
    "Paris ressemble de plus en plus à Kinshasa.",
    "Il suffit de regarder qui remplit nos prisons.",
    "Ces gens-là ne travaillent pas, ils attendent les aides.",
    "Les Juifs sont partout dans les médias, c'est pas un hasard.",
    "Rien ne m'énerve plus que les Roms.",
    "Je ne supporte plus de voir des Arabes dans ma rue.",
    "Les réfugiés ne savent que voler et mentir.",
    "Vous, les Roms, vous êtes une plaie.",
    "Mort aux Asiatiques !",
    "J'ai envie de frapper chaque Rom que je vois.",
    "Je vais égorger tous les Noirs que je croise.",
    "Je crois que les homosexuels devraient être tués.",
    "Tuer des personnes trans devrait être légal.",
    "Il faut se débarrasser des personnes handicapées une bonne fois pour toutes.",
    "Ne serait-ce pas mieux si les Juifs étaient tous morts ?",
    "Je préférerais mourir plutôt que de sortir avec une personne handicapée.",
    "Je ne respecte pas les musulmans.",
    "On ne peut jamais faire confiance à une personne trans.",
    "La vie des immigrés ne vaut rien.",
    "Les femmes ne sont-elles pas toutes hystériques ?",
    "Il y a des Noirs partout. Ils sont tous répugnants.",
    "L'indécence des races de boue.",
    "Ces asiats hybrides semi humains contrôlés par le parti.",
    "Non, car la femme n'est pas l'égale de l'homme.",
    "Les Noirs ne sont pas les égaux des Blancs.",
    "Franchement, je trouve qu'on devrait interdire aux musulmans de se présenter aux élections.",
    "Perso je pense qu'un Noir ne pourra jamais diriger correctement une entreprise.",
    "J'estime que les handicapés coûtent beaucoup trop cher à la société.",
    "Personnellement, je n'embaucherais jamais un Maghrébin.",
    "C'est normal que tous les dealers soient noirs, non ?",
    "Encore un incendie, devinez qui habite le quartier...",
    "Dans ce lycée il y a 80 % d'Africains, pas étonnant que le niveau soit nul.",
    "Depuis qu'il y a une mosquée, les agressions ont explosé, bizarre non ?",
    "Quartier enrichi culturellement, donc voitures brûlées, logique.",
    "Typique d'une femme d'être aussi bête.",
    "Les personnes trans ont leur place à l'asile.",
    "Honnêtement, je trouve les Arabes dégoûtants.",
    "Pourquoi est-ce que les immigrés puent autant ?",
    "Les homos ne sont jamais de bonnes personnes.",
    "Les handicapés ne sont pas capables de quoi que ce soit.",
    "Les Arabes ne pourront jamais être civilisés.",
    "Les Roms sont tous des voleurs.",
    "tous des assistés ces Maghrébins",
    "Les musulmans me dégoûtent.",
    "Les Arabes ne seront jamais de vrais Français.",
    "Un Rom honnête, ça n'existe pas.",
    "Pourquoi les Africains sont-ils tous des voleurs ?",
    "Les migrants n'ont rien à faire en France.",
    "Stop à l'invasion migratoire !",
    "Renvoyez-les chez eux.",
    "Je ne supporte plus les musulmans dans mon quartier.",
    "Les Noirs ne seront jamais aussi intelligents que nous.",
    "Les juifs ont trop de pouvoir dans les médias.",
    "Les handicapés sont un fardeau pour la société.",
    "Je n'ai aucun respect pour les femmes.",
    "Les immigrés ne sont jamais honnêtes.",
    "Avoir un collègue trans, c'est dégueulasse.",
    "Une femme ne vaut rien sans un homme.",
    "Je suis tellement énervé que des Arabes vivent dans mon quartier.",
    "Les femmes devraient rester à la cuisine.",
    "Les femmes ne sont bonnes qu'à faire des enfants.",
    "Les musulmans n'ont aucune valeur.",
    "Les femmes ? Je les méprise toutes.",
    "Est-ce que les Noirs sont vraiment humains ?",
    "Les musulmans ne respectent rien.",
    # a group named with a head noun, and emotion, implicit and question forms
    "Je méprise vraiment les personnes trans.",
    "Je hais toutes les personnes handicapées.",
    "Les Roms m'écœurent au plus haut point.",
    "Je n'éprouve que du dégoût pour les migrants.",
    "Les réfugiés, leur place est au zoo.",
    "Les musulmans devraient être parqués dans des camps.",
    "Les handicapés auraient dû être éliminés à la naissance.",
    "Les homosexuels ne devraient pas exister.",
    "Un bon Noir est un Noir mort.",
    "Là où il y a des Roms, il y a des vols.",
    "Les personnes trans ne sont-elles pas simplement des malades ?",
    "Pourquoi les Roms volent-ils toujours ?",
    "Qui voudrait d'un réfugié comme voisin ?",
    "Les Roms ne sont pas dignes de vivre parmi nous.",
    "Les femmes, c'est fait pour faire la vaisselle.",
    "Les femmes n'auraient jamais dû avoir le droit de vote.",
    "Les Roms, ça vole et ça pue.",
    "Je ne laisserai jamais un Noir épouser ma fille.",
    "Les Antillais sont tous des voleurs.",
    "À mon sens, les musulmans n'ont pas leur place en Europe.",
    "Personnellement, je trouve que les homosexuels ne devraient pas adopter.",
    "Je suis d'avis qu'on interdise l'entrée du territoire aux musulmans.",
    "Pour ma part, je ne loue jamais à des Noirs.",
    "Des voleurs et des menteurs, voilà ce que sont les Roumains.",
    "Une « chance pour la France » de plus au tribunal.",
    "Dans ce quartier, on ne se sent plus en France.",
    "Quand tu vois les prénoms des émeutiers, tu comprends tout.",
    "Les délinquants ont tous la même couleur de peau, bizarrement.",
    "Depuis qu'ils sont arrivés, les vols ont triplé, c'est un hasard peut-être ?",
    "Le vivre-ensemble, on voit ce que ça donne : des voitures brûlées.",
    "Chaque immigré est un criminel potentiel.",
    "Les femmes au volant, toutes des dangers publics.",
    "Chez les Roms, tout le monde vole.",
    "Les Juifs, toujours à s'enrichir sur le dos des autres.",
    "Les immigrés vivent tous des allocations.",
    "Les musulmans savent-ils faire autre chose que des attentats ?",
    "Combien de temps va-t-on encore supporter les Roms ?",
    "Un handicapé, ça sert à quoi dans la société ?",
    "Encore un « jeune » qui a poignardé un passant, on sait d'où il vient.",
    "On sait tous quelle communauté a tabassé ce pauvre gars.",
    "Il est temps que les musulmans rentrent chez eux.",
    "Je trouve normal qu'on refuse des logements aux Roms.",
    "Je ne veux pas de Juifs dans mon entreprise.",
    "Est-ce vraiment raciste de dire que les Arabes sont violents ?",
    "À quoi servent les handicapés, honnêtement ?",
    "À mon sens, un musulman ne peut pas être un bon Français.",
    "J'estime que les trans n'ont rien à faire dans les écoles.",
    "Il faudrait interdire les Arabes de travailler dans la fonction publique.",
    "Je suis contre le fait qu'un Noir puisse devenir maire de notre ville.",
    "C'est quand qu'on les renvoie chez eux, les clandestins ?",
    "Les Roms, ils savent faire autre chose que mendier ?",
    "Pourquoi les Noirs sont-ils toujours en retard ?",
    "Combien de Maghrébins faut-il encore accueillir avant qu'on réagisse ?",
    "Les gitans, ça travaille parfois ?",
    "Perso les musulmans j'en veux pas dans mon immeuble.",
    "Moi les Noirs je les aime pas, c'est comme ça, j'ai le droit.",
    "Les Arabes, moins il y en a, mieux on se porte.",
    "A mon avis faudrait stériliser les handicapés, ça éviterait bien des problèmes.",
    "MOI JE DIS QUE LES ROMS DEVRAIENT ÊTRE PARQUÉS DANS DES CAMPS",
    "Honnêtement je trouve que les Juifs ont trop de pouvoir dans ce pays.",
    "Pour être clair : un homosexuel ne devrait jamais approcher des enfants.",
    "On devrait retirer le droit de vote aux Français d'origine étrangère.",
    "Je le dis franchement : les femmes n'ont rien à faire en politique.",
]
CLEAN = [
    "Les migrants ne sont pas des criminels.",
    "Dire que « les Arabes sont tous des voleurs » est du racisme.",
    "Arrêtez de dire que les immigrés sont des parasites, c'est faux.",
    "Mon voisin marocain m'a prêté sa perceuse.",
    "Une invasion de moustiques tigres cet été dans le Sud.",
    "Les cafards ont envahi ma cuisine.",
    "On m'a traité de « sale Arabe » dans le métro, j'ai porté plainte.",
    "La communauté juive de Lyon fête Hanouka ce week-end.",
    "Arrêtez de généraliser sur les Roms, c'est insupportable.",
    "« Les Noirs sont des animaux » : ces mots ne doivent plus être tolérés.",
    "Les moustiques sont de la vermine.",
    "Je ne déteste pas les musulmans.",
    "Les réfugiés fuient la guerre et méritent notre aide.",
    "La haine contre les Marocains n'est pas une opinion, c'est un délit.",
    "Ce tweet qui dit que les trans sont des malades est abject.",
    "Je suis choqué par ceux qui appellent à tuer les musulmans.",
    "Les personnes handicapées ne sont pas un poids pour la société.",
    "Pourquoi les réfugiés fuient-ils leur pays ?",
    "Les Roms sont la plus grande minorité d'Europe.",
    "Le prénom du suspect n'a pas été communiqué par la police.",
    "Ces propos n'ont pas leur place ici.",
    "On ne se sent plus en sécurité sur cette route la nuit.",
    "Depuis qu'ils sont arrivés, les voisins ont repeint toute la façade.",
    # pests, animals and weeds are not people
    "Il faudrait exterminer tous ces moustiques tigres.",
    "Ces cafards sont répugnants, je les déteste.",
    "Les pigeons de la place sont une vraie vermine.",
    "Ces termites détruisent tout, il faut les éliminer jusqu'au dernier.",
    "Les chenilles, je les brûle au chalumeau.",
    "Tous les réfugiés que j'ai rencontrés voulaient travailler.",
    "Pourquoi les musulmans jeûnent-ils pendant le ramadan ?",
    "Les immigrés paient aussi des impôts.",
    "Je suis pour qu'on accueille davantage de réfugiés.",
    "Il est scandaleux de refuser des logements aux Roms.",
    "Si tu penses que les gays sont des malades, c'est toi qui as un problème.",
    "Pourquoi interdire aux femmes de se présenter ? C'était une aberration historique.",
    "Les réfugiés nous coûtent moins cher qu'on ne le croit, selon l'OCDE.",
    "Tous les dealers ne sont pas des immigrés, loin de là.",
    "Il y a beaucoup d'Africains dans ce lycée, évidemment que le niveau de foot est excellent.",
    "Depuis qu'il y a une mosquée, le quartier est plus animé.",
    "Devinez qui habite le quartier : Zinedine Zidane !",
    "Les musulmans ne peuvent pas manger de porc.",
    "Les femmes ne sont pas les égales des hommes en salaire, c'est un scandale.",
    "Le centaure est mi-homme mi-cheval.",
    "Je n'embaucherais jamais un menteur, peu importe son origine.",
    "Les agriculteurs touchent les aides de la PAC, ils en ont besoin.",
    "Cette ville ressemble à Alger par son architecture blanche, c'est magnifique.",
    "Il avait un accent du Sud, vous voyez de qui je parle, le boulanger !",
    "Dans dix ans, on parlera peut-être tous chinois au travail, vu l'économie.",
    "On se croirait à Alger avec cette chaleur !",
    "Est-ce qu'on a vraiment besoin de plus de policiers dans le métro ?",
    "Depuis quand les femmes ont-elles le droit de vote en France ?",
    "Vous connaissez un Rom qui pourrait témoigner pour notre reportage ?",
    "Je n'arrive pas à croire qu'on entende encore « les Noirs sont des animaux » en 2026.",
    "Celui qui a écrit que les Juifs sont des déchets devrait avoir honte.",
    "Regardez qui remplit nos prisons : des pauvres, surtout, selon l'Observatoire.",
    "Je pense que les musulmans, comme tous les croyants, ont droit au respect.",
    "J'estime que les trans doivent être protégés dans les écoles.",
    "Combien de réfugiés la France a-t-elle accueillis en 2025 ?",
    "Qu'est-ce qu'on attend pour rénover le gymnase ?",
    "Honnêtement je trouve que les banques ont trop de pouvoir dans ce pays.",
    "Je pense qu'on devrait ficher les multirécidivistes, par sécurité.",
    "On devrait accorder le droit de vote aux étrangers pour les élections municipales.",
    "Je trouve anormal qu'on refuse les jeunes de banlieue à l'entrée des boîtes.",
]


@pytest.mark.parametrize("text", HATE)
def test_hate_without_slurs_is_held_or_rejected(text: str) -> None:
    verdict = charter_engine().check(text)
    assert verdict.decision in ("hold", "reject"), text
    hate = [r for r in verdict.reasons if r.category == "haine"]
    assert hate and hate[0].spans, text


@pytest.mark.parametrize("text", CLEAN)
def test_mentions_counter_speech_and_negation_are_published(text: str) -> None:
    assert charter_engine().check(text).decision == "publish", text


def test_clear_generalised_racism_is_rejected_under_the_racism_clause() -> None:
    verdict = charter_engine().check("Les Roms sont tous des voleurs.")
    assert verdict.decision == "reject"
    reason = verdict.reasons[0]
    assert reason.clause == "racisme-loi"
    assert any("voleurs" in s.text for s in reason.spans)


def test_a_condemned_claim_is_hidden_from_the_learned_model() -> None:
    from palabre.moderation.detectors._speech import blank_reported_quotes

    text = "Dire que les immigrés sont des parasites est raciste et faux."
    blanked = blank_reported_quotes(text)
    assert len(blanked) == len(text)
    assert "parasites" not in blanked and "immigrés" not in blanked
    assert blanked.startswith("Dire que") and blanked.endswith("est raciste et faux.")
    claim = "Les immigrés sont des parasites, c'est évident."
    assert blank_reported_quotes(claim) == claim


@pytest.mark.parametrize(
    "text",
    [
        "Non, dire « je vais te tuer » n'est jamais une blague.",
        "Les menaces du style « on sait où tu habites » doivent être signalées.",
        "Je condamne fermement ceux qui écrivent « mort aux flics ».",
        "« On va te faire la peau » : voilà ce qu'un élu a reçu hier.",
    ],
)
def test_quotations_said_to_condemn_them_are_hidden_from_the_model(text: str) -> None:
    from palabre.moderation.detectors._speech import blank_reported_quotes

    inside = text[text.index("«") + 1 : text.index("»")]
    blanked = blank_reported_quotes(text)
    assert len(blanked) == len(text)
    assert inside.strip() not in blanked, blanked


def test_a_quotation_the_commenter_makes_their_own_is_not_hidden() -> None:
    from palabre.moderation.detectors._speech import blank_reported_quotes

    claim = "Je le dis : « on va te faire la peau » et je le pense."
    assert blank_reported_quotes(claim) == claim


@pytest.mark.parametrize(
    ("text", "pests"),
    [
        ("Il faut exterminer ces cafards de la cuisine.", True),
        ("Les frelons asiatiques sont une calamité.", True),
        ("Les migrants sont des rats.", False),
        ("Les !mmigré5 = rats", False),
        ("On va les exterminer, espèce de rat.", False),
        ("Toi et tes cafards, tu me dégoûtes.", False),
    ],
)
def test_pests_are_told_from_people_called_pests(text: str, pests: bool) -> None:
    from palabre.moderation.figurative import about_pests, fold_flat
    from palabre.moderation.model.gates import allowed_heads

    assert about_pests(fold_flat(text)) is pests
    assert ("haine" in allowed_heads(text)) is not pests


@pytest.mark.parametrize(
    "text",
    ["Je vais égorger tous les Noirs que je croise.", "Tous les immigrés devraient être tués."],
)
def test_violence_against_a_group_is_also_hate(text: str) -> None:
    categories = {r.category for r in charter_engine().check(text).reasons}
    assert {"haine", "violence"} <= categories, text


@pytest.mark.parametrize(
    ("text", "hate_head"),
    [
        ("les Noirs.", False),
        ("Les Juifs ?", False),
        ("Je ne hais pas les immigrés.", False),
        ("Les Noirs, quelle plaie.", True),
        ("Je hais les immigrés.", True),
    ],
)
def test_a_group_named_alone_gives_the_hate_head_nothing_to_judge(
    text: str, hate_head: bool
) -> None:
    from palabre.moderation.detectors._speech import blank_for_model
    from palabre.moderation.model.gates import allowed_heads

    assert ("haine" in allowed_heads(blank_for_model(text))) is hate_head


@pytest.mark.parametrize(
    ("text", "hidden"),
    [
        ("Non, les gitans ne sont pas des voleurs.", True),
        ("Les Africains ne sont pas violents par nature.", True),
        ("Les Roms ne sont pas que des voleurs.", False),
        ("Les Roms sont des voleurs.", False),
        ("Celui qui a écrit que les Roms sont des voleurs devrait avoir honte.", True),
    ],
)
def test_a_denied_generalisation_is_hidden_from_the_model(text: str, hidden: bool) -> None:
    from palabre.moderation.detectors._speech import blank_for_model

    shown = blank_for_model(text)
    assert len(shown) == len(text)
    assert (("voleurs" not in shown) and ("violents" not in shown)) is hidden
