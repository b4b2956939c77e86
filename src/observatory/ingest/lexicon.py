"""Section headings of programme fiches in English, French and Spanish.

A heading is a short line that, once normalised (lower case, no accents, no markdown, no
trailing colon), matches one of these patterns from start to end.
"""

import re
from functools import lru_cache

from observatory.text import normalize

from .geo import find_countries, find_world_regions

OBJECTIVES = "objectives"
EXPECTED_RESULTS = "expected_results"
MAIN_FEATURES = "main_features"
NEXUS = "nexus"
CHALLENGES = "challenges"
GOOD_PRACTICES = "good_practices"
COVID = "covid_adaptations"
SITES = "sites"
TESTIMONY = "testimony"
LESSONS = "lessons"

_OUTCOMES = (r"resultats?|results?|resultados?|outcomes?|outputs?|produits|productos|extrants|"
             r"effets|efectos|impacts?|metas|logros|changements|cambios|changes")
_PATTERNS: dict[str, list[str]] = {
    OBJECTIVES: [
        r"what (it|we|they|the (project|programme|program|initiative)) aims? (for|at)",
        r"what (the (project|programme|program|initiative)|it|we) (set|sets) out to (do|achieve)",
        r"what (the (project|programme|program|initiative)|it|we|[a-z][\w+-]{1,20}) (aims?|aimed|"
        r"wants?|wanted) to (do|achieve)",  # "What RISE wants to achieve"
        r"ce que (le (projet|programme)|l'initiative) (vise|visait|cherche|"
        r"cherchait) a (faire|atteindre|obtenir)", r"lo que (el (proyecto|programa)|la "
        r"iniciativa) (busca|buscaba|pretende|pretendia|se propuso|se propone) (hacer|lograr)",
        r"(the )?(main |general |specific |overall |key )?(project )?objectives?\b.*",
        r"(les )?(principaux )?objectifs?\b.*", r"(los )?(principales )?objetivos?\b.*",
        r"aims?( and objectives)?", r"goals?", r"purpose", r"(l')?objet du (projet|programme)",
        r"(el )?prop[oó]sito", r"finalidad", r"(metas|fines) y objetivos",
        r"(la )?finalite( (du |de l')\w+)?( et (les )?objectifs)?",
        r"(le )?but (du |de l')\w+", r"(fin|finalidad) y (el )?proposito",
        r"what (does|do) (the (project|programme|program|initiative)|it|we) (aim|seek|want)"
        r" to (do|achieve|change)", r"que (busca|pretende|quiere lograr) (el (proyecto|programa)"
        r"|la iniciativa)",
        r"what (the (project|programme|program|initiative)|it) (aims|seeks|wants|sets out) to"
        r" (do|achieve|change)",
        r"ce que (le (projet|programme)|l'initiative) (vise|cherche|veut) (a )?(faire|atteindre|"
        r"changer)", r"(ce que vise|ce que cherche) (le (projet|programme)|l'initiative)",
        r"lo que (el (proyecto|programa)|la iniciativa) (busca|pretende|quiere) (hacer|lograr|"
        r"conseguir|cambiar)",
        r"what (we|the (project|programme|program|initiative)|it) (aims?|seeks?|wants?) "
        r"(for|at|to achieve)", r"ce que nous (visons|cherchons a atteindre)",
        r"lo que (buscamos|queremos (lograr|conseguir))",
    ],
    EXPECTED_RESULTS: [
        r"what (the (renewal|extension|next phase|second phase|new phase|project|programme|"
        r"grant)|it|we) will (deliver|achieve)", r"ce que (la (prochaine|nouvelle|seconde) "
        r"phase|le (projet|programme)) (va|doit) (livrer|produire|atteindre)",
        r"lo que (la (proxima|nueva|segunda) fase|el (proyecto|programa)) (va a|debe) "
        r"(lograr|entregar|alcanzar)",
        r"(main |key )?expected (results|outcomes|outputs)\b.*", r"results expected",
        r"(principaux )?resultats? attendus?\b.*", r"resultados? esperados?\b.*",
        r"what success (looks|would look) like", r"(our |key )?targets",
        r"(las )?metas( (del (proyecto|programa)|previstas|esperadas|cuantitativas))?",
        r"(les )?cibles( (du (projet|programme)|chiffrees|visees))?",
        rf"(les |los )?(principaux |main |key |principales )?({_OUTCOMES})( (et|and|y) (les |los )?"
        rf"({_OUTCOMES}))?( \w+)? (attendus?|escomptes?|prevus?|vises|esperados?|previstos?|"
        r"expected|planned|intended|anticipated|perseguidos?|planificados?|planifies)\b.*",
        rf"(les |los )?(principaux |main |key |principales )?({_OUTCOMES}) (to be (achieved|"
        r"reached|delivered)|a (atteindre|obtenir)|a (alcanzar|lograr|conseguir|obtener)|"
        r"que se (esperan|buscan|persiguen))\b.*",
        r"(what|which) (results|outcomes) (are|were) expected", r"quels resultats sont attendus",
        r"que resultados se esperan",
        r"(planned|intended|anticipated|targeted|foreseen|awaited) (results|outcomes|outputs)"
        r"\b.*",
    ],
    MAIN_FEATURES: [
        r"what'?s new( (this|in (the|this)) (month|quarter|year))?",
        r"what happened( in (19|20)\d\d| so far| this year| during the year)?",
        r"(results|achievements|outputs) (reported|achieved|delivered)( so far| to date| at "
        r"completion)?", r"reported (results|achievements|outputs)",
        r"resultats (obtenus|atteints|rapportes)", r"resultados (obtenidos|alcanzados|reportados)",
        r"(y|year|phase|ano|annee) ?\d (highlights|achievements|results|progress)",  # "Y2 …"
        r"(key |main )?(highlights|achievements|results|progress|faits marquants|realisations|"
        r"resultats|avancees|hechos destacados|logros|resultados|avances)( (of|in|during|for|"
        r"de|en|du|durant|del|durante) (the year |l'annee |el ano |l'exercice )?(\d{4}|the year|"
        r"l'annee|el ano))?",
        r"(main |key |principal )?(features|characteristics|activities|achievements)\b.*",
        r"(project |programme )?(description|overview|summary)",
        r"(les )?(principales |grandes )?caracteristiques\b.*",
        r"(principales |principaux )?(activites|realisations|resultats)( principa(les|ux))?\b.*",
        r"ce que fait le (projet|programme).*", r"que hace el (proyecto|programa).*",
        r"(lo )?que hace(mos)?",
        r"what the (project|programme|program|initiative) (did|has done|delivered)"
        r"( and (achieved|delivered|has achieved))?( so far| to date)?",
        r"(ce que nous avons|what we|lo que) (vu|saw|have seen|vimos|hemos visto|observe|"
        r"observed|observamos)( sur le terrain| in the field| en el terreno)?",
        r"que hemos hecho.*", r"what (the )?(project|programme) does.*",
        r"(lo )?que hemos (conseguido|logrado|alcanzado|hecho)( hasta (ahora|la fecha))?",
        r"(lo )?(realizado|conseguido|logrado)( hasta (ahora|la fecha|el momento))?",
        r"(que|lo que) se (esta haciendo|ha hecho|hace)( hasta (ahora|la fecha))?",
        r"what is being done|ce qui (se fait|est fait)",
        r"ce que nous avons (obtenu|accompli|realise)( jusqu'ici| a ce jour)?",
        r"what we (have )?(achieved|accomplished|delivered)( so far| to date)?",
        r"what (they|we|it|the (project|programme)) ?('ve|'s| have| has)? done( so far| to date)?",
        r"description du (projet|programme)",
        r"(las )?(principales )?caracteristicas\b.*",
        r"(principales )?(actividades|actuaciones|acciones|logros|resultados)"
        r"( principales| alcanzados)?\b.*",
        r"descripcion del (proyecto|programa)",
        r"(description|descripcion) (de la |du |de l'|of the |del |de )?(practica|pratique|"
        r"practice|experiencia|experience|iniciativa|initiative|intervencion|intervention|"
        r"accion|action)", r"que (hicimos|hemos hecho|hacemos)",
        r"ce qui a ete (realise|fait|accompli|presente)\b.*",
        r"what (has been|was) (achieved|done|delivered)\b.*",
        r"what (it|the (project|programme|program|initiative)) (has )?(delivered|achieved|done)"
        r"( so far| to date)?",
        r"ce que (le (projet|programme)|l'initiative) a (realise|accompli|livre|obtenu)\b.*",
        r"lo que (el (proyecto|programa)|la iniciativa) ha (logrado|conseguido|realizado)\b.*",
        r"what we (did|do|have done|achieved)\b.*",
        r"(key |main )?results( (to date|so far|achieved|obtained|and achievements))?",
        r"ce que nous (avons fait|faisons)\b.*",
        r"lo que (hicimos|hacemos)\b.*",
        r"lo que se ha (logrado|hecho|realizado)\b.*",
        r"(lo )?que se (hizo|ha hecho|logro|ha logrado|realizo|ha realizado)\b.*",
        r"(breve |brief |short |courte )?(description|descripcion)( (and|et|y) .{3,40})?",
        r"intervention strategy|strategie d'intervention|estrategia de intervencion",
        r"how (it|the (project|programme)) works", r"como funciona.*",
        r"what the (practice|project|programme|program|initiative) (involves|is about|"
        r"consists of|offers)", r"en quoi consiste (la pratique|le projet|le programme|"
        r"l'initiative)", r"en que consiste (la practica|el proyecto|el programa|la iniciativa)",
        r"(progress|achievements|results|avancement|avances|realisations|logros|resultados)"
        r"( (in|during|of|en|de|durant|durante|pendant) (the )?(phase|fase) (\d|[ivx]+|one|two|i+)|"
        r" (in|during) the (first|previous|current|pilot) phase)",
        r"(progress|avancement|avances|estado de avance)( so far| to date| du (projet|programme)|"
        r" del (proyecto|programa))?( (du|de la|del|de l'|in the|(of|during) the|this) "
        r"(semestre|trimestre|periodo|periode|ano|annee|semester|half-year|quarter|period|year))?",
        r"ou en est (le projet|le programme|l'initiative)", r"ou en (est-on|sommes-nous)",
        r"(en )?donde (estamos|esta el (proyecto|programa))", r"where (are we|do we stand)( now)?",
        r"where (the (project|programme)|it|we) stands?( (now|today))?",
        r"comment (ca|cela|le (projet|programme)) (marche|fonctionne)",
        r"what (does|do) (the (project|programme|program|initiative)|it|we) do",
        r"description sommaire", r"(les )?(principaux )?acquis( du (projet|programme))?",
        r"(principales )?lineas de (accion|intervencion|trabajo)",
    ],
    NEXUS: [
        r".*\bnexus\b.*", r".*\bnexo\b.*",
        r"(the )?(migration|mobility) ?(-|–|—|and|&) ?development (links?|linkages?|connections?|"
        r"dimensions?|angle|rationale|relevance)",
        r".*\b(links?|linkages?|relationship|interplay)\b.*\bmigration\b.*\bdevelopment\b.*",
        r".*\b(v[ií]nculos?|vinculacion)\b.*\b(migracion(es)?|movilidad)\b.*\bdesarrollo\b.*",
        r"why (migration|mobility|it|this|the (project|programme)) matters\b.*",
        r"(the )?diaspora and development",
        r"(the )?(diaspora|migrants?)'?s? added value|added value of the (diaspora|migrants)|"
        r"valeur ajoutee (de la diaspora|des migrants)|valor (agregado|anadido) de la diaspora",
        r"(the )?(links?|connections?|relationship) (with|to) (migration|mobility)",
        r"(l')?(le )?(liens?|articulation|rapport) avec (la |les )?migrations?",
        r"(the |le |el )?(m ?& ?d|m ?- ?d|m4d) (link|nexus|lien|nexo|v[ií]nculo)",
        r"(le |el )?(lien|nexo|v[ií]nculo) (m ?& ?d|m ?- ?d)",
        r"(la )?(relacion|articulacion|vinculacion) con (la )?migracion",
        r"(el )?v[ií]nculo con la migraci[oó]n", r"pourquoi (la migration|c'est important)\b.*",
        r"por que (importa|la migracion importa)\b.*",
        r"(v[ií]nculos?|links?|liens?) (con el|with|to|avec le) (desarrollo|development|"
        r"developpement)( (local|territorial|economique|economico))?",
        r".*\brelaci[oó]n\b.*\b(migracion|movilidad)\b.*\bdesarrollo\b.*",
        r".*\blien\b.*\bmigrations?\b.*\bdeveloppement\b.*",
        r"en quoi (c'est|est-ce|le (projet|programme) est) lie (au|a la) (developpement|migration)",
        r".*\bmigrations?\b.*\bdeveloppement\b.*\blien\b.*",
        r"(how|comment|como|en quoi|in what way|de quelle (maniere|facon)|de que (manera|forma)|"
        r"why|pourquoi|por que) "
        r".*\bmigra\w*\b.*\b(development|developpement|desarrollo)\b.*",
        r".*\barticul\w*\b.*\bmigra\w*\b.*\b(development|developpement|desarrollo)\b.*",
        r"migration ?(and|&|-|–) ?development( link(age)?s?| dimension)?",
        r"(linking|relevance (to|for)|(the )?(dimension|approche|approach|enfoque|liens?)"
        r"( de| entre| to)?)( la)? migra\w* (and|et|y|&) (le |el )?(development|developpement|"
        r"desarrollo)",
        r"como vincula (el (proyecto|programa)|la iniciativa) la migracion (y|con) el desarrollo",
        r"(migrations?|migracion|movilidad humana|mobilite humaine|human mobility) (et|y|and|-|–) "
        r"(developpement|desarrollo|development)",
        r"(la |the |les? )?(migra\w*|movilidad|mobilite|mobility|diaspora)( humana| humaine)?"
        r" (como|comme|as an?) (recurso|ressource|resource|motor|moteur|driver|engine|levier|"
        r"palanca|lever)\b.*",
    ],
    CHALLENGES: [
        r"what (got|stood|gets|stands) in the way", r"what (held|slowed|holds|slows) (us|it|"
        r"the (project|programme|program|work)) (back|down)", r"what (did not|didn't) work",
        r"what went wrong", r"ce qui a (freine|bloque|pose probleme|coince)", r"ce qui n'a pas "
        r"(marche|fonctionne)", r"lo que (freno|dificulto|obstaculizo|no funciono)",
        r"(the )?(key |main |major |principal |early |initial |first |remaining |other )?"
        r"challenges?\b.*",
        r"(key |main )?(difficulties|constraints|obstacles)( (faced|encountered))?",
        r"(les )?(principaux |principales )?(defis|difficultes|contraintes|obstacles)\b.*",
        r"(los )?(principales )?(desafios|retos|dificultades|obstaculos)\b.*",
        r"(les )?(principaux )?enjeux( et (defis|difficultes|contraintes|obstacles))?",
        r"(les )?points? (de vigilance|d'attention|d’attention)",
        r"(puntos|aspectos) (de atencion|criticos)", r"(points|issues) (of concern|to watch)",
        r"(el |le |la |the )?(principal |main |key |major |gran )?(reto|desafio|dificultad|defi|"
        r"difficulte|obstacle|obstaculo)( principal| majeur| main| mayor)?",
        r"(the )?(main |key )?(hurdles|barriers|bottlenecks|stumbling blocks)",
        r"what (did not|didn'?t|didn’t) work( (so |as )?well)?", r"what went wrong",
        r"what worked less well", r"ce qui (n'a pas|n’a pas|a moins bien) (marche|fonctionne)",
        r"lo que no (ha )?funcion(a|ado|o)", r"(les )?(principaux )?freins",
        r"what (has been|was|proved|is) (difficult|challenging|hard)",
        r"ce qui (a ete|est|s'est avere) (difficile|complique)",
        r"lo que (ha sido|fue|resulto) (dificil|complicado)",
        r"(les )?(principaux )?goulots? d['’]etranglement", r"(los )?(principales )?nudos criticos",
    ],
    GOOD_PRACTICES: [
        r"what'?s worked( well)?( so far)?",
        r"(experiencia previa|(previous|prior) experience|experience (anterieure|prealable)) "
        r"(y|and|et) (buenas practicas|good practices?|bonnes pratiques)",
        r"ce que nous (en )?retenons|what we take away|lo que (nos llevamos|retenemos)",
        r"(innovative (elements?|aspects?|features?)|(elements?|aspects?) innovants?|"
        r"(elementos|aspectos) innovadores)( (and|et|y) (good|best|bonnes?|buenas?|mejores) "
        r"(practices?|pratiques?|practicas?))?",
        r"(key |main )?good (and promising )?practices?\b.*", r"promising practices?\b.*",
        r"lessons (learn[te]d )?from (the |our |its |[\w'-]+ )?(earlier|previous|past|"
        r"pilot) (work|phase|projects?|experience)",
        r"what we would do again", r"ce que nous referions", r"lo que volver[ií]amos a hacer",
        r"(key )?(lessons( learn(ed|t))?|learnings)( and good practices?)?",
        r"(good practices|lessons) and (lessons( learn(ed|t))?|good practices)",
        r"(les )?(principales )?bonnes? pratiques?( (a tester|a partager|identifiees))?.*",
        r"(les )?(lecons apprises|enseignements)\b.*", r"ce qui (marche|fonctionne).*",
        r"(lo )?que (ha )?funcion(a|ado|o)\b.*", r"what (has )?work(s|ed)( well)?\b.*",
        r"what (seems|seemed|appears) to work( well)?", r"ce qui (semble|parait) (marcher|"
        r"fonctionner)", r"lo que parece funcionar",
        r"(lessons|practices|lecons|pratiques|lecciones|practicas) (worth sharing|to share|a "
        r"partager|para compartir|(that |que )?(we|nous) (would )?(recommend|recommandons|"
        r"recommanderions)|recommended|recommandees|recomendadas|que recomendamos)",
        r"ce qui a (bien )?(marche|fonctionne).*",
        r"(lecciones|lessons|lecons)( aprendidas| learn(ed|t)| apprises)? (y|and|et) "
        r"(las |les )?(buenas|good|bonnes) (practicas|practices|pratiques)\b.*",
        r"(las )?(principales )?buenas practicas.*", r"(las )?lecciones aprendidas.*",
        r"(les )?pratiques (a partager|a retenir|a diffuser|a tester|prometteuses|inspirantes)\b.*",
        r"practices (to|worth) (share|sharing|replicate|replicating)\b.*",
        r"(las )?practicas (a compartir|replicables|prometedoras|destacadas)\b.*",
        r"what (we|they) (have )?learn(ed|t)\b.*", r"ce que nous avons appris\b.*",
        r"lo que (hemos )?aprendi(do|mos)\b.*", r"(key )?takeaways",
        r"what (have|did) (we|they) learn(ed|t)?", r"qu'avons-nous appris", r"que hemos aprendido",
        r"(por que|why) (es|is) (esta |una |this |it )?(a )?(buena practica|good practice)",
        r"pourquoi (est-ce|c'est) une bonne pratique",
        r"(key )?success factors", r"(les )?facteurs (cles )?de (succes|reussite)",
        r"(los )?factores (clave )?de exito", r"(las )?claves (del|de|para el) exito",
        r"(les )?lecons a (retenir|tirer)", r"(los )?elementos (replicables|a replicar)",
    ],
    COVID: [
        r"(contexte|situation|crise) sanitaire|(contexto|situacion|crisis) sanitari[oa]|"
        r"(the )?health (crisis|context|emergency)",
        r".*\bcovid.*", r".*\bcoronavirus\b.*", r".*\bpandemi\w*\b.*",
        r".*\b(crise|crisis) (sanitaire|sanitaria)\b.*", r".*\bhealth (crisis|emergency)\b.*",
        r".*\b(urgence|emergencia) (sanitaire|sanitaria)\b.*",
        r".*\b(lockdowns?|confinements?)\b.*",
    ],
    SITES: [
        r"(project |programme )?(web ?site|site|web page|webpage|page|link|links|web)s?",
        r"sitio( web)?( del (proyecto|programa))?", r"pour en savoir plus", r"plus d'informations?",
        r"(para )?m[aá]s informaci[oó]n", r"find out more", r"learn more",
        r"p[aá]ginas?( web)? del (proyecto|programa)",
        r"pages? (web )?du (projet|programme)",
        r"(more information|further information)", r"site (web )?(du|de) (projet|programme)",
        r"site (internet|web)", r"(sitio|pagina) web( del (proyecto|programa))?",
        r"enlaces?", r"liens?",
        r"more( (info|details|online))?",
        r"(web |useful |further )?links", r"(for )?(more|further) information", r"online",
        r"where to (find|learn) (out )?more", r"(liens|enlaces) (utiles|de interes)",
        r"(pour |para )?(en )?(savoir|saber) (plus|mas)", r"pour plus d'informations?",
        r"(ressources|recursos) en (ligne|linea)", r"(sur le|en la) web",
        r"(ou|donde) (trouver|encontrar) (plus d'informations?|mas informacion)",
        r"site internet du (projet|programme)", r"web del (proyecto|programa)",
        r"(online|web) resources", r"read more", r"internet( site)?", r"sitio (de|en) internet",
        r"(references|ressources) et liens", r"vinculos( de interes)?", r"links de interes",
    ],
    TESTIMONY: [
        r"(a )?(quote|quotation|citation|cita|testimony|testimonio|temoignage)s? (from|de|du|del) "
        r"(the |la |le |el )?(final |progress |completion )?(report|rapport|informe|participant|"
        r"beneficiary|beneficiaire|beneficiario|participante)s?",
        r"testimon(y|ies|ial)s?", r"temoignages?", r"testimonios?", r"(a )?story from the field",
        r"(a )?testimony quoted (in|from) the (proposal|application|report)",
        r"(testimony|testimonio|temoignage|quote|cita|citation) [–—-] [^.]{2,80}",
        r"voices?( from the (field|project|ground))?", r"in (their|her|his) (own )?words",
        r"voix( du terrain| du projet)?", r"paroles? (de |d')\w+.*",
        r"(la |le |les |el |the )?(temoignages?|testimon(y|ies|ios?)|voix|voz|voces|voices?|"
        r"recits?|relatos?|stor(y|ies))"
        r" (d'une?|de la|des|du|del|de los|de las|de una?|de|from the|from an?|of the|of an?|"
        r"desde el|from) \w+( \w+)?",
        r"(an? |the )?(beneficiary|participant|migrant|returnee)('s|s')? (testimon(y|ies)|stor"
        r"(y|ies)|voices?)", r"(beneficiary|participant) testimon(y|ies)",
        r"success stor(y|ies)|stor(y|ies) of change|human interest stor(y|ies)",
        r"histoires? de (reussite|vie|changement)|historias? de (exito|vida|cambio)|"
        r"casos? de exito", r"ils temoignent|elles temoignent", r"la parole (aux?|a la) \w+",
        r"regards? d'acteurs?",
        r"(la )?(voz|voces)( del (proyecto|terreno|programa))?", r"en primera persona",
        r"(a |key )?quotes?", r"citations?", r"citas?", r"verbatims?", r"portraits?",
        r"(a |the )?(field|change) stor(y|ies)", r"(most )?significant change stor(y|ies)",
        r"histoires? de (succes|reussite|vie|changement)",
        r"historias? de (cambio|exito|vida)( significativo)?",
    ],
}

_EXPANDED = {"ve": " have", "re": " are", "ll": " will"}
_CONTRACTIONS = re.compile(r"(?<=[a-z])['’](ve|re|ll)\b")
_RUNS_ON = {"and", "or", "et", "ou", "y", "o", "the", "of", "to", "a", "with", "for", "in", "de",
            "des", "du", "la", "le", "les", "el", "los", "las", "en", "por", "para", "que", "which",
            "that", "by", "on", "from", "au", "aux", "à", "del", "con"}
_GATHERING = re.compile(
    r"\b(?:(?:of|from) (?:the|this) (?:workshop|seminar|meeting|conference|exchange|webinar|"
    r"forum|session|review|report|compendium|study|visit|mission|trip|consultancy|evaluation|"
    r"assignment|mapping|assessment)|(?:de l['’]|du |de la |de ce |de cet |de cette )"
    r"(?:atelier|seminaire|rencontre|reunion|conference|echange|webinaire|forum|seance|"
    r"session|revue|rapport|etude|recueil|visite|mission|evaluation|cartographie|mapping|"
    r"consultation)|(?:del |de la |de este |de esta )"
    r"(?:taller|seminario|encuentro|reunion|conferencia|intercambio|webinario|foro|sesion|"
    r"informe|estudio|revision|jornada|visita|mision|gira|consultoria|evaluacion|mapeo|"
    r"diagnostico))\b")  # the report's own: "Objetivos de la consultoría"
_COMPILED = {kind: re.compile("|".join(f"(?:{p})" for p in patterns))
             for kind, patterns in _PATTERNS.items()}
_MARKUP = re.compile(r"^[#>*_\s]+|[*_\s]+$")
_NUMBERING = re.compile(r"^(\d{1,2}(\.\d{1,2})+[.)]?|\d+[.)]|[ivx]+[.)]|[a-z][.)])\s+")
# "What were the main challenges?", "Quels sont les objectifs du projet ?": the section asked
_QUESTION_LEAD = re.compile(
    r"^(what (are|were|is|was|have been) (the|our)|quel(le)?s? (sont|ont ete|est|etaient|etait|a"
    r" ete) (les?|la|nos|notre)|cuales (son|fueron|han sido) (los|las|nuestr[oa]s)|cual (es|fue|"
    r"ha sido) (el|la|nuestr[oa]))\s+")
# A programme's name and title, not a heading: "Good Practices in … Governance (GPLMG)",
# "LINKS – Linking Migration and Local Development …"
_ACRONYM_END = re.compile(r"\((?=[^)]*[A-Z]{2})[A-Z][\w&.+-]{1,14}\)\s*$")
_KEY_DASH = re.compile(r"^[A-Z0-9][A-Z0-9&+-]{1,15}\s+[–—-]\s+\S")
# "Migration et développement : l'approche du projet": the heading says whose view follows
_APPROACH = re.compile(r"(l'|the |el |la |our |notre |nuestro |su |its |son )?(approche|approach|"
                       r"enfoque|vision|perspective|perspectiva)\b")
_URL = re.compile(r"https?://\S+|www\.\S+")
_SITE_LINK = re.compile(r"^[^\w\[]*\[(?P<label>[^\]]{3,100})\]\((?:https?://|www\.)[^)\s]+\)\W*$")
_SITE_WORDS = re.compile(r"\b(?:web|website|site|sitio|pagina|page|ficha|fiche|more|plus|mas|"
                         r"informacion|information|online|en ligne|en linea)\b")


def _names_a_programme(text: str) -> bool:
    """A title that reads like a heading but names its programme or its country: "Retos y
    oportunidades de la migración laboral entre España y Marruecos"."""
    if _ACRONYM_END.search(text) or (_KEY_DASH.match(text) and "covid" not in text.lower()):
        return True
    return len(text.split()) > 3 and bool(find_countries(text) or find_world_regions(text)
                                          or (_NAMES_A_PLACE.search(text) and _sentence_case(text))
                                          or _BINATIONAL.search(text))


def _sentence_case(text: str) -> bool:
    """Most longer words after the first are in lower case: not "Key Challenges Faced in
    Implementation", whose capitals name nothing."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text)[1:] if len(w) >= 4]
    return sum(w[:1].islower() for w in words) > len(words) / 2


# "… dans la région de Tahoua", "…: la experiencia de Chiapas": a heading in sentence case
# names no place; "la coopération décentralisée franco-malienne" is a programme's subject
_NAMES_A_PLACE = re.compile(r"\b(?:de|du|d'|of|in|en|dans|à|a|del|at)\s+(?:la |le |l'|el |the )?"
                            r"(?!COVID|Covid)[A-ZÀ-Ý][a-zà-ÿ]{2,}(?:[ -][A-ZÀ-Ý][a-zà-ÿ]+)?\s*$")
_BINATIONAL = re.compile(r"\b[a-z]{3,}o-[a-zà-ÿ]+(?:an[aeo]?|anne|ienne?|aise?|oise?|ense|ese|"
                         r"e[nñ][ao]|in[ao])\b")


AS_OF_DATE = re.compile(r"\s+(?:a|al|au|as of|as at|at|by|to|until|hasta|jusqu'au|a fin|fin|"
                        r"end)\s+(?:(?:el|le|the|la)\s+)?(?:\d{1,2}(?:er|st|nd|rd|th)?\s+"
                        r"(?:de\s+)?)?(?:[a-z]+\s+(?:de\s+)?)?(?:19|20)\d\d$")


@lru_cache(maxsize=65536)  # a pure function of one line, asked of the same lines often
def heading_kind(line: str) -> str | None:
    """The section a heading line opens, or None. A heading is short and ends no sentence;
    "Project site: https://…" counts, its address being the section's content."""
    stripped = line.strip()
    if re.match(r"(?i)(?:>\s*)?\[!(?:quote|cite)\]", stripped):
        return TESTIMONY  # an Obsidian callout: "> [!quote] Verbatim — Mamadou B., 27 ans"
    link = _SITE_LINK.match(stripped)
    if link and _SITE_WORDS.search(normalize(link.group("label"))):
        return SITES  # "🔗 [Ficha completa en la web de la Red CIMA](https://…)"
    bracketed = re.fullmatch(r"\[([^\[\]!]{3,60})\]", stripped)
    if bracketed:  # an editor's heading in a transcript: "[Principales resultados]"
        stripped = bracketed.group(1).strip()
    bold = stripped.startswith(("**", "__")) and stripped.endswith(("**", "__"))
    text = _MARKUP.sub("", _URL.sub("", _MARKUP.sub("", stripped))).strip()
    if bold and text.endswith("."):  # "**Ce qui marche.**"
        text = text[:-1]
    text = re.sub(r"\s*\.{3,}$", "", text)  # "Sitio web ...... https://…" without its address
    text = re.sub(r"(?i)^(?:recuadro|encadr[ée]|box|cuadro)\s+\d{1,2}\s*[.:–-]\s*", "",
                  text)  # "Box 1. Testimony"
    if _NUMBERING.sub("", text)[:1].islower() and not stripped.startswith(("#", "**", "__")) \
            and not stripped.endswith(":"):
        return None  # "migration et développement." ends a wrapped sentence
    if re.fullmatch(r"[^.]+\.", text) and len(text.split()) <= 4:
        text = text[:-1]  # "Challenges." alone on its line
    parts = re.split(r"\s?\.{3,}\s?|:|\t+", text, maxsplit=1)  # "Label: value", "Label … value"
    label, inline = (parts[0], parts[1]) if len(parts) == 2 else (text, "")
    colon = len(parts) == 2
    if colon and inline.strip() and len(label) <= 40:  # "Website: forthcoming"
        label_words = _NUMBERING.sub("", normalize(_MARKUP.sub("", label))).strip()
        if _COMPILED[SITES].fullmatch(label_words):
            return None if _names_a_programme(text) else SITES  # not "Enlaces: migración y …"
        kinds = [kind for kind, p in _COMPILED.items() if p.fullmatch(label_words)]
        inline_words = normalize(_MARKUP.sub("", inline)).strip(" .")
        other = next((k for k, p in _COMPILED.items() if kinds and k not in (kinds[0], SITES)
                      and p.fullmatch(inline_words)), None)
        if kinds and other and len(inline_words.split()) <= 4:
            return other  # "Lessons: challenges", "Lessons: good practices"
        if kinds and len(inline_words.split()) <= 5 and (_COMPILED[kinds[0]].fullmatch(
                inline_words) or inline_words.endswith("?") or _APPROACH.match(inline_words)
                or re.match(r"(why|pourquoi|por que) ", inline_words)  # "…: why this project"
                or re.fullmatch(r"(le|the|el) (lien|link|vinculo|nexo|nexus)", inline_words)
                or (kinds[0] == COVID and re.match(  # "COVID-19: how the programme adapted"
                    r"(\w+ ){0,3}(adapt|respon|respuesta|reponse|riposte|mesures|measures|"
                    r"medidas|impact)", inline_words))):
            return kinds[0]  # "Migration and development: why it matters", "…: quel lien ?"
        if kinds:
            return None  # "Objective: To improve …" is a run-in heading with its text
    if re.match(r"[^\W\d_][^.]{1,39}\.\s+\S+(\s+\S+){2}", text):
        return None  # "Objectives. To channel the savings …": a run-in heading with its text
    if not text or len(text) > 110 or text.endswith((".", ";", ",")):
        return None
    words = normalize(text).rstrip(":").strip()
    words = _CONTRACTIONS.sub(lambda m: _EXPANDED[m.group(1)], words)  # "What we've achieved"
    words = _NUMBERING.sub("", words).strip(" :-–")
    words = re.sub(r"\s*\([^()]{1,40}\)$", "", words)  # "Results to date (December 2022)"
    note = re.fullmatch(r"(\S+(?: \S+)?) \([^()]{3,120}\)", words)  # "Quote (returnee in
    if note and (stripped.endswith(":") or len(note.group(1).split()) == 1):  # Kombolcha, from
        # my field visit …):", "Testimonio (Ervin, 24 años, …; lo apunté casi literal)"
        words = note.group(1)
    words = AS_OF_DATE.sub("", words)  # "Principales avances a 31 de diciembre de 2023"
    question = words.endswith("?")
    words = re.sub(r"\s*/\s*", " and ", words).rstrip(" ?").lstrip("¿ ")  # "… / x", "…?"
    if question:
        words = _QUESTION_LEAD.sub("", words)
    if stripped.endswith(":") and len(words.split()) > 8 and re.match(
            r"(the|this|these|our|les?|la|ce|ces|nos|el|los|las|este|estos|nuestros) ", words):
        return None  # "The four projects cover different entry points to the … nexus:"
    marked = stripped.startswith(("#", "**", "__")) or stripped.endswith(":")
    if not words or len(words.split()) > 14 or words.count(")") > words.count("(") \
            or (words.split()[-1] in _RUNS_ON and not marked and not any(
                pattern.fullmatch(words) for pattern in _COMPILED.values())):  # "What it aims for"
        return None  # a sentence's line: "… good practices, COVID-19 adaptations) and"
    if _GATHERING.search(words):
        return None  # "Objectifs de l'atelier": a section of the report, not of a fiche
    # A short heading that names the pandemic is about it, whatever it opens with ("Acciones
    # frente al COVID-19"); a longer line naming it is a bullet's sentence.
    if len(words.split()) <= 9 and _COMPILED[COVID].fullmatch(words) and not re.search(
            r"\d+ (months?|mois|meses|years?|ans|anos)\b", words):  # not "Duración 36 meses,
        # ampliados seis meses por la pandemia", a key fact
        return None if _names_a_programme(text) else COVID
    for kind, pattern in _COMPILED.items():
        if kind != COVID and pattern.fullmatch(words):
            return None if _names_a_programme(text) else kind
    joined = _joined_headings_kind(words)  # "How it works and results so far"
    if joined:
        return joined
    if text[:1].isupper() or text[:1].isdigit():  # "activity." ending a wrapped sentence
        plain = "(" not in words and not re.search(r"\([^()a-z\d]+\)$", text)  # "(SENA)"
        return heading_words_kind(words) if plain else None  # "(2022)" dropped
    return None


def _joined_headings_kind(words: str) -> str | None:
    """The kind of two headings of one kind joined by "and": "How it works and results so
    far", "Enfoque y avances"."""
    parts = re.split(r" (?:and|et|y) ", words)
    if len(parts) < 2:
        return None
    kinds = {next((k for k, p in _COMPILED.items() if p.fullmatch(part)), None)
             for part in parts}
    return kinds.pop() if len(kinds) == 1 and None not in kinds else None


# Headings worded in ways no pattern above foresaw ("Défis rencontrés en cours de route",
# "Key Lessons Drawn"): a short line made only of section words and of the words that go
# around them in a heading, the first section word naming the kind. A programme's title has
# words of its own ("Skills for Results in Casamance"), so it is not taken for one.
_SECTION_WORDS: list[tuple[str, str]] = [
    (OBJECTIVES, r"objectiv\w*|objectifs?|objetivos?|aims?|goals?|purposes?|finalidad|"
                 r"propositos?|buts"),
    (COVID, r"covid\w*|pandemi\w*|coronavirus|confinements?|lockdowns?"),
    (CHALLENGES, r"challenges?|defis?|difficult\w*|dificultad\w*|retos?|desafios?|obstacles?|"
                 r"obstaculos?|constraints?|contraintes?|limitations?|limites|limitaciones|"
                 r"risks?|risques?|riesgos?|barriers?|barrieres?|barreras?|hurdles?|"
                 r"bottlenecks?|blocages?|freins?|problems?|problemes?|problemas?|issues"),
    (GOOD_PRACTICES, r"lessons?|lecons?|lecciones|enseignements?|learnings?|aprendizajes?|"
                     r"takeaways?"),
    (TESTIMONY, r"testimon\w*|temoignages?|voices?|voix|voz|voces|quotes?|citations?|citas?"),
    (MAIN_FEATURES, r"activit\w*|features?|caracteristi\w*|descriptions?|descripcion|"
                    r"realisations?|achievements?|logros?|results?|resultats?|"
                    r"resultados?|outputs?|interventions?|intervenciones|approach|approche|"
                    r"enfoque|components?|composantes?|componentes?|actions|acciones|"
                    r"actividades|accomplishments?|progress|avancees?|avances|avancement"),
]
_EXPECTED = r"expected|attendus?|esperados?|previstos?|prevus?|escomptes?|intended|planned|vises"
_AROUND = (
    r"the|a|an|of|and|or|to|in|for|with|by|on|from|at|during|so|far|date|its|our|their|"
    r"les?|la|l'|d'|des?|du|et|ou|en|au|aux|a|pour|par|sur|avec|pendant|durant|lors|jour|"
    r"ce|cours|route|ses|son|sa|nos|notre|leurs?|el|los|las|del|y|o|con|para|por|un|una|une|"
    r"durante|hasta|fecha|sus?|nuestr[oa]s?|"
    r"main|key|major|principa(?:l|le|les|ux)|general(?:es?)?|generaux|specific|"
    r"specifiques?|especific[oa]s?|overall|global(?:es)?|other|autres?|otr[oa]s|further|"
    r"additional|first|initial(?:es)?|early|remaining|current|new|nouv\w*|nuev[oa]s|"
    r"good|bonnes?|buen[oa]s|best|meilleures?|mejores|promising|prometteuses?|"
    r"prometedoras?|immediate|long|short|medium|term|terme|plazo|"
    r"project|projet|proyecto|programme|program|programa|initiative|iniciativa|pilot|"
    r"phase|fase|implementation|mise|oeuvre|ejecucion|implementacion|execution|"
    r"œuvre|faced|encountered|identified|observed|achieved|obtained|reached|learned|learnt|drawn|"
    r"rencontre\w*|identifie\w*|observe\w*|obtenu\w*|atteint\w*|realise\w*|tire\w*|"
    r"appris\w*|enfrentad\w*|encontrad\w*|identificad\w*|observad\w*|obtenid\w*|"
    r"alcanzad\w*|aprendid\w*|extraid\w*|to|date|ete|hasta|ahora|now|today|aujourd'hui|"
    r"mitigation|mitigacion|attenuation|mesures|medidas|measures|and|&|-|–|"
    r"premiers?|premieres?|primer[oa]s?|etat|estado|mi-parcours|mid-term|midterm|medio|"
    r"termino|state|status"
)
_PRACTICE_WORD = re.compile(r"practices?|pratiques?|practicas?")
_GOOD_WORD = re.compile(r"good|best|bonnes?|meilleures?|buen[oa]s|mejores|promising|"
                        r"prometteuses?|prometedoras?|inspiring|inspirantes?")
_SECTION_WORD = [(kind, re.compile(pattern)) for kind, pattern in _SECTION_WORDS]
_EXPECTED_WORD = re.compile(_EXPECTED)
_AROUND_WORD = re.compile(_AROUND)


def heading_words_kind(words: str) -> str | None:
    """The kind of a heading of at most eight words, each a section word or one of the words
    around them, and one at least a section word; None for any other line."""
    tokens = re.findall(r"\w+'|[\w&–-]+", words.replace("’", "'"))  # "d'avancement": two
    if not tokens or len(tokens) > 8:
        return None
    kinds = []
    for index, token in enumerate(tokens):
        kind = next((k for k, p in _SECTION_WORD if p.fullmatch(token)), None)
        if kind is None and _PRACTICE_WORD.fullmatch(token) and index \
                and _GOOD_WORD.fullmatch(tokens[index - 1]):
            kind = GOOD_PRACTICES  # "Bonnes pratiques identifiées", not "The practices"
        if kind is None and not (_AROUND_WORD.fullmatch(token)
                                 or _EXPECTED_WORD.fullmatch(token)):
            return None
        if kind:
            kinds.append(kind)
    if not kinds:
        return None
    expected = any(_EXPECTED_WORD.fullmatch(t) for t in tokens)
    if kinds[0] == MAIN_FEATURES and expected:
        return EXPECTED_RESULTS  # "Résultats escomptés", "Planned outputs"
    return kinds[0]


EXPECTED_RESULTS_LABEL = re.compile(
    r"^\W*(expected (results|outcomes|outputs)|r[ée]sultats? attendus?|resultados? esperados?)"
    r"\s*:?\W*$", re.IGNORECASE)


# Headings of the report around its fiches: one of these after a fiche's sections ends it.
_REPORT_SECTIONS = re.compile("(?:" + "|".join(f"(?:{p})" for p in [
    r"(general |final |main |key )?conclusions?( and (recommendations|next steps|way forward))?",
    r"concluding (remarks|observations)", r"(main |key )?recommendations?", r"next steps",
    r"(the )?way forward", r"acknowledge?ments?", r"references", r"bibliography",
    r"(list of )?participants", r"agenda", r"closing( session| remarks)?",
    r"(key |main )?(messages|takeaways|findings)( (of|from) the (workshop|meeting|session))?",
    r"(summary|synthesis) of (the )?discussions?",
    r"(les )?conclusions?( generales?| et recommandations)?", r"recommandations",
    r"prochaines etapes", r"perspectives", r"remerciements", r"(liste des )?participants",
    r"bibliographie", r"ordre du jour", r"(synthese|resume) des (debats|discussions|echanges)",
    r"cloture", r"messages cles",
    r"entretien|interview|entrevista", r"(a propos|about|acerca) (des|de los|of the|the) "
    r"(partenaires|partners|socios)", r"(contacts?|contactos?) (presse|press|de prensa|media)|"
    r"(press|media) contacts?",
    r"conclusiones?( generales| y recomendaciones)?", r"recomendaciones", r"proximos pasos",
    r"agradecimientos", r"(lista de )?participantes", r"referencias", r"bibliografia",
    r"clausura", r"(sintesis|resumen) de (los )?debates", r"mensajes clave",
    r"cross-?cutting (lessons|findings|issues|themes|observations|insights)( learned| learnt)?",
    r"lessons across (the )?(programmes|projects)", r"looking ahead",
    r"(enseignements|lecons|constats) transversa(ux|les)", r"lecciones transversales",
    r"(aprendizajes|hallazgos) transversales",
    r"(enseignements|lecons|constats) (communs|partages)|(lecciones|aprendizajes) (comunes|"
    r"compartid[oa]s)|(common|shared) (lessons|findings)",
    r".{3,40} (et|and|y) (prochaines etapes|next steps|proximos pasos|way forward)",
]) + r")(?:\s+(?:and|et|y|&)\s+.{3,40})?")


# Headings of what a report says about a fiche rather than what the fiche says: the
# committee's decision, the reviewers' assessment, the group's discussion. What stands under
# one, up to the fiche's next section, belongs to no field.
_ASIDES = re.compile("(?:" + "|".join(f"(?:{p})" for p in [
    r"(the )?(committee|panel|board|jury)'?s? (decision|remarks|comments|observations|"
    r"recommendations?|assessment)", r"decision of the (committee|panel|board|jury)",
    r"(the )?(reviewers?|evaluators?|review team|evaluation team)'?s? (assessment|comments|"
    r"remarks|rating)", r"(discussion|discussions|questions and answers|q&a|q & a)"
    r"( with (the )?(participants|group|committee))?",
    r"(decision|observations|remarques|recommandations?|avis|appreciation) du (comite|jury)",
    r"appreciation (synthetique|globale|des evaluateurs|de l'evaluation)( de l'evaluation"
    r"( finale| a mi-parcours)?)?", r"(discussion|debat|echanges|questions-reponses)"
    r"( avec (les participants|la salle))?",
    r"(decision|observaciones|comentarios|recomendaciones?) del (comite|jurado)",
    r"(debate|discusion|preguntas y respuestas)( con (los participantes|el publico))?",
    r"valoracion (del equipo (evaluador|de evaluacion)|de la evaluacion)",
    r"(assessment|rating) (by|of) the (evaluation|review|evaluators?'?|reviewers?'?) team",
    r"appreciation de l'equipe (d'evaluation|d'evaluateurs|evaluatrice)",
    r"suivi|journal de suivi|seguimiento|follow-?up( log)?|"  # a log of the officer's contacts
    r"pending( items| points| issues)?|to ?-?do|open points|points en suspens|a faire|"
    r"por hacer|pendientes?( [a-z]{2,6})?",  # an officer's own notes under a fiche
    r"(the )?(observatory|assessors?|mission|donor)'?s? (assessment|comments|remarks|appraisal|"
    r"observations|recommendations?)", r"(evaluation|review) focus( for the field (phase|work))?",
    r"(main )?documents (reviewed|consulted)",
    r"(recommandations?|observations|appreciation|avis) de (la mission|l'observatoire)",
    r"(recomendaciones|observaciones|valoracion) de(l observatorio| la mision)",
    r"\[!\w+\] ?((po|programme officer|officer|my|internal|team)'?s? )?notes?( .{0,30})?",
    r"([a-z]{2,8} )?pre-?assessment", r"(the )?(fund manager|fund management unit|fmu|"
    r"secretariat)'?s? (comments|assessment|appraisal|remarks)",
]) + ")")


@lru_cache(maxsize=65536)  # a pure function of one line, asked of every line of every fiche
def aside_heading(line: str) -> bool:
    """The line heads, or opens with, what the report says about a fiche: "Committee
    decision", "Observaciones del Comité: …", "Discussion: IOM noted …"."""
    text = _MARKUP.sub("", line.strip()).strip()
    label = re.split(r"\s*(?::|\s;\s)", text, maxsplit=1)[0]
    label = re.sub(r"\s*\((?:not part of|hors|no forma parte)[^()]*\)$", "", label)  # "FMU
    # pre-assessment (not part of the applicant's summary) ; Strengths: …"
    if not label or len(label) > 60 or label.endswith((".", ";", ",")):
        return False
    words = _NUMBERING.sub("", normalize(label)).strip(" :-–").replace("’", "'")
    return _ASIDES.fullmatch(words) is not None


_NUMBERED_PART = re.compile(r"(session|seance|sesion|panel|atelier|workshop|taller|"
                            r"mesa( redonda)?|module|modulo|day|jour|dia|jornada)\s+\d{1,2}")


@lru_cache(maxsize=65536)  # a pure function of one line, asked of the same lines often

def report_section(line: str) -> bool:
    """The line names a section of the report itself: "Conclusions", "4. Recommendations"."""
    text = _MARKUP.sub("", line.strip()).strip()
    if not text or len(text) > 80 or text.endswith((".", ";", ",")):
        return False
    words = _NUMBERING.sub("", normalize(text)).strip(" :-–")
    words = re.sub(r"^(part|partie|parte|section|chapter|chapitre|capitulo)\s+\w+\s*[.:–-]?\s*",
                   "", words)
    words = re.sub(r"^\d+(\.\d+)*\s*", "", words)
    if _NUMBERED_PART.fullmatch(words):
        return True  # "SESSION 3": the report's own part, around the fiche it presents
    parts = [words, *re.split(r"\s+[–—-]\s+", words)[1:]]  # "Closing session – Key messages"
    return any(_REPORT_SECTIONS.fullmatch(part) for part in parts) \
        or bool(_GATHERING.search(words))
