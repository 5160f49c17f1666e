"""Who a hateful remark can be about: the groups of people protected by the charter's first
clause (origin, religion, sexual orientation, gender identity, sex, disability, nationality)
as the rules name them.

Read on folded text (lower case, no accents, apostrophes as spaces) by the rules on hate
without slurs (`detectors/_group_hate.py`). The list is what the rules can name; it is not a
gate on the learned model, which also reads groups no list holds (« les Kurdes », « les
Antillais ») and implicit targets (« les chances pour la France »): gating the model's
« haine » head on this list lost a fifth of the hate it caught."""

from __future__ import annotations

from typing import Final


def alternation(words: str) -> str:
    """'a b_c' → '(?:a|b c)': underscores join the words of one entry."""
    return "(?:" + "|".join(w.replace("_", " ") for w in words.split()) + ")"


#: A head noun before a group adjective: « les personnes trans », « les gens de couleur ».
GROUP_HEAD: Final = r"(?:(?:personnes?|gens|individus|populations?|communautes?) )?"

#: The groups, as nouns or adjectives used as nouns (« les Arabes », « les handicapés »).
GROUP_WORDS: Final = alternation(
    "transgenres? bisexuels? bisexuelles? queers? lgbt lgbtq personnes_de_couleur gens_de_couleur "
    "handicapees? musulmanes? refugiees? migrantes? immigrees? "
    "arabes? noirs? noires? juifs? juives? musulmans? musulmanes? migrants? immigres? immigrants? "
    "etrangers? africains? africaines? roms? gitans? gitanes? tsiganes? chinois chinoises? asiatiques? "
    "maghrebins? maghrebines? rebeus? renois? feujs? homosexuels? homosexuelles? homos? gays? "
    "lesbiennes? trans transsexuels? refugies? algeriens? algeriennes? marocains? marocaines? "
    "tunisiens? turcs? senegalais maliens? comoriens? bougnoules? negres? negresses? beurs? blacks? "
    "sionistes? mahometans? islamistes? handicapes? autistes? mongols? femmes? "
    "afghans? pakistanais syriens? tchetchenes? roumains? arabo_musulmans? subsahariens? "
    "gens_du_voyage clandestins? sans_papiers chretiens? catholiques? antillais antillaises? "
    "kurdes? ivoiriens? ivoiriennes? camerounais camerounaises? congolais congolaises? guineens? "
    "haitiens? haitiennes? mahorais gabonais tamouls? ouighours? yeniches? asiats? tziganes? "
    "musulmans? negros? noichs? bridees? brides?"
)

#: A group with its optional head noun, for the rules' « {DET} {GROUP} ».
GROUP: Final = GROUP_HEAD + GROUP_WORDS

#: What hateful generalisations say a group is (« les … sont des voleurs », « … sont violents »).
NEG_NOUN: Final = alternation(
    "voleurs? violeurs? criminels? delinquants? terroristes? parasites? faineants? assistes? "
    "profiteurs? menteurs? escrocs? sauvages? barbares? arrieres? inferieurs? porcs? singes? "
    "animaux betes rats? cafards? vermines? dechets? ordures? racailles? nuisibles? cancers? "
    "pedophiles? pervers malades degeneres? tarees? tares? fous cons connards? idiots? problemes? "
    "debiles? abrutis? bons_a_rien incapables? dangers? menaces? envahisseurs? occupants? "
    "mendiants? sangsues? dealers? trafiquants? consanguins? primitifs? chiens? microbes? virus "
    "fleaux? peste gangrene bestiaux moins_que_rien sous_hommes? sous_races? esclaves? plaies? "
    "racailles? raclures? rebuts? abominations? fardeaux? boulets? calamites? catastrophes? "
    "erreurs_de_la_nature monstres? aberrations? anomalies? objets? poids fardeaux? "
    "malades_mentaux malades_mentales hysteriques? manipulateurs? manipulatrices? rapaces? "
    "chacals? hyenes? porcs? truies? saletes? pourritures? dechets_humains une_race_inferieure "
    "race_inferieure sous_humains? degeneres? degenerees? predateurs? pedophiles? fanatiques? "
    "la_source_de_tous_nos_problemes la_cause_de_tous_nos_problemes"
)
NEG_ADJ: Final = alternation(
    "sales? violents? violentes? betes? stupides? paresseux paresseuses? feignants? feignasses? "
    "dangereux dangereuses? inferieurs? inferieures? fourbes? hypocrites? voleurs? menteurs? "
    "incapables? inassimilables? inintegrables? sournois sournoises? cruels? cruelles? "
    "arrieres? arrierees? primitifs? primitives? debiles? cons connes? idiots? idiotes? "
    "malhonnetes? crasseux crasseuses? puants? puantes? agressifs? agressives? fanatiques? "
    "radins? avares? sanguinaires? tous_pareils toutes_pareilles? irrecuperables? nuisibles? "
    "degoutants? degoutantes? repugnants? repugnantes? ignobles? abjects? abjectes? nuls? nulles? "
    "inutiles? pathetiques? immondes? minables? horribles? inhumains? inhumaines? "
    "intellectuellement_inferieurs? moins_intelligents? moins_intelligentes? avides? "
    "manipulateurs? manipulatrices? hysteriques? degeneres? degenerees? pervers perverses? "
    "arrieres? arrierees? rapaces? vicieux vicieuses? violeurs? inferieures? inferieurs? "
    "trop_emotives? trop_emotifs? malsains? malsaines? "
    "anormaux anormales? contre_nature moins_evolues? moins_evoluees? moins_civilises? "
    "moins_civilisees? sous_developpes? sous_developpees?"
)
