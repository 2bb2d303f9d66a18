//! From mentions to events: triggers, arguments, status, background, document merge.

use memchr::memmem;
use sitrep_core::{DateValue, Event, Evidence, PartialDate, Precision, SourceRef, Status, SubEventType};
use sitrep_geo::PlaceMention;
use sitrep_lexicon::Hit;

use crate::analysis::{ActorMention, Analysis};
use crate::toll;

/// How many days before the dateline an event must be to be history rather than news.
const BACKGROUND_DAYS: i64 = 60;

/// Folded words that open a sentence continuing the previous subject.
const PRONOUNS: &[&str] =
    &["il ", "elle ", "ils ", "elles ", "sa ", "son ", "ses ", "it ", "they ", "he ", "she ", "its ", "their "];

/// Folded words that make a fight one between communities, clans or tribes.
const COMMUNAL: &[&str] = &[
    "ethnic",
    "clan",
    "clans",
    "inter-clan",
    "interclan",
    "tribal",
    "inter-tribal",
    "intertribal",
    "tribes",
    "communal",
    "intercommunal",
    "inter-communal",
    "inter-ethnic",
    "communities",
    "ethnique",
    "ethniques",
    "intercommunautaire",
    "intercommunautaires",
    "communautaire",
    "communautaires",
    "communautes",
    "tribaux",
];

/// Nouns of places that can be held as territory (after "took control of", "pris le
/// contrôle de"), besides the places the gazetteer names.
const TERRITORY: &[&str] = &[
    "town",
    "city",
    "village",
    "villages",
    "area",
    "district",
    "base",
    "camp",
    "post",
    "outpost",
    "border",
    "site",
    "mine",
    "region",
    "zone",
    "localite",
    "ville",
    "commune",
    "poste",
    "position",
    "frontiere",
    "quartier",
    "departement",
    "province",
    "territoire",
    "checkpoint",
    "barrage",
    "caserne",
    "barracks",
];

/// Folded words before a trigger that make it an earlier event the text refers to, or
/// the cause of a flight ("IDPs fleeing from attacks").
const PRIOR: &[&str] =
    &["prior", "previous", "earlier", "precedent", "precedente", "anterieur", "anterieure", "fleeing", "fuyant"];

/// Folded auxiliaries of the pluperfect ("had been shot", « avait été tué »).
const PLUPERFECT: &[&str] = &["had been ", "had ", "avait ete ", "avaient ete ", "avait ", "avaient "];

/// Folded units of time ("two weeks before", « trois jours auparavant »).
const TIME_UNITS: &[&str] =
    &["day", "days", "week", "weeks", "month", "months", "year", "years", "jours", "semaines", "mois", "ans"];

/// Folded articles that make a trigger an event already told ("the attack", "cette attaque").
const DEFINITE: &[&str] = &[" the ", " this ", " that ", " these ", "'s ", " l'", " cette ", " cet ", " ces "];

/// Folded prepositions and articles that make the trigger after them a noun in a
/// prepositional phrase ("in an ambush", "lors d'une attaque").
const IN_PHRASE: &[&str] = &[
    " in an ",
    " in a ",
    " during an ",
    " during a ",
    " in the ",
    " dans une ",
    " dans un ",
    " lors d'une ",
    " lors d'un ",
    " au cours d'une ",
    " au cours d'un ",
    " dans l'",
    " lors de l'",
];

/// Words among `LOCATIVES` that name a kind of area rather than introduce a place.
const AREA_WORDS: &[&str] = &["region", "village", "ville", "town", "city", "localite", "commune", "province"];

/// Folded words of a note before the place it coded an event at.
const CODED_AS: &[&str] = &["coded as ", "coded to ", "coded at ", "coordinates for ", "coordinates of "];

/// Folded words for a road between two places.
const ROADS: &[&str] = &["highway", "road", "route", "axis", "axe", "bound", "autoroute"];

/// Folded words that introduce a place.
const LOCATIVES: &[&str] = &[
    "a", "au", "aux", "en", "dans", "pres", "vers", "sur", "entre", "in", "at", "near", "outside", "around", "from",
    "into", "region", "village", "ville", "town", "city", "localite", "commune", "province",
];

/// Folded beginnings of words for people named by their animals ("cattle rustlers",
/// "goat herders").
const ANIMAL_PEOPLE: &[&str] =
    &["rustler", "raider", "herder", "herdsm", "thie", "trader", "owner", "keeper", "farmer"];

/// Folded words after a number that make it something other than a count of people.
const NOT_PEOPLE: &[&str] = &[
    // "un nombre indéterminé de": no figure at all.
    "nombre",
    "year",
    "years",
    "yr",
    "ans",
    "an ",
    "sheep",
    "goat",
    "cattle",
    "cow",
    "camel",
    "donkey",
    "animal",
    "livestock",
    "head",
    "tete",
    "moutons",
    "chevres",
    "boeufs",
    "betail",
    "km",
    "kilomet",
    "metre",
    "meter",
    "hour",
    "heure",
    "minute",
    "day",
    "jour",
    "week",
    "semaine",
    "month",
    "mois",
    "percent",
    "pour cent",
    "%",
    "kg",
    "dollar",
    "euro",
    "francs",
    "shilling",
    "taka",
];

/// Folded words just before a trigger that make it what someone is accused of.
const ACCUSATION: &[&str] = &[
    "suspected of ",
    "accused of ",
    "charged with ",
    "convicted of ",
    "soupconne de ",
    "soupconne d'",
    "soupconnes de ",
    "accuse de ",
    "accuse d'",
    "accuses de ",
    "inculpe de ",
    "inculpe pour ",
    "for having ",
    "for having him ",
    "for having her ",
    "for having them ",
    "pour avoir ",
];

/// Folded words that open a clause giving the cause of the event told before it
/// ("… after they attacked villages", "… en représailles à l'attaque").
const CAUSE_CLAUSES: &[&str] = &[
    " after ",
    " amid ",
    " following ",
    " in retaliation for ",
    " in revenge for ",
    " to avenge ",
    " apres ",
    " en represailles ",
    " pour venger ",
    " suite a ",
];

/// Folded auxiliaries: a verb's, beyond which a noun phrase has ended.
const AUXILIARIES: &[&str] =
    &["was", "were", "is", "are", "has", "have", "had", "been", "ont", "est", "sont", "ete", "avait", "avaient"];

/// Where the last marker of [`CAUSE_CLAUSES`] in folded `lead` starts, and its length.
fn last_cause(lead: &str) -> Option<(usize, usize)> {
    CAUSE_CLAUSES.iter().filter_map(|c| rfind_str(lead, c).map(|i| (i, c.len()))).max()
}

/// Folded markers after a protest word that introduce what the protest is about.
const TOPIC: &[&str] = &[
    " against ",
    " over ",
    " demanding ",
    " demand ",
    " to denounce ",
    " to condemn ",
    " in protest of ",
    " following ",
    " after ",
    " in solidarity with ",
    " en solidarite avec ",
    " in memory of ",
    " to commemorate ",
    " en memoire de ",
    " en hommage a ",
    " contre ",
    " pour denoncer ",
    " pour reclamer ",
    " pour protester ",
    " pour exiger ",
    " reclamant ",
    " denoncant ",
    " suite a ",
    " apres ",
    " for the release of ",
    " to demand ",
    " calling for ",
    " in remembrance of ",
    " in honour of ",
    " in honor of ",
    " pour obtenir ",
    " pour la liberation ",
    " pour demander ",
    " in reaction to ",
    " in response to ",
    " en reaction a ",
    " en reponse a ",
    " to protest ",
    " protesting ",
    " condemning ",
    " denouncing ",
    " in the wake of ",
    " accusing ",
    " claiming for ",
    " for claimed ",
    " for alleged ",
    " over alleged ",
    " to mark ",
    " marking ",
    " anniversary of ",
    " in support of ",
    " to support ",
    " to express ",
    " expressing ",
    " urging ",
    " to urge ",
];

/// Folded words that may follow a participle told in the passive ("killed in India",
/// "beheaded by al Shabaab"), where an active verb has its object.
const PASSIVE_NEXT: &[&str] = &[
    "in",
    "at",
    "by",
    "during",
    "due",
    "as",
    "on",
    "near",
    "while",
    "when",
    "after",
    "following",
    "last",
    "earlier",
    "or",
    "and",
    "since",
    "over",
    "for",
];

/// Folded words that end the noun phrase a protest is about: a joining word, a relative
/// pronoun, the means ("staged a demonstration by setting fire").
const PHRASE_BREAKS: &[&str] = &["and", "et", "who", "qui", "by", "par", "with", "avec", "en"];

/// The length of the longest marker of [`TOPIC`].
const TOPIC_LONGEST: usize = {
    let mut n = 0;
    let mut i = 0;
    while i < TOPIC.len() {
        if TOPIC[i].len() > n {
            n = TOPIC[i].len();
        }
        i += 1;
    }
    n
};

/// Folded markers just before a protest word (as well as "amid" anywhere before it) that
/// make the protest the backdrop of a sentence's violence, not what its people are doing
/// ("ahead of the BNP rally", "for joining the march").
const BACKDROP: &[&str] = &[
    " ahead of ",
    " in the run-up to ",
    " for joining ",
    " in support of ",
    " for supporting ",
    " relating to ",
    " related to ",
    " a la veille d",
    " returning from ",
    " way to join ",
    " way to participate in ",
    " way to attend ",
    " participation in ",
    " for participating in ",
    " after attending ",
    " en route pour ",
    " de retour d",
];

/// Folded marks by which a note says an event it names is coded as a record of its own.
const SEPARATELY: &[&str] =
    &["coded separately", "coded seperately", "coded in a separate event", "coded as a separate event"];

/// [`SEPARATELY`], compiled once.
fn separately_finders() -> &'static [memmem::Finder<'static>] {
    static FINDERS: std::sync::OnceLock<Vec<memmem::Finder<'static>>> = std::sync::OnceLock::new();
    FINDERS.get_or_init(|| SEPARATELY.iter().map(memmem::Finder::new).collect())
}

/// Folded protest words for a stoppage its people enforce: a strike, a blockade.
const ENFORCED: &[&str] = &["blockade", "strike", "hartal", "shutdown", "greve", "blocus"];

/// Folded marks that end what a protest is about and open a clause of its own.
const TOPIC_ENDS: &[&str] = &[
    ",",
    ";",
    ":",
    " - ",
    "(",
    " and ",
    " then ",
    " but ",
    " were ",
    " was ",
    " turned ",
    " turns ",
    " et ",
    " puis ",
    " mais ",
    " ont ",
    " sont ",
    " descended ",
    " degenerated ",
    " escalated ",
    " became ",
    " degenere ",
];

/// Folded words that join two items of a list: in what a protest is about, "against the
/// clashes and vandalism" names two, "against the levy and burned tyres" opens a clause.
const LIST_AND: &[&str] = &[" and ", " or ", " et ", " ou "];

/// Folded articles that may stand between a list's joining word and its next item.
const ARTICLES: &[&str] = &["the", "a", "an", "le", "la", "les", "l'", "un", "une", "des", "du", "de"];

/// Whether `rest`, what follows a [`TOPIC`] marker up to the end of a violence word,
/// holds a mark that ends what the protest is about before the word. A joining word
/// right before it (an article at most between) lists it with the topic, unless the
/// word is a past tense ("and burned").
fn topic_ended(rest: &str) -> bool {
    TOPIC_ENDS.iter().any(|e| {
        rest.match_indices(e).any(|(i, _)| {
            // ", claiming that they engaged in violent demonstrations": what the
            // protesters say of the other side is still what the protest is about.
            if *e == "," && ALLEGING.iter().any(|a| rest[i + 1..].starts_with(a)) {
                return false;
            }
            // ", and vandalism": a comma before the joining word lists too.
            let (e, i) = match LIST_AND.iter().find(|j| *e == "," && rest[i + 1..].starts_with(**j)) {
                Some(j) => (*j, i + 1),
                None => (*e, i),
            };
            if !LIST_AND.contains(&e) {
                return true;
            }
            let tail: Vec<&str> = rest[i + e.len()..].split_whitespace().collect();
            let listed = match tail.as_slice() {
                [w] => !w.ends_with("ed"),
                [a, w] => ARTICLES.contains(a) && !w.ends_with("ed"),
                _ => false,
            };
            !listed
        })
    })
}

/// Folded participles after a comma that report what the protesters say.
const ALLEGING: &[&str] = &[" claiming", " alleging", " accusing", " blaming", " affirmant", " accusant"];

/// Folded words before a passive's agent that leave who they were unknown ("by unidentified
/// men", "by suspected neighbours"): not a crowd the text sees acting.
const UNKNOWN_AGENT: &[&str] = &["unidentified ", "unknown ", "suspected ", "armed ", "presumed ", "alleged "];

/// Folded words after a passive's agent that say who they were ("by people believed to be
/// from…").
const BELIEVED: &[&str] = &[" believed", " said to", " suspected", " thought to", " identified as"];

/// Folded words for roads, which people block to protest.
const BLOCKED_WAYS: &[&str] =
    &["road", "roads", "highway", "route", "street", "streets", "junction", "bypass", "chaussee", "axe", "voie", "rue"];

/// Folded words before a protest word that make it the one the people an assault hit were
/// holding ("during their demonstration", "as they were protesting").
const HOLDING: &[&str] = &[" during ", " when they were ", " as they were ", " while they were ", " pendant "];

/// Folded protest words that name a party's gathering rather than a demonstration.
const GATHERINGS: &[&str] = &["rally", "rallies", "procession", "processions"];

/// Folded beginnings of a trigger that says people were beaten, not shot or cut.
const BEATING: &[&str] = &["assault", "beat", "agress", "tabass", "passe a tabac", "roue de coups"];

/// Folded words for firearms: beside them, a killing is no crowd's.
const FIREARMS: &[&str] = &[" gun", "shot", "shoot", "fired", "firing", "bullet", "rifle", "pistol"];

/// Folded words for arms or armed men: beside them, a beating is an armed group's attack.
const ARMS: &[&str] = &[
    " gun",
    "shot",
    "shoot",
    "fired",
    "firing",
    "opened fire",
    "bullet",
    "rifle",
    "pistol",
    "machete",
    "panga",
    "knife",
    "knive",
    "axe",
    "sword",
    "blade",
    "sharp",
    "armed",
    "arme",
    "bomb",
    "grenade",
    "explos",
    "arrow",
    "spear",
    "hack",
    "stab",
    "slash",
    "militant",
    "jihad",
    "terror",
    "couteau",
    "fusil",
    " balle",
];

/// Folded words before an explosive device that make the actor before it the one who used it.
const PLANTERS: &[&str] =
    &["planted", "laid", "detonated", "set off", "placed", "pose", "poser", "fait exploser", "declenche", "place"];

/// Folded words that open a new clause, beyond which a passive voice does not reach.
const CLAUSE_BREAKS: &[&str] = &[
    "when", "as", "after", "before", "while", "and", "but", "lorsque", "quand", "alors", "apres", "avant", "et",
    "mais", "puis", "tandis",
];

/// Folded words that say a body was found (for triggers with the `found` attribute).
const FOUND: &[&str] = &["found", "discovered", "recovered", "retrouve", "decouvert", "dumped", "lying"];

/// Folded words that join the items of a list a negation heads, and items that are no
/// trigger ("no reports of violence or clashes").
const LIST_JOINS: &[&str] =
    &["or", "nor", "and", "any", "ou", "ni", "et", "aucun", "aucune", "violence", "violences", "incident", "incidents"];

/// Folded names of groups of people that do not end in a plural "s" or "x".
const COLLECTIVES: &[&str] = &["people", "population", "gens", "foule", "crowd", "youth", "jeunesse"];

/// Folded endings just before a trigger that make it passive ("a été pris pour cible").
const PASSIVE_CUES: &[&str] = &[
    "a ete ", "ont ete ", "ete ", "est ", "sont ", "etait ", "etaient ", "was ", "were ", "been ", "is ", "are ",
    "being ",
];

/// Whether folded `lead` ends with a passive auxiliary, a whole word ("were ", not the
/// end of "machete ").
fn after_passive_auxiliary(lead: &str) -> bool {
    PASSIVE_CUES.iter().any(|c| ends_with_words(lead, c))
}

/// Whether folded `lead` ends with `words` from a word's start ("unknown " ends "by
/// unknown ", not "by unarmed " with "armed ").
fn ends_with_words(lead: &str, words: &str) -> bool {
    // (The byte where `words` would start in `lead` is compared first: most leads differ
    // there, and need no slice compare, a call to `memcmp`.)
    let (l, w) = (lead.as_bytes(), words.as_bytes());
    if w.len() > l.len() || w.first().is_some_and(|&b| l[l.len() - w.len()] != b) {
        return false;
    }
    lead.strip_suffix(words).is_some_and(|rest| {
        rest.is_empty()
            || words.starts_with(|ch: char| !ch.is_alphanumeric())
            || rest.ends_with(|ch: char| !ch.is_alphanumeric())
    })
}

/// Folded words after a participle that make it passive with no auxiliary ("killed by",
/// "killed in an ambush").
const PARTICIPLE_NEXT: &[&str] =
    &["by ", "in ", "at ", "after ", "during ", "when ", "near ", "on ", "while ", "as ", "and "];

/// Folded words just before an actor that make it an associate of the acting side.
const ASSOCIATE_CUES: &[&str] = &[
    "cooperation avec ",
    "cooperation avec les ",
    "cooperation avec la ",
    "cooperation avec l'",
    "appui de ",
    "appui des ",
    "aux cotes de ",
    "aux cotes des ",
    "together with ",
    "alongside ",
    "backed by ",
    "in cooperation with ",
    "supported by ",
];

/// An event being built, before it is written out.
#[derive(Clone, Debug)]
struct Draft {
    sub: SubEventType,
    prio: u32,
    generic: bool,
    sentence: (usize, usize),
    sentence_index: usize,
    trigger: (usize, usize),
    /// A protest sub-type this draft only modifies (a dispersal, stones thrown) when no
    /// protest is named in its sentence: it escalates the protest before it, or is
    /// dropped (a dispersal alone) or stands as mob violence (stones alone).
    modifier: Option<SubEventType>,
    date: Option<(DateValue, Option<(usize, usize)>)>,
    own_date: bool,
    place: Option<PlaceMention>,
    /// The place is introduced as one ("in Kisumu"), not named in passing.
    place_locative: bool,
    actor1: Option<ActorMention>,
    actor2: Option<ActorMention>,
    assoc1: Option<ActorMention>,
    fatalities: Option<(u32, Option<(usize, usize)>)>,
    injured: Option<(u32, (usize, usize))>,
    arrested: Option<(u32, (usize, usize))>,
    status: Status,
    status_span: Option<(usize, usize)>,
    claimed_by: Option<String>,
    source: Option<ActorMention>,
    background: bool,
    /// Named with a definite or demonstrative article ("the attack", "cette attaque"):
    /// an event the text has already told, when one came before.
    definite: bool,
    /// A generic attack whose sentence tells of property burned, looted or wrecked, and
    /// of no one harmed.
    wrecked: bool,
    /// Coded from a word that only says people were killed or hurt ("1 person was
    /// killed"), with no one named who did it.
    casualties_only: bool,
    /// Typed by a kicker ("Movement of forces: …"), which states the record's kind.
    kicker: bool,
    /// A clash between clans, tribes or communities: the name of the militia its unnamed
    /// sides are (see [`communal_militia`]).
    communal: Option<&'static str>,
}

/// The parts of a sentence an event can take its arguments from: the text from the
/// trigger to the next trigger, and from the previous trigger up to it.
struct Segment {
    before: usize,
    start: usize,
    end: usize,
}

impl Analysis<'_, '_> {
    /// The events the document reports, in the order of their first mention.
    pub fn events(&self) -> Vec<Event> {
        let mut events = self.rule_events();
        // A trained model has the last word on the type of the document's main event.
        if let Some(model) = &self.engine.model {
            if !events.is_empty() {
                let (sub, _margin) = model.predict(&self.model_features(&events));
                events[0].sub_event_type = sub.as_str();
                events[0].event_type = sub.event_type().as_str();
            }
        }
        events
    }

    /// The features a trained model reads: the text, the rules' events (the first is the
    /// main one), what else the rules saw (lexicon keys, the kinds of actor named, the
    /// first sentence's triggers) and the year of publication.
    pub fn model_features(&self, events: &[Event]) -> Vec<u32> {
        let main = events.first();
        let sub = main.and_then(|e| SubEventType::from_name(e.sub_event_type));
        let others: Vec<SubEventType> =
            events.iter().skip(1).filter_map(|e| SubEventType::from_name(e.sub_event_type)).collect();
        let inters: Vec<u8> = main.map(|e| [e.inter1, e.inter2].into_iter().flatten().collect()).unwrap_or_default();
        let country = main.and_then(|e| e.country.as_deref()).or(self.country.as_deref());
        let pack = self.engine.pack(&self.lang);
        let mut signals: Vec<&str> = self.triggers.iter().map(|t| pack.events.entry(t.entry).key.as_str()).collect();
        signals.extend(self.cues.iter().map(|c| pack.cues.entry(c.entry).key.as_str()));
        signals.extend(self.actors.iter().map(|a| a.name.split(" (").next().unwrap_or("")));
        signals.sort_unstable();
        signals.dedup();
        let first = self.sentences.first().map_or(0, |s| s.1);
        let first_triggers: Vec<&str> =
            self.triggers.iter().filter(|t| t.end <= first).map(|t| pack.events.entry(t.entry).key.as_str()).collect();
        let actors: Vec<crate::ActorKind> = self
            .actors
            .iter()
            .map(|a| crate::ActorKind { inter: a.inter, victim: a.victim, weak: a.weak, riot: a.riot })
            .collect();
        let outcome: Vec<&str> = main
            .map(|e| {
                let toll = match (e.fatalities_known, e.fatalities) {
                    (_, n) if n > 0 => Some("dead"),
                    (true, _) => Some("no-dead"),
                    _ => None,
                };
                let hurt = e.injured.is_some_and(|n| n > 0).then_some("hurt");
                let held = e.arrested.is_some_and(|n| n > 0).then_some("held");
                [toll, hurt, held].into_iter().flatten().collect()
            })
            .unwrap_or_default();
        let reading = crate::Reading {
            sub,
            inters: &inters,
            country,
            year: self.doc.published.map(|d| d.year_num()),
            signals: &signals,
            first_triggers: &first_triggers,
            actors: &actors,
            others: &others,
            outcome: &outcome,
            trigger: main
                .and_then(|e| e.evidence.iter().find(|v| v.field == "sub_event_type"))
                .map(|v| (v.start, v.end)),
        };
        crate::model::features(&self.text, &reading)
    }

    /// The events the rules code, before any trained model.
    pub fn rule_events(&self) -> Vec<Event> {
        let mut drafts: Vec<Draft> = Vec::new();
        // The acting side the text is about, for sentences that refer to it by a pronoun.
        let mut subject: Option<ActorMention> = None;
        // A date in a sentence that reports no event ("On 25 December, police took two boys
        // to a station. They shot them.") sets the scene for the next event.
        let mut scene: Option<&sitrep_time::DateMention> = None;
        let cause_topic = self.cause_topic();
        for (si, &sentence) in self.sentences.iter().enumerate() {
            let mut found = self.code_sentence(si, sentence, subject.as_ref(), cause_topic);
            if found.is_empty() {
                self.attach_followups(sentence, si, &mut drafts);
                let here = self.dates.iter().find(|d| d.start >= sentence.0 && d.end <= sentence.1);
                scene = here.filter(|d| d.value.precision <= Precision::Week).or(scene);
            } else if let Some(dm) = scene.take() {
                for d in found.iter_mut().filter(|d| !d.own_date) {
                    d.date = Some((dm.value, Some((dm.start, dm.end))));
                    d.own_date = true;
                }
            }
            let named = self
                .actors
                .iter()
                .find(|a| a.start >= sentence.0 && a.end <= sentence.1 && !a.victim && !a.weak && !self.genitive(a));
            subject = found.first().and_then(|d| d.actor1.clone()).or_else(|| named.cloned()).or(subject);
            drafts.extend(found);
        }
        let mut drafts = merge_document(drafts);
        continue_claims(&mut drafts);
        self.coded_fatalities(&mut drafts);
        // An undated event takes the date of the last dated event before it: at about that
        // week when it is told in the next sentences, at that month further on.
        let mut last_dated: Option<(DateValue, usize)> = None;
        let mut out = Vec::with_capacity(drafts.len());
        for (i, d) in drafts.into_iter().enumerate() {
            let inherited = last_dated.filter(|_| !d.background).map(|(v, at)| {
                let floor = if d.sentence_index <= at + 2 { Precision::Week } else { Precision::Month };
                let p = v.precision.max(floor);
                let start = v.event_date().truncate(p.max(Precision::Day));
                let end = (p == Precision::Week).then_some(start);
                DateValue { start, end, precision: p }
            });
            if d.own_date && !d.background {
                last_dated = d.date.map(|(v, _)| (v, d.sentence_index));
            }
            out.push(self.finish(i, d, inherited));
        }
        out
    }

    /// Whether the document is about a disease, a disaster or an accident ("Marburg kills
    /// more slowly", "the immune system's attack"): its cause words outnumber twice its
    /// weapons and armed sides. There violence words code only where their sentence
    /// shows violence: a weapon, an armed side or another violent word.
    fn cause_topic(&self) -> bool {
        let pack = self.engine.pack(&self.lang);
        let key = |c: &Hit| pack.cues.entry(c.entry).key.as_str();
        let causes = self.cues.iter().filter(|c| key(c) == "nonviolent").count();
        let violence = self.cues.iter().filter(|c| key(c) == "weapon").count()
            + self.actors.iter().filter(|a| !a.victim && matches!(a.inter, Some(2..=4))).count();
        causes >= 3 && causes >= 2 * violence.max(1)
    }

    /// A protest word's hit on the protesters (not weak, "protesters", « manifestants »)
    /// that open sentence `s0..s1`, behind at most a date, a number or a few modifiers.
    fn protesters_opening(&self, s0: usize, s1: usize) -> Option<Hit> {
        let pack = self.engine.pack(&self.lang);
        let a = self.actors.iter().find(|a| a.start >= s0 && a.end <= s1)?;
        if a.inter != Some(6) || a.weak || self.text.slice(s0, a.start).split_whitespace().count() > 4 {
            return None;
        }
        let lead = &self.text.folded()[self.text.folded_offset(s0)..self.text.folded_offset(a.start)];
        if lead.contains([',', ':', ';']) {
            return None;
        }
        let entry = (0..pack.events.len()).find(|&i| {
            let e = pack.events.entry(i);
            e.key == "peaceful_protest" && !e.has("weak") && !e.has("mod")
        })?;
        Some(Hit {
            entry,
            start: a.start,
            end: a.end,
            fstart: self.text.folded_offset(a.start),
            fend: self.text.folded_offset(a.end),
        })
    }

    fn code_sentence(
        &self,
        si: usize,
        (s0, s1): (usize, usize),
        subject: Option<&ActorMention>,
        cause_topic: bool,
    ) -> Vec<Draft> {
        let pack = self.engine.pack(&self.lang);
        // A word the lexicon wants lowercase is a name when capitalized ("on 26 March in").
        let lowercase_ok = |t: &Hit| {
            !pack.events.entry(t.entry).has("lower") || self.text.slice(t.start, t.end).starts_with(char::is_lowercase)
        };
        let mut triggers: Vec<&Hit> =
            self.triggers.iter().filter(|t| t.start >= s0 && t.end <= s1 && lowercase_ok(t)).collect();
        // A kicker that names the kind of event ("Defusal: …", "Movement of forces: …",
        // "Attentat : …") states its type; elsewhere the words are no trigger.
        let kicker_at = |t: &Hit| {
            self.text.slice(s0, t.start).trim().is_empty()
                && self.text.folded_after(t.fend, 3).trim_start().starts_with(':')
        };
        let kicker = triggers.iter().copied().find(|t| pack.events.entry(t.entry).key != "none" && kicker_at(t));
        match kicker {
            Some(k) => triggers = vec![k],
            None => triggers.retain(|t| !pack.events.entry(t.entry).has("kicker")),
        }
        // "Protesters gather at the Presidential Palace", "ODM protesters against the
        // delay": a sentence that opens on protesters and names no event tells their
        // protest; the word is its evidence.
        let crowd_protest = if triggers.is_empty() { self.protesters_opening(s0, s1) } else { None };
        if let Some(h) = crowd_protest.as_ref() {
            triggers.push(h);
        }
        if triggers.is_empty() {
            return Vec::new();
        }
        let actors: Vec<&ActorMention> =
            self.actors.iter().filter(|a| a.start >= s0 && a.end <= s1 && !self.inside_trigger(a)).collect();
        let cues: Vec<&Hit> = self.cues.iter().filter(|c| c.start >= s0 && c.end <= s1).collect();
        let cue_key = |c: &&Hit| pack.cues.entry(c.entry).key.as_str();
        let has_kill = cues.iter().any(|c| cue_key(c) == "kill");
        let has_harm = cues.iter().any(|c| matches!(cue_key(c), "kill" | "injure"));
        // "seriously injured", "violemment dispersés": force beyond an intervention.
        let has_severe = cues.iter().any(|c| cue_key(c) == "severe");
        let has_demand = cues.iter().any(|c| cue_key(c) == "demand" && !pack.cues.entry(c.entry).has("weak"));
        // A demand the sentence's own people make, not one of its backdrop ("amid BNP
        // demanding resignation", "ahead of demonstrations demanding…").
        let demanding_here = cues.iter().any(|c| {
            cue_key(c) == "demand" && !pack.cues.entry(c.entry).has("weak") && {
                let f = self.text.folded();
                let lead = &f[self.text.folded_offset(s0)..self.text.folded_offset(c.start)];
                !lead.contains(" amid ") && !BACKDROP.iter().any(|m| lead.contains(m))
            }
        });
        let has_strong = triggers.iter().any(|t| !pack.events.entry(t.entry).has("weak"));

        // Protest family: the sentence's modifiers decide the sub-type of any protest in it.
        let modifiers: Vec<&Hit> = triggers.iter().copied().filter(|t| pack.events.entry(t.entry).has("mod")).collect();
        let is_protest_family = |s: SubEventType| {
            matches!(
                s,
                SubEventType::PeacefulProtest
                    | SubEventType::ProtestWithIntervention
                    | SubEventType::ExcessiveForceAgainstProtesters
                    | SubEventType::ViolentDemonstration
            )
        };
        // "amid the outbreak of violence after anti-government demonstrations": a protest
        // named as the background of the sentence is not what its people are doing.
        let amid = |t: &&Hit| {
            let f = self.text.folded();
            let lead = &f[self.text.folded_offset(s0)..self.text.folded_offset(t.start)];
            if lead.contains(" amid ") || lead.contains("en marge d") {
                return true;
            }
            // A strike or blockade its people enforce is theirs even ahead of its day.
            let word = &f[self.text.folded_offset(t.start)..t.fend];
            !ENFORCED.iter().any(|w| word.contains(w))
                && BACKDROP.iter().any(|m| {
                    rfind_str(lead, m).is_some_and(|i| {
                        let gap = &lead[i + m.len()..];
                        !gap.contains(',') && gap.split_whitespace().count() <= 6
                    })
                })
        };
        let violent_word = triggers.iter().any(|t| {
            let e = pack.events.entry(t.entry);
            !e.has("mod")
                && SubEventType::from_name(&e.key).is_some_and(|s| {
                    violent(s) || matches!(s, SubEventType::MobViolence | SubEventType::LootingPropertyDestruction)
                })
        });
        // "exploded crude bombs", "hurled a bomb (a petrol bomb)": a bomb thrown by hand is
        // street violence; the explosion words beside it do not make it a remote explosive.
        let thrown = triggers.iter().any(|t| pack.events.entry(t.entry).has("thrown"));
        // "an ambush initiated by an IED detonation followed by small arms fire": an
        // explosive that opens a fight is part of the armed clash, as ACLED codes it.
        let fight = triggers.iter().any(|t| {
            let e = pack.events.entry(t.entry);
            let lead = self.text.folded_before(self.text.folded_offset(t.start), 40);
            let earlier = lead.split_whitespace().rev().take(2).any(|w| PRIOR.contains(&w));
            e.key == "armed_clash" && e.attr("bare").is_none() && !e.has("weak") && !e.has("response") && !earlier
        });
        // A word that names a protest (not one that only says how it went).
        let protest_word = |t: &Hit| {
            let e = pack.events.entry(t.entry);
            !e.has("mod") && SubEventType::from_name(&e.key).is_some_and(is_protest_family)
        };
        let triggers: Vec<&Hit> = triggers
            .into_iter()
            .filter(|t| {
                let e = pack.events.entry(t.entry);
                let protest = protest_word(t);
                let explosion = (thrown || fight)
                    && SubEventType::from_name(&e.key) == Some(SubEventType::RemoteExplosiveLandmineIed);
                !(explosion || protest && violent_word && amid(t))
            })
            .collect();
        let has_protest = triggers.iter().any(|t| {
            let e = pack.events.entry(t.entry);
            (!e.has("mod") || e.has("protest"))
                && SubEventType::from_name(&e.key).is_some_and(is_protest_family)
                && !amid(t)
        }) || actors.iter().any(|a| a.inter == Some(6) && !a.weak);
        // What a protest is about is not an event of its own: "protest against the killing
        // of…", "manifestation pour dénoncer l'enlèvement…"; nor is an event the text calls
        // earlier ("the prior vandalism", "coded separately").
        let first_protest = triggers.iter().find(|t| protest_word(t)).map(|t| t.end);
        // "Students protesting against their principal burnt their dorm": a protest told
        // by a participle after the people names them; the verb after what they protest
        // is what they did.
        let participle_protest = triggers.iter().find(|t| protest_word(t)).is_some_and(|p| {
            let f = self.text.folded();
            f[self.text.folded_offset(p.start)..p.fend].ends_with("ing")
                && (actors.iter().any(|a| a.end <= p.start && p.start - a.end <= 3)
                    || self.text.folded_before(self.text.folded_offset(p.start), 2) == ", ")
        });
        let main_verb = |t: &Hit| {
            let f = self.text.folded();
            let word = &f[self.text.folded_offset(t.start)..t.fend];
            let first = word.split(' ').next().unwrap_or("");
            let lead = self.text.folded_before(self.text.folded_offset(t.start), 24);
            let last = lead.split_whitespace().last().unwrap_or("");
            participle_protest
                && (first.ends_with("ed")
                    || matches!(
                        first,
                        "burnt" | "set" | "beat" | "threw" | "broke" | "stole" | "burn" | "torch" | "storm" | "loot"
                    ))
                && !ARTICLES.contains(&last)
                && !matches!(last, "who" | "which" | "that" | "of" | "by" | "for" | "after" | "over" | "against" | "to")
        };
        // …save a modifier inside what the protest is about, up to the end of that clause
        // ("protest against the vandalism of shops"; but "protested against the levy,
        // burning tyres" burns them).
        let mut mods: Vec<&str> = modifiers
            .iter()
            .filter(|t| {
                let Some(p) = first_protest.filter(|&p| p <= t.start) else { return true };
                let through = &self.text.folded()[self.text.folded_offset(p)..t.fend];
                let Some(a) = first_topic(through) else { return true };
                topic_ended(&through[a + 1..])
            })
            .filter_map(|t| pack.events.entry(t.entry).attr("mod"))
            .collect();
        // "la Cour d'assises juge quatre hooligans pour le lynchage…": what a trial, a
        // charge or a sentence is about is not news of its own.
        let legal_until = cues.iter().filter(|c| cue_key(c) == "legal").map(|c| c.end).min();
        let first_end = triggers.iter().map(|t| t.end).min().unwrap_or(usize::MAX);
        let protest_after = |t: &Hit| triggers.iter().any(|o| o.start >= t.end && protest_word(o));
        let triggers_before = |t: &Hit| first_end <= t.start;
        let protest_in_sentence = triggers.iter().any(|t| protest_word(t));
        // Whether trigger `t`, after folded `lead`, is a participle told of a person: right
        // after "who was" ("a student who was killed"), or after a short noun phrase that
        // "of" opens ("relatives of two brothers killed", "daughter of an MP killed").
        let told_of_a_person = |lead: &str, t: &Hit| {
            let word = &self.text.folded()[self.text.folded_offset(t.start)..t.fend];
            // (What befell people, told in the passive: "killed in India", "beheaded by
            // al Shabaab", not an active verb with its object, "attacked the rally", nor a
            // fight, "members of BNP clashed".)
            let harm = matches!(
                SubEventType::from_name(&pack.events.entry(t.entry).key),
                Some(SubEventType::Attack | SubEventType::AbductionForcedDisappearance | SubEventType::SexualViolence)
            );
            let next = self.text.folded_after(t.fend, 16).split_whitespace().next().unwrap_or("");
            let passive = next.is_empty() || next.starts_with([',', '.', ';', '(']) || PASSIVE_NEXT.contains(&next);
            let participle = harm
                && passive
                && word.split(' ').next().is_some_and(|w| w.ends_with("ed") || matches!(w, "shot" | "slain"));
            let relative = ["who was ", "who were ", "who had been ", "who has been ", "who have been "]
                .iter()
                .any(|w| ends_with_words(lead, w));
            let of_someone = rfind_str(lead, " of ").is_some_and(|i| {
                let rest = &lead[i + 4..];
                let n = rest.split_whitespace().count();
                (1..=5).contains(&n)
                    && !rest.contains([',', ';', '(', ')'])
                    && !rest.split_whitespace().any(|w| CLAUSE_BREAKS.contains(&w) || AUXILIARIES.contains(&w))
            });
            participle && (relative || of_someone)
        };
        // Whether all the sentence tells before folded offset `until` is a toll: words of
        // killing or wounding, no one named doing it (those it names may be a force, in the
        // passive: "a soldier was killed"). A clause of cause after a toll tells the event
        // the toll is of ("five people were killed after clashes between Borana and Gabra
        // clans", "one was killed after a mob attacked them"), not an earlier one ("police
        // killed two bandits after they attacked" tells two).
        let toll_before = |until: usize| {
            let mut before = triggers.iter().filter(|o| o.fend <= until).peekable();
            let passive = before.peek().is_some_and(|o| {
                after_passive_auxiliary(self.text.folded_before(self.text.folded_offset(o.start), 16))
            });
            before.peek().is_some()
                && before.all(|o| {
                    let toll = pack.events.entry(o.entry);
                    toll.key == "attack" && toll.attr("bare").is_some()
                })
                && (passive || !actors.iter().any(|a| !a.victim && self.text.folded_offset(a.end) <= until))
        };
        // Where the last clause of cause in `lead`, the folded text just before `t`, starts,
        // if what it tells may be the event of a toll before it: not the same victims'
        // earlier lot ("killed after being abducted"), nor after a toll that names its
        // killers ("were killed by police soon after the IED injured two officers").
        let cause_at = |t: &Hit, lead: &str| {
            let at = self.text.folded_offset(t.start);
            let (i, n) = last_cause(lead)?;
            let own_lot = ["being ", "having "].iter().any(|w| lead[i + n..].starts_with(w));
            let until = at - lead.len() + i;
            let first = triggers.iter().map(|o| self.text.folded_offset(o.start)).min().unwrap_or(until).min(until);
            let f = self.text.folded();
            let agent = f[first..until].contains(" by ") || f[first..until].contains(" par ");
            (!own_lot && !agent).then_some(until)
        };
        // "2 killed by raiders (coded separately) - police intervened killing 3": the
        // event a note says is coded on its own is another record's. The mark covers the
        // last trigger before it, unless that trigger stands outside an aside the mark
        // closes ("2 police killed (and 3 civilians - coded separately)").
        let sentence_folded = &self.text.folded()[self.text.folded_offset(s0)..self.text.folded_offset(s1)];
        let separately: Vec<usize> = separately_finders()
            .iter()
            .flat_map(|m| m.find_iter(sentence_folded.as_bytes()).map(|i| self.text.folded_offset(s0) + i))
            .collect();
        let coded_apart = |t: &Hit| {
            separately.iter().any(|&m| {
                m >= t.fend && !triggers.iter().any(|o| o.start > t.start && o.fend <= m) && {
                    let between = &self.text.folded()[t.fend..m];
                    between.find('(').is_none_or(|i| between[i + 1..].trim().is_empty())
                }
            })
        };
        let triggers: Vec<&Hit> = triggers
            .iter()
            .copied()
            .filter(|t| {
                if legal_until.is_some_and(|end| end <= t.start) || coded_apart(t) {
                    return false;
                }
                let lead = self.text.folded_before(self.text.folded_offset(t.start), 40);
                if lead.split_whitespace().rev().take(2).any(|w| PRIOR.contains(&w)) {
                    return false;
                }
                // "… staged a protest. The body of the woman had been found hanging.": a
                // later sentence in the pluperfect tells what came before the news.
                if si > 0 && PLUPERFECT.iter().any(|a| ends_with_words(lead, a)) {
                    return false;
                }
                // "victims of Molo ethnic clashes held a demonstration": the people who
                // protest told by what they suffered.
                if rfind_str(lead, " victims of ").is_some_and(|i| lead[i + 12..].split_whitespace().count() <= 3)
                    && protest_after(t)
                {
                    return false;
                }
                // "relatives of a student who was killed by unidentified men staged a
                // protest", "marched to the grave of Norbert Zongo who was killed in 1998":
                // in a protest's sentence, what befell the person the protest is for tells
                // who they are, not an event of its own.
                if protest_in_sentence && told_of_a_person(lead, t) {
                    return false;
                }
                // "a man suspected of kidnapping a child": an accusation, not an event.
                if ACCUSATION.iter().any(|a| lead.ends_with(a)) {
                    return false;
                }
                // "Police kill two bandits after they attack villages": a clause that
                // gives the cause of the event before it in the sentence tells an earlier
                // event, not this one.
                // (A bare word of fighting there says too little to be the toll's event:
                // "a man is killed following fighting over a land dispute".)
                let bare = pack.events.entry(t.entry).attr("bare").is_some();
                if triggers_before(t)
                    && ends_near(lead, CAUSE_CLAUSES, 3)
                    && (bare || !cause_at(t, lead).is_some_and(toll_before))
                {
                    return false;
                }
                // … and a noun phrase of cause, however long, up to its clause's end: "ont
                // saccagé un centre, après la découverte du corps d'une adolescente portant
                // des traces de viol". (Not after a toll alone, which it explains: "two
                // people were injured after the vehicle ran over a landmine".)
                if triggers_before(t) && {
                    let at = self.text.folded_offset(t.start);
                    let wide = self.text.folded_before(at, 120);
                    last_cause(wide).is_some_and(|(i, n)| {
                        let rest = &wide[i + n..];
                        let mut words = rest.split_whitespace();
                        words.next().is_some_and(|w| ARTICLES.contains(&w))
                            && rest.split_whitespace().count() <= 14
                            && !rest.contains([',', ';', ':', '.', '('])
                            && !rest.split_whitespace().any(|w| CLAUSE_BREAKS.contains(&w) || AUXILIARIES.contains(&w))
                            && !toll_before(at - wide.len() + i)
                    })
                } {
                    return false;
                }
                // "a protest by relatives of the man beaten to death by police two weeks
                // before": an event dated before another the sentence tells is its past.
                if triggers.len() > 1 && {
                    let next = self.text.folded_after(t.fend, 60);
                    let mut words = next.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).take(10);
                    let mut unit = false;
                    words.any(|w| {
                        let dated = unit && matches!(w, "before" | "earlier" | "ago" | "auparavant");
                        unit = TIME_UNITS.contains(&w);
                        dated
                    })
                } {
                    return false;
                }
                // "protest against police violence by setting fire to stalls": the means
                // ("by …ing", "en …ant") ends what the protest is about.
                let topic = first_protest.is_some_and(|p| {
                    p <= t.start && {
                        let between = &self.text.folded()[self.text.folded_offset(p)..self.text.folded_offset(t.start)];
                        let about = first_topic(between);
                        // A semicolon or a new sentence's subject ends it ("protest over the
                        // levy; police arrest several").
                        about.is_some_and(|a| {
                            let rest = &between[a..];
                            !(main_verb(t)
                                || rest.contains(" by ")
                                || rest.contains(';')
                                || rest.split(' ').any(|w| w.len() > 4 && w.ends_with("ant")) && rest.contains(" en "))
                        })
                    }
                });
                // "residents protest an attack on the school": the protest's object.
                let protest_word = {
                    let e = pack.events.entry(t.entry);
                    SubEventType::from_name(&e.key).is_some_and(is_protest_family)
                };
                let object = !protest_word
                    && first_protest.is_some_and(|p| {
                        p <= t.start && {
                            let between =
                                &self.text.folded()[self.text.folded_offset(p)..self.text.folded_offset(t.start)];
                            // (Not a second verb: "protested and clashed with gendarmes".)
                            // A noun phrase may be longer: "protest a recent al Shabaab
                            // attack".
                            let words = between.split_whitespace().count();
                            let phrase = between.split_whitespace().next().is_some_and(|w| ARTICLES.contains(&w))
                                && !between
                                    .split_whitespace()
                                    .any(|w| AUXILIARIES.contains(&w) || PHRASE_BREAKS.contains(&w));
                            (words <= 2 || phrase && words <= 6)
                                && !between.contains(',')
                                && !between.split_whitespace().any(|w| CLAUSE_BREAKS.contains(&w))
                        }
                    });
                !topic && !object
            })
            .collect();
        if triggers.is_empty() {
            return Vec::new();
        }
        // Words that only say people died or fought code when the sentence shows violence:
        // a weapon, a side that fights, or another trigger; not beside a disease or an
        // accident with no weapon. Arrests code when a political or armed side is in view.
        let has_weapon = cues.iter().any(|c| cue_key(c) == "weapon");
        let has_cause = cues.iter().any(|c| cue_key(c) == "nonviolent");
        let violent_trigger = |t: &&Hit| {
            let e = pack.events.entry(t.entry);
            e.attr("bare").is_none() && !e.has("weak") && e.key != "none"
        };
        // Another violent word, or a side that fights: an armed group, rioters, or state
        // forces just before the word.
        // A force named as the agent ("injured by soldiers") is in view too.
        let agent = |a: &ActorMention, t: &Hit| {
            a.start >= t.end && a.start - t.end <= 30 && {
                let lead = self.text.folded_before(self.text.folded_offset(a.start), 8);
                lead.ends_with("by ") || lead.ends_with("par ")
            }
        };
        let side_in_view = |t: &Hit| {
            actors.iter().any(|a| {
                !a.victim
                    && (matches!(a.inter, Some(2..=5))
                        || a.riot
                        || matches!(a.inter, Some(1) | Some(8))
                            && (a.end <= t.start && t.start - a.end <= 60 || agent(a, t)))
            })
        };
        let fighting_in_view =
            |t: &Hit| triggers.iter().any(|o| o.start != t.start && violent_trigger(o)) || side_in_view(t);
        // A fight that leaves people hurt or dead ("three people were wounded amid fights
        // between communal groups") shows its violence too.
        let violence_shown = |t: &Hit| {
            if has_cause && !has_weapon {
                return false;
            }
            has_weapon || fighting_in_view(t) || has_harm && pack.events.entry(t.entry).key == "armed_clash"
        };
        // There, a violence word is not its own weapon ("attacks" is both), and a cause
        // word beside it ("patients") does not hide an armed side.
        // Nor do two words that only say "attack" vouch for each other ("the parasite's
        // attacks are repelled by…"): another trigger counts when it tells how.
        let topic_shown = |t: &Hit| {
            cues.iter().any(|c| cue_key(c) == "weapon" && (c.end <= t.start || c.start >= t.end))
                || triggers.iter().any(|o| {
                    let e = pack.events.entry(o.entry);
                    o.start != t.start
                        && violent_trigger(o)
                        && !e.has("generic")
                        && !e.has("response")
                        && e.attr("bare").is_none()
                })
                || side_in_view(t)
        };
        let political = cues.iter().any(|c| cue_key(c) == "political")
            || actors.iter().any(|a| matches!(a.inter, Some(2..=6)) || a.riot)
            || triggers.iter().any(|t| {
                let e = pack.events.entry(t.entry);
                e.attr("bare").is_none() && !e.has("weak") && e.key != "arrests" && e.key != "none"
            });
        // A post closed or a force withdrawn is a change to a group's activity when the
        // sentence says why: insecurity, a threat, an armed group, or violence.
        let insecure = cues.iter().any(|c| cue_key(c) == "security")
            || actors.iter().any(|a| !a.victim && matches!(a.inter, Some(2..=4)))
            || triggers.iter().any(|o| {
                violent_trigger(o) && SubEventType::from_name(&pack.events.entry(o.entry).key).is_some_and(violent)
            });
        // Arrests at a protest are the authorities' intervention in it.
        let arrests_at_protest = has_protest
            && triggers
                .iter()
                .any(|t| SubEventType::from_name(&pack.events.entry(t.entry).key) == Some(SubEventType::Arrests));
        // Protesters who clash or attack are rioting: that decides the protest's sub-type.
        // A word that only says someone was hurt or killed ("une femme a été blessée")
        // does not say who fought: the police may have hurt her.
        // Others who assault the protesters ("BCL men assaulted demonstrators", "students
        // were attacked by police during their march") break the protest up: an
        // intervention, not the crowd's own violence.
        let protest_words: Vec<&Hit> = triggers
            .iter()
            .copied()
            .filter(|t| SubEventType::from_name(&pack.events.entry(t.entry).key).is_some_and(is_protest_family))
            .collect();
        let on_protesters = |t: &Hit| {
            let crowd = |a: &&&ActorMention| a.inter == Some(6) && !a.weak;
            let lead = self.text.folded_before(self.text.folded_offset(t.start), 16);
            // (The auxiliary may be the trigger's own: "were shot".)
            let passive = after_passive_auxiliary(lead) || pack.events.entry(t.entry).has("passive");
            let subject = actors.iter().rev().find(|a| a.end <= t.start);
            let object = actors.iter().find(|a| a.start >= t.end && a.start - t.end <= 50);
            // "assaulted the demonstrating members of BNP", "attacked the protest rally of":
            // the protest itself is what is assaulted.
            // "… assaulted BNP members during BNP's demonstration", "… when they were
            // protesting": the protest the assaulted were holding.
            let protest_hit = || {
                protest_words.iter().any(|p| {
                    p.start >= t.end && {
                        let between = &self.text.folded()[t.fend..p.fstart];
                        !between.contains(',') && between.split_whitespace().count() <= 2
                            || HOLDING.iter().any(|h| {
                                rfind_str(between, h)
                                    .is_some_and(|i| between[i + h.len()..].split_whitespace().count() <= 3)
                            })
                    }
                })
            };
            if passive {
                subject.is_some_and(|a| crowd(&a)) && object.is_some_and(|a| !matches!(a.inter, Some(5..=7)))
            } else {
                (object.is_some_and(|a| crowd(&a)) || protest_hit())
                    && subject.is_some_and(|a| !matches!(a.inter, Some(5..=7)))
            }
        };
        let mut assaulted = false;
        let fighting = triggers.iter().any(|t| {
            let e = pack.events.entry(t.entry);
            let hurt_only = e.attr("bare").is_some() && e.key == "attack";
            let clash = SubEventType::from_name(&e.key) == Some(SubEventType::ArmedClash);
            // A clash or a battle is fought by both sides.
            if (e.has("generic") || e.key == "attack") && !clash && has_protest && on_protesters(t) {
                assaulted = true;
                return false;
            }
            !e.has("weak") && !hurt_only && (e.has("generic") || clash)
        });
        // An intervention a word tells ("dispersed"), rather than an assault on the crowd.
        let intervention_word = mods.contains(&"intervention");
        if assaulted {
            mods.push("intervention");
        }
        // So do protesters who burn or wreck property, and rioters who demonstrate.
        let wrecking = triggers.iter().any(|t| {
            SubEventType::from_name(&pack.events.entry(t.entry).key) == Some(SubEventType::LootingPropertyDestruction)
        });
        // Rioters named in what the protest is about ("against the vandalism by rioters")
        // are not the protesters.
        // (Only a topic that starts inside the sentence can come before one of its actors:
        // the search stops where no marker that starts in it can reach.)
        let topic_from = first_protest.and_then(|p| {
            let f = self.text.folded();
            let fp = self.text.folded_offset(p);
            let reach = (self.text.folded_offset(s1) + TOPIC_LONGEST).min(f.len());
            let reach = (reach..=f.len()).find(|&e| f.is_char_boundary(e)).unwrap_or(f.len());
            first_topic(&f[fp..reach.max(fp)]).map(|i| fp + i)
        });
        let rioters = actors
            .iter()
            .any(|a| a.inter == Some(5) && !a.weak && topic_from.is_none_or(|t| self.text.folded_offset(a.start) < t));
        if has_protest && (fighting && !has_kill || wrecking || rioters) {
            mods.push("violent");
        }
        let protest_sub = if mods.contains(&"violent") {
            SubEventType::ViolentDemonstration
        } else if mods.contains(&"lethal") || (has_kill || has_severe) && mods.contains(&"intervention") {
            SubEventType::ExcessiveForceAgainstProtesters
        } else if mods.contains(&"intervention") || arrests_at_protest {
            SubEventType::ProtestWithIntervention
        } else {
            SubEventType::PeacefulProtest
        };

        // A headline's participle is passive without its auxiliary: "Teenage boy killed by
        // raiders", "Four police killed in an ambush".
        let bare_participle = |t: &Hit| {
            self.lang == "en"
                && cues.iter().any(|c| matches!(cue_key(c), "kill" | "injure") && c.start < t.end && t.start < c.end)
                && {
                    let after = self.text.folded_after(t.fend, 12);
                    let next = after.trim_start();
                    next.is_empty()
                        || next.starts_with([',', '.', ';'])
                        || PARTICIPLE_NEXT.iter().any(|w| next.starts_with(w))
                            && !["at least", "at most", "in all", "in total"].iter().any(|w| next.starts_with(w))
                }
        };
        // "Gendarmerie post in Inata, attacked overnight, 1 gendarme wounded": a participle
        // set off by a comma after what it tells of, with no object, is passive.
        let appositive = |t: &Hit| {
            self.lang == "en"
                && self.text.folded_before(self.text.folded_offset(t.start), 2) == ", "
                && self.text.slice(t.start, t.end).ends_with("ed")
                && {
                    let next = self.text.folded_after(t.fend, 12);
                    let next = next.trim_start();
                    next.is_empty()
                        || next.starts_with([',', '.', ';'])
                        || ["overnight", "yesterday", "today", "last ", "on ", "in ", "at ", "near ", "by "]
                            .iter()
                            .any(|w| next.starts_with(w))
                }
        };
        // The triggers that are passive themselves, in order.
        let passive_at: Vec<usize> = triggers
            .iter()
            .filter(|t| {
                let lead = self.text.folded_before(self.text.folded_offset(t.start), 16);
                after_passive_auxiliary(lead)
                    || bare_participle(t)
                    || appositive(t)
                    || pack.events.entry(t.entry).has("passive")
            })
            .map(|t| t.start)
            .collect();
        let mut out: Vec<Draft> = Vec::new();
        for (k, t) in triggers.iter().enumerate() {
            let entry = pack.events.entry(t.entry);
            let Some(mut sub) = SubEventType::from_name(&entry.key) else { continue };
            // "Police dispersed the crowd; a woman was hurt": the harm is the
            // intervention's, told by its modifier, not an attack of its own.
            // Unless those killed are an armed group's ("police intervened, killing 3 raiders").
            if entry.attr("bare").is_some()
                && sub == SubEventType::Attack
                && intervention_word
                && !actors.iter().any(|a| matches!(a.inter, Some(2..=4)) && !a.riot)
            {
                continue;
            }
            // "used teargas and shot in the air to disperse the crowd": shots with no one
            // hurt are the intervention's.
            if entry.has("weak") && sub == SubEventType::Attack && mods.contains(&"intervention") && !has_harm {
                continue;
            }
            // A kicker's word stands without the company a bare or weak word needs.
            let stated = kicker.is_some_and(|k| k.start == t.start);
            match entry.attr("bare").filter(|_| !stated) {
                Some("violence") if !violence_shown(t) => continue,
                Some("political") if !political => continue,
                Some("cause") if has_cause && !has_weapon => continue,
                Some("security") if !insecure => continue,
                _ => {}
            }
            if !stated
                && cause_topic
                && (!is_protest_family(sub) || entry.has("mod") && !has_protest)
                && !topic_shown(t)
            {
                continue;
            }
            let protesters = actors.iter().any(|a| a.inter == Some(6) && !a.weak);
            // "workers demonstrate in Machakos against poor conditions": a weak demand cue
            // right after the protest word counts too.
            let against = cues.iter().any(|c| cue_key(c) == "demand" && c.start >= t.end && c.start - t.end <= 60);
            let demanding = is_protest_family(sub) && (has_demand || protesters || against);
            // A weak trigger ("explosion", "missiles", "vandalized") codes beside a strong
            // one, or where violence is in view: people hurt, a weapon used or an armed
            // group acting; a protest word, beside a demand.
            let armed_group = actors.iter().any(|a| !a.victim && matches!(a.inter, Some(2..=4)));
            // "supporters of the winning candidate vandalized residences": a party's
            // supporters or rioters who act are violence in view for a riot's weak word.
            // So do people who are usually acted upon, standing as its subject ("villagers
            // vandalized the office", "relatives of the patient vandalized the hospital").
            // (Not a road blocked: that is how people protest, told by `road_blocked`.)
            let blocking = {
                let word = &self.text.folded()[self.text.folded_offset(t.start)..t.fend];
                word.starts_with("block") || word.starts_with("bloqu")
            };
            let crowd_acts = !blocking
                && actors.iter().rev().find(|a| a.end <= t.start).is_some_and(|a| {
                    self.crowd_of_people(a)
                    && t.start - a.end <= 40
                    // (Not acted upon: "motorbikes of teachers were also seized".)
                    && !self.text.folded()[self.text.folded_offset(a.end)..self.text.folded_offset(t.start)]
                        .split(|c: char| !c.is_alphanumeric())
                        .any(|w| PASSIVE_CUES.iter().any(|c| c.strip_suffix(' ') == Some(w)))
                });
            let rioters_act =
                crowd_acts || actors.iter().any(|a| !a.victim && (a.riot || a.inter == Some(5)) && a.end <= t.start);
            let riot_word = matches!(sub, SubEventType::ViolentDemonstration | SubEventType::MobViolence)
                || sub == SubEventType::LootingPropertyDestruction;
            let violent_here = (has_harm || has_weapon || armed_group) && violence_shown(t) || rioters_act && riot_word;
            // A protest word is no strong neighbour for a weak word of fighting ("engaged
            // in a peaceful march").
            let strong_here = if is_protest_family(sub) || entry.has("mod") {
                has_strong
            } else {
                triggers.iter().any(|o| {
                    let e = pack.events.entry(o.entry);
                    !e.has("weak") && !SubEventType::from_name(&e.key).is_some_and(is_protest_family)
                })
            };
            // "residents blocked the Narok-Mau-Nakuru road": people who block a road
            // protest by it, named road or not.
            let road_blocked = is_protest_family(sub) && {
                let word = &self.text.folded()[self.text.folded_offset(t.start)..t.fend];
                let next = self.text.folded_after(t.fend, 48);
                let crowd = actors.iter().rev().find(|a| a.end <= t.start).is_some_and(|a| {
                    (a.victim && a.inter == Some(7) || matches!(a.inter, Some(5) | Some(6))) && !a.communal
                });
                (word.starts_with("block") || word.starts_with("bloqu"))
                    && crowd
                    && next.split(|c: char| !c.is_alphanumeric()).take(8).any(|w| BLOCKED_WAYS.contains(&w))
            };
            if entry.has("weak") && !strong_here && !violent_here && !demanding && !stated && !road_blocked {
                continue;
            }
            if self.negated(t, &cues) {
                continue;
            }
            // `found`: "the bodies of two men were found" tells a killing; "a rights body of
            // workers" does not.
            if entry.has("found") && {
                let before = self.text.folded_before(self.text.folded_offset(t.start), 30);
                let after = self.text.folded_after(self.text.folded_offset(t.end), 60);
                !FOUND.iter().any(|w| before.contains(w) || after.contains(w))
            } {
                continue;
            }
            // "attacks are typically repelled", « de temps à autre, quelques explosions »:
            // what happens as a rule, not an event.
            if cues.iter().any(|c| {
                cue_key(c) == "habitual"
                    && (c.end <= t.start && t.start - c.end <= 40 || c.start >= t.end && c.start - t.end <= 20)
            }) {
                continue;
            }
            // "the bases used for an attack", « participation à une attaque »: an event
            // named as a purpose, not one that happened.
            if cues.iter().any(|c| cue_key(c) == "purpose" && c.end <= t.start && t.start - c.end <= 1) {
                continue;
            }
            // "could kill", "pourrait frapper": a possibility, not an event.
            // A capitalized "May" is the month, not the modal verb.
            let lowercase = |c: &&Hit| self.text.slice(c.start, c.end).starts_with(char::is_lowercase);
            if cues.iter().any(|c| cue_key(c) == "modal" && lowercase(c) && c.end <= t.start && t.start - c.end <= 12) {
                continue;
            }
            let mut modifier = None;
            if is_protest_family(sub) {
                if entry.has("mod") && !has_protest && !demanding_here {
                    // Tear gas or a dispersal with no protest in its sentence only tells how
                    // a protest of the sentences before went; stones thrown or property
                    // wrecked by a crowd with no protest in sight is mob violence.
                    modifier = Some(sub);
                    if sub == SubEventType::ViolentDemonstration {
                        sub = SubEventType::MobViolence;
                    }
                } else {
                    sub = protest_sub;
                }
            } else if has_protest && sub == SubEventType::Attack && on_protesters(t) {
                // "protesters were killed by soldiers": force against the protest.
                sub = protest_sub;
            } else if has_protest && (sub == SubEventType::ArmedClash || entry.has("generic")) {
                // Protesters who clash or attack are rioting; others who assault them
                // break the protest up.
                let clash = sub == SubEventType::ArmedClash;
                sub = if !clash && on_protesters(t) { protest_sub } else { SubEventType::ViolentDemonstration };
            } else if has_protest && sub == SubEventType::Arrests {
                sub = protest_sub;
            }
            // An explosive device found, defused or destroyed was not used: a disrupted
            // weapons use ("une équipe de déminage a détruit un engin explosif").
            // "a déjoué un attentat", "foiled an attack": the attack did not happen.
            let foiled = triggers.iter().any(|o| {
                o.end <= t.start
                    && t.start - o.end <= 40
                    && SubEventType::from_name(&pack.events.entry(o.entry).key)
                        == Some(SubEventType::DisruptedWeaponsUse)
            });
            if foiled && violent(sub) {
                sub = SubEventType::DisruptedWeaponsUse;
            }
            // A grenade found or seized was not thrown either.
            if entry.has("device") || sub == SubEventType::Grenade {
                if cues.iter().any(|c| cue_key(c) == "defuse" && c.end <= t.start && t.start - c.end <= 30) {
                    sub = SubEventType::DisruptedWeaponsUse;
                }
                // "en possession d'engins explosifs": held, not used.
                let lead = self.text.folded_before(self.text.folded_offset(t.start), 20);
                if lead.contains("possession") {
                    continue;
                }
            }
            // Seizing a town is taking territory; seizing a truck is taking property. Taken
            // without a fight (no other act of violence, no one hurt), it is a non-violent
            // transfer of territory.
            if sub == SubEventType::NonStateActorOvertakesTerritory {
                let after = self.text.folded_after(self.text.folded_offset(t.end), 40);
                let before = self.text.folded_before(self.text.folded_offset(t.start), 60);
                // The place taken follows the verb, or comes before it when a pronoun
                // stands for it ("ont attaqué le camp … : ils l'ont submergé").
                let territory =
                    self.places.iter().any(|p| p.start >= t.end && p.start - t.end <= 25 && p.rule != "demonym")
                        || ascii_words(after).take(6).any(|w| TERRITORY.contains(&w))
                        || ascii_words(before).rev().take(8).any(|w| TERRITORY.contains(&w));
                let fought = has_harm
                    || has_weapon
                    || triggers.iter().any(|o| {
                        !std::ptr::eq(*o, *t)
                            && !pack.events.entry(o.entry).has("weak")
                            && SubEventType::from_name(&pack.events.entry(o.entry).key).is_some_and(violent)
                    });
                if !territory {
                    sub = SubEventType::LootingPropertyDestruction;
                } else if !fought && entry.attr("bare").is_none() {
                    sub = SubEventType::NonViolentTransferOfTerritory;
                }
            }
            let prio: u32 = entry.attr("prio").and_then(|p| p.parse().ok()).unwrap_or(10);
            let seg = Segment {
                before: if k == 0 { s0 } else { triggers[k - 1].end },
                start: t.start,
                end: triggers.get(k + 1).map_or(s1, |n| n.start),
            };
            let place = self.place_for(t, &seg, (s0, s1));
            let (mut actor1, mut actor2, assoc1) = self.roles(t, &actors, (s0, s1), subject, &passive_at);
            // "rustlers stormed a village": a crowd's word done by an armed group is its
            // attack, or a fight when it is armed men or a force that it hits.
            let armed = |a: &Option<ActorMention>| {
                a.as_ref().is_some_and(|a| !a.riot && matches!(a.inter, Some(1..=4) | Some(8)))
            };
            let crowd_in_view = actors.iter().any(|a| a.inter == Some(6))
                || triggers.iter().any(|o| {
                    let e = pack.events.entry(o.entry);
                    !e.has("weak") && SubEventType::from_name(&e.key).is_some_and(is_protest_family)
                });
            if is_protest_family(sub) && entry.has("weak") && armed(&actor1) && !crowd_in_view && !demanding {
                sub = if armed(&actor2) { SubEventType::ArmedClash } else { SubEventType::Attack };
            }
            // The state's forces that take a place take it back.
            if sub == SubEventType::NonStateActorOvertakesTerritory
                && actor1.as_ref().is_some_and(|a| a.inter == Some(1))
            {
                sub = SubEventType::GovernmentRegainsTerritory;
            }
            // `by=nonstate`: what police or soldiers seize is law enforcement, not looting.
            if entry.attr("by") == Some("nonstate") && actor1.as_ref().is_some_and(|a| a.inter == Some(1)) {
                continue;
            }
            // Who repels an attack was attacked.
            if entry.has("response") {
                actor2 = actor1.take().or(actor2);
            }
            let mut d = Draft {
                sub,
                prio,
                generic: entry.has("generic"),
                sentence: (s0, s1),
                sentence_index: si,
                trigger: (t.start, t.end),
                modifier,
                date: None,
                own_date: false,
                // (People "from Wajir" come from there; the protest is where they gather.)
                place_locative: place.as_ref().is_some_and(|p| {
                    self.locative(p)
                        && !matches!(
                            self.text.folded_before(self.text.folded_offset(p.start), 6).split_whitespace().last(),
                            Some("from")
                        )
                }),
                place,
                actor1,
                actor2,
                assoc1,
                fatalities: None,
                injured: None,
                arrested: None,
                status: Status::Reported,
                status_span: None,
                claimed_by: None,
                source: None,
                background: false,
                wrecked: false,
                casualties_only: false,
                kicker: stated,
                communal: None,
                definite: {
                    let lead = self.text.folded_before(self.text.folded_offset(t.start), 8);
                    DEFINITE.iter().any(|a| lead.ends_with(a))
                },
            };
            if let Some(dm) = self.date_for(t, (s0, s1)) {
                d.date = Some((dm.value, Some((dm.start, dm.end))));
                d.own_date = true;
            }
            self.quantities(&mut d, &cues, (s0, s1));
            self.status(&mut d, &cues);
            d.background = cues.iter().any(|c| cue_key(c) == "background" && c.start < t.start);
            d.casualties_only = entry.attr("bare").is_some()
                && entry.key == "attack"
                && d.actor1.as_ref().is_none_or(|a| a.victim)
                // "Eight people were killed and 300 cattle stolen": a toll beside what was
                // taken is still the toll.
                && triggers.iter().all(|o| {
                    let e = pack.events.entry(o.entry);
                    o.start == t.start
                        || e.attr("bare").is_some()
                        || SubEventType::from_name(&e.key) == Some(SubEventType::LootingPropertyDestruction)
                });
            // One event per place in a sentence: where triggers share a place (or name
            // none), the one ACLED ranks first decides the type and the others add their
            // arguments. A trigger in a relative clause ("…, which killed 11") continues
            // the event before it wherever it is.
            let relative = k > 0 && self.relative_clause(t);
            // A generic word and a specific one for violence in one sentence are one event,
            // even where each names its own place ("attaque près de Kirkouk : un engin
            // explosif… sur la route de Daqouq").
            let one_attack = |p: &Draft| (p.generic || d.generic) && violent(p.sub) && violent(d.sub);
            if let Some(prev) =
                out.iter_mut().rev().find(|p| relative || one_attack(p) || compatible_place(&p.place, &d.place))
            {
                // A word that only modifies a protest never displaces an event's own trigger.
                let displaces = if prev.modifier.is_some() != d.modifier.is_some() {
                    prev.modifier.is_some()
                } else {
                    precedence(&d) > precedence(prev)
                };
                if displaces {
                    // "militiamen shot three police officers in an ambush": a noun in a
                    // prepositional phrase names the event's kind, not new sides; the
                    // verb's subject and object keep their roles.
                    let in_phrase = {
                        let lead = self.text.folded_before(self.text.folded_offset(t.start), 16);
                        IN_PHRASE.iter().any(|c| lead.ends_with(c))
                    };
                    let old = std::mem::replace(prev, d);
                    if in_phrase && old.actor1.is_some() && old.modifier.is_none() {
                        prev.actor1 = old.actor1.clone();
                        prev.actor2 = old.actor2.clone();
                    }
                    fill(prev, old);
                } else {
                    fill(prev, d);
                }
                continue;
            }
            out.push(d);
        }
        for d in &mut out {
            if d.generic {
                d.sub = generic_sub(d);
                d.wrecked = wrecking && !has_harm;
            }
            // ACLED codes an abduction whose victim is killed as an attack.
            if d.sub == SubEventType::AbductionForcedDisappearance && has_kill {
                d.sub = SubEventType::Attack;
            }
            // Rioters who make a demand ("lit bonfires as they demanded the removal of…")
            // are demonstrating.
            self.mob(d, has_protest || demanding_here);
            self.unarmed_beating(d);
            if cues.iter().any(|c| cue_key(c) == "culprit") {
                self.mob_justice(d);
            }
            // "attacked the police station while it was unmanned": with no one there to
            // fight or to hurt, the attack destroyed property.
            if matches!(d.sub, SubEventType::ArmedClash | SubEventType::Attack)
                && d.fatalities.is_none_or(|f| f.0 == 0)
                && d.injured.is_none()
                && cues.iter().any(|c| cue_key(c) == "unmanned")
            {
                d.sub = SubEventType::LootingPropertyDestruction;
            }
            // "police and demonstrators clashed", "police shot into the air to disperse
            // rioting youths": a force the riot or the dispersal meets is the other side.
            if d.actor2.is_none()
                && matches!(
                    d.sub,
                    SubEventType::ViolentDemonstration
                        | SubEventType::MobViolence
                        | SubEventType::ProtestWithIntervention
                        | SubEventType::ExcessiveForceAgainstProtesters
                )
            {
                let acting = d.actor1.as_ref().map(|a| a.name.as_str());
                d.actor2 = actors
                    .iter()
                    .find(|a| a.inter == Some(1) && Some(a.name.as_str()) != acting)
                    .map(|a| (**a).clone());
            }
        }
        out
    }

    /// Whether `a` names a group of people who are usually acted upon ("villagers",
    /// "residents", "people"): standing as the subject of violence, they are a crowd,
    /// which ACLED names rioters.
    fn crowd_of_people(&self, a: &ActorMention) -> bool {
        let w = &self.text.folded()[self.text.folded_offset(a.start)..self.text.folded_offset(a.end)];
        a.victim && !a.weak && a.inter == Some(7) && (w.ends_with(['s', 'x']) || COLLECTIVES.contains(&w))
    }

    /// People killed or hurt as suspected thieves or witches ("three suspected thieves
    /// were burnt to death"), by no one named, with no gun in view: the crowd's justice,
    /// which ACLED codes as mob violence.
    fn mob_justice(&self, d: &mut Draft) {
        if d.sub != SubEventType::Attack || d.actor1.is_some() {
            return;
        }
        let (s0, s1) = d.sentence;
        let f = self.text.folded();
        let sentence = &f[self.text.folded_offset(s0)..self.text.folded_offset(s1)];
        if !FIREARMS.iter().any(|w| sentence.contains(w)) {
            d.sub = SubEventType::MobViolence;
        }
    }

    /// A beating by people no one names, with no gun or blade in view ("assailants
    /// assaulted and injured a journalist", "beaten by three men"): a crowd's violence,
    /// which ACLED codes as mob violence, not an armed group's attack.
    fn unarmed_beating(&self, d: &mut Draft) {
        if d.sub != SubEventType::Attack
            || d.actor1.as_ref().is_some_and(|a| a.inter != Some(3) || a.rule_has_no_template)
        {
            return;
        }
        let f = self.text.folded();
        let trigger = &f[self.text.folded_offset(d.trigger.0)..self.text.folded_offset(d.trigger.1)];
        if !BEATING.iter().any(|w| trigger.starts_with(w)) {
            return;
        }
        let (s0, s1) = d.sentence;
        let sentence = &f[self.text.folded_offset(s0)..self.text.folded_offset(s1)];
        if ARMS.iter().any(|w| sentence.contains(w)) {
            return;
        }
        // With no one named as its author, a force or an armed group in the sentence may
        // be it ("Burkinabe forces assaulted villagers").
        let armed_side = self
            .actors
            .iter()
            .any(|a| a.start >= s0 && a.end <= s1 && !a.victim && matches!(a.inter, Some(1..=4) | Some(8)));
        if d.actor1.is_none() && armed_side {
            return;
        }
        d.sub = SubEventType::MobViolence;
        if let Some(a) = d.actor1.as_mut() {
            a.name = rioters_name(&a.name);
            a.inter = Some(5);
        }
    }

    /// Whether the only protest words of sentence `s0..s1` name a party's gathering (a
    /// rally, a procession), and no protesters nor any force are in view.
    fn fight_at_a_rally(&self, (s0, s1): (usize, usize)) -> bool {
        let pack = self.engine.pack(&self.lang);
        let f = self.text.folded();
        let mut words = self
            .triggers
            .iter()
            .filter(|t| t.start >= s0 && t.end <= s1)
            .filter(|t| {
                let e = pack.events.entry(t.entry);
                !e.has("mod") && SubEventType::from_name(&e.key).is_some_and(|s| protest_rank(s).is_some())
            })
            .peekable();
        words.peek().is_some()
            && words.all(|t| GATHERINGS.contains(&&f[t.fstart..t.fend]))
            && !self
                .actors
                .iter()
                .any(|a| a.start >= s0 && a.end <= s1 && matches!(a.inter, Some(1) | Some(6) | Some(8)))
    }

    /// `a` (students, workers) as the rioters ACLED names a crowd.
    fn as_crowd(&self, a: &mut ActorMention) {
        let country = a.home.clone().or_else(|| self.country.clone());
        a.name = self.engine.actor_name("Rioters ({country})", country.as_deref());
        a.inter = Some(5);
    }

    /// ACLED codes violence by a crowd, a mob, or a party's supporters as rioting: mob
    /// violence, or a violent demonstration when they are protesting. The named party
    /// becomes the rioters' associate.
    fn mob(&self, d: &mut Draft, has_protest: bool) {
        use SubEventType::*;
        // Crowds who fight at a party's rally or procession, with no protesters and no
        // force in view ("NASA and Jubilee supporters clashed during Odinga's rally"),
        // riot as mobs: the gathering is where it happened, not a demonstration.
        let has_protest = has_protest && !self.fight_at_a_rally(d.sentence);
        // A clash needs an organized armed side: between villagers, party factions or
        // rival crowds it is rioting.
        // Herders or pastoralists who fight ("herders attacked a farmer", "fighting
        // between rival pastoralists") are their community's militia.
        if matches!(d.sub, Attack | ArmedClash) {
            if let Some(a) = d.actor1.as_mut().filter(|a| a.communal && a.victim) {
                *a = as_rioters(a);
            }
        }
        if d.sub == ArmedClash {
            if let Some(a) = d.actor2.as_mut().filter(|a| a.communal && a.victim) {
                *a = as_rioters(a);
            }
            // Those who fight a community's militia ("a fight between farmers and
            // herders") are a community's militia too.
            let militia = |a: &Option<ActorMention>| a.as_ref().is_some_and(|a| a.communal && a.inter == Some(4));
            let (m1, m2) = (militia(&d.actor1), militia(&d.actor2));
            for (a, other) in [(&mut d.actor1, m2), (&mut d.actor2, m1)] {
                if let Some(a) = a.as_mut().filter(|a| other && a.victim && a.inter == Some(7) && !a.weak) {
                    *a = as_rioters(&ActorMention { communal: true, ..a.clone() });
                }
            }
        }
        let armed =
            |a: &Option<ActorMention>| a.as_ref().is_some_and(|a| !a.riot && matches!(a.inter, Some(1..=4) | Some(8)));
        let named = d.actor1.is_some() || d.actor2.is_some();
        // Clans, tribes or communities that fight are communal militias: ACLED codes their
        // clashes as battles ("ethnic clash between Borana and Gabra", "inter-clan fighting").
        let communal = || {
            let (s0, s1) = d.sentence;
            let f = &self.text.folded()[self.text.folded_offset(s0)..self.text.folded_offset(s1)];
            f.split(|c: char| !c.is_alphanumeric() && c != '-').find(|w| COMMUNAL.contains(w)).map(communal_militia)
        };
        if d.sub == ArmedClash && !has_protest {
            if let Some(militia) = communal() {
                d.communal = Some(militia);
                return;
            }
        }
        if d.sub == ArmedClash && named && !armed(&d.actor1) && !armed(&d.actor2) {
            d.sub = if has_protest { ViolentDemonstration } else { MobViolence };
            if let Some(a) = d.actor1.as_mut().filter(|a| a.inter != Some(5) && !a.riot) {
                a.name = rioters_name(&a.name);
                a.inter = Some(5);
            }
        }
        // People who clash with a force of the state ("police clash with market traders",
        // "fishermen clash with police") riot against it: the rioters first, the force
        // second.
        let force =
            |a: &Option<ActorMention>| a.as_ref().is_some_and(|a| !a.victim && matches!(a.inter, Some(1) | Some(8)));
        let people = |a: &Option<ActorMention>| {
            a.as_ref().is_some_and(|a| a.victim && a.inter == Some(7) && !a.communal && !a.weak)
        };
        if d.sub == ArmedClash && (force(&d.actor1) && people(&d.actor2) || people(&d.actor1) && force(&d.actor2)) {
            let (a1, a2) = (d.actor1.take(), d.actor2.take());
            let (crowd, state) = if force(&a1) { (a2, a1) } else { (a1, a2) };
            d.actor1 = crowd.map(|a| as_rioters(&a));
            d.actor2 = state;
            d.sub = if has_protest { ViolentDemonstration } else { MobViolence };
        }
        // Protesters who burn or wreck are rioting; students or workers who do so with no
        // protest in view are a mob ("Students set fire to their school").
        if d.sub == LootingPropertyDestruction && d.actor1.as_ref().is_some_and(|a| a.inter == Some(6)) {
            if has_protest || d.actor1.as_ref().is_some_and(|a| !a.weak) {
                d.sub = ViolentDemonstration;
                return;
            }
            if let Some(a) = d.actor1.as_mut() {
                self.as_crowd(a);
            }
            d.sub = MobViolence;
            return;
        }
        // Students or workers who attack someone with no protest in view are a crowd.
        if !has_protest && matches!(d.sub, Attack | ArmedClash) {
            if let Some(a) = d.actor1.as_mut().filter(|a| a.inter == Some(6)) {
                self.as_crowd(a);
            }
        }
        let rioting = d.actor1.as_ref().is_some_and(|a| a.riot || a.inter == Some(5));
        let violence =
            matches!(d.sub, Attack | ArmedClash | MobViolence | ViolentDemonstration | LootingPropertyDestruction);
        if !rioting || !violence {
            return;
        }
        d.sub = if has_protest { ViolentDemonstration } else { MobViolence };
        let Some(a1) = d.actor1.take() else { return };
        if a1.inter == Some(5) {
            d.actor1 = Some(a1);
            return;
        }
        let country = a1.home.clone().or_else(|| self.country.clone());
        let name = self.engine.actor_name("Rioters ({country})", country.as_deref());
        d.actor1 = Some(ActorMention { name, inter: Some(5), riot: false, ..a1.clone() });
        d.assoc1 = Some(a1);
    }

    /// The place named in the closest sentence to sentence `si`, later ones first at equal
    /// distance; not a country, a continent or an adjective. (A note names its place
    /// once: "…in Lamu. The officers were pelted… No injuries. The rioters…")
    fn nearby_place(&self, si: usize) -> Option<PlaceMention> {
        (1..=self.sentences.len()).find_map(|dist| {
            [si + dist, si.wrapping_sub(dist)].into_iter().filter_map(|i| self.sentences.get(i)).find_map(
                |&(s0, s1)| {
                    self.places
                        .iter()
                        .find(|p| {
                            p.start >= s0
                                && p.end <= s1
                                && !p.is_country
                                && !p.country.is_empty()
                                && p.rule != "demonym"
                        })
                        .cloned()
                },
            )
        })
    }

    /// Whether the lexicon entry of trigger `t` has attribute `name`.
    fn pack_entry_has(&self, t: &Hit, name: &str) -> bool {
        self.engine.pack(&self.lang).events.entry(t.entry).has(name)
    }

    /// Whether the trigger opens a relative clause about what came before it: one of the
    /// two words before it is a relative pronoun ("which killed", "qui a tué").
    fn relative_clause(&self, t: &Hit) -> bool {
        const RELATIVE: &[&str] = &["which", "that", "who", "qui", "lequel", "laquelle"];
        let lead = self.text.folded_before(self.text.folded_offset(t.start), 16);
        lead.split_whitespace().rev().take(2).any(|w| RELATIVE.contains(&w))
    }

    /// "a capturé un élément de Daech": a complement of an earlier verb, not a subject.
    /// Before any verb of its sentence ("Des combattants d'Ansaroul Islam ont enlevé…")
    /// the same words name the subject.
    fn genitive(&self, a: &ActorMention) -> bool {
        let f1 = self.text.folded_offset(a.start);
        let lead = self.text.folded_before(f1, 4);
        let of = [" de ", " d'", " du ", "des ", " of "].iter().any(|g| ends_with_words(lead, g));
        let sentence_start = self.sentences.iter().find(|s| s.0 <= a.start && a.start < s.1).map_or(0, |s| s.0);
        of && self.triggers.iter().any(|t| t.start >= sentence_start && t.end <= a.start)
    }

    /// Whether the actor mention is part of a trigger phrase ("raid américain").
    fn inside_trigger(&self, a: &ActorMention) -> bool {
        self.triggers.iter().any(|t| t.start <= a.start && a.end <= t.end && (t.start, t.end) != (a.start, a.end))
    }

    /// Whether a negation governs trigger `t`: right before it, or before a list of
    /// triggers it heads ("no reports of violence or clashes with police").
    fn negated(&self, t: &Hit, cues: &[&Hit]) -> bool {
        let pack = self.engine.pack(&self.lang);
        cues.iter().any(|c| {
            pack.cues.entry(c.entry).key == "negation"
                && c.end <= t.start
                && (t.start - c.end <= 12
                    || t.start - c.end <= 60 && {
                        // What lies between is other triggers and the words that join them.
                        let joins = |a: usize, b: usize| {
                            self.text.folded()[self.text.folded_offset(a)..self.text.folded_offset(b)]
                                .split(|ch: char| !ch.is_alphanumeric())
                                .all(|w| w.is_empty() || LIST_JOINS.contains(&w))
                        };
                        let mut at = c.end;
                        for o in self.triggers.iter().filter(|o| o.start >= c.end && o.end <= t.start) {
                            if o.start >= at {
                                if !joins(at, o.start) {
                                    return false;
                                }
                                at = o.end;
                            }
                        }
                        joins(at, t.start)
                    })
        })
    }

    /// Whether place `p` is introduced as one ("à Jurf Al-Nasr", "in Kisumu", "near
    /// Ghazni"), not a name that only happens to be in the gazetteer ("les pèlerins de
    /// l'Arbaeen", "teachers from Wajir").
    fn locative(&self, p: &PlaceMention) -> bool {
        let lead = self.text.folded_before(self.text.folded_offset(p.start), 24);
        // (A word for a kind of area, "province de l'Oudalan" after "Tin-Akoff (",
        // introduces only a town; an area needs a preposition.)
        let area = p.geo_precision >= 3;
        lead.split_whitespace().rev().take(3).any(|w| LOCATIVES.contains(&w) && !(area && AREA_WORDS.contains(&w)))
    }

    /// The place of the text after the trigger (up to the next trigger), else before it,
    /// else anywhere in its sentence: the most specific one, then the nearest.
    fn place_for(&self, t: &Hit, seg: &Segment, (s0, s1): (usize, usize)) -> Option<PlaceMention> {
        // An end of a road ("the Dhaka-Tangail highway", "l'axe Arbinda-Gorgadji", "a
        // Mombasa-bound bus") places the event only when nothing else does.
        let road_end = |p: &PlaceMention| {
            let (f0, f1) = (self.text.folded_offset(p.start), self.text.folded_offset(p.end));
            let after = self.text.folded_after(f1, 40);
            let before = self.text.folded_before(f0, 40);
            let linked = |s: &str| s.starts_with('-') || s.starts_with('/');
            let road_word = |s: &str| {
                s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).take(4).any(|w| ROADS.contains(&w))
            };
            let unlinked = before.ends_with('-') || before.ends_with('/');
            (linked(after) && road_word(after))
                || (unlinked && road_word(after))
                || before.trim_end().rsplit([' ', '\'']).next().is_some_and(|w| ROADS.contains(&w))
        };
        // A note that says where it coded the event ("(coded as Djibo at geoprecision 2)",
        // "(coordinates for Kiunga used)") decides: in the sentence, else in the document
        // when it says so once.
        let coded = |p: &PlaceMention| {
            let lead = self.text.folded_before(self.text.folded_offset(p.start), 20);
            CODED_AS.iter().any(|c| ends_with_words(lead, c)) && p.rule != "demonym" && !p.country.is_empty()
        };
        if let Some(p) = self.places.iter().find(|p| p.start >= s0 && p.end <= s1 && coded(p)) {
            return Some(p.clone());
        }
        let mut all = self.places.iter().filter(|p| coded(p));
        if let (Some(p), None) = (all.next(), all.next()) {
            return Some(p.clone());
        }
        // (Of a road's two ends, the first, whatever word of the sentence asks: "blocked
        // the Nyeri-Karatina road to protest" is one protest, at one place.)
        let rank = |p: &PlaceMention| {
            let end = road_end(p);
            // (A place introduced as one before a name that only happens to be in the
            // gazetteer.)
            (end, !self.locative(p), p.geo_precision, end.then_some(p.start), p.start.abs_diff(t.start))
        };
        // A continent has no country and an adjective ("irakien") is no place: neither can
        // place an event. A country places it only when no other place of the sentence
        // does (the segment after the trigger first, then before it).
        let pick = |from: usize, to: usize, country: bool| {
            self.places
                .iter()
                .filter(|p| p.start >= from && p.end <= to && !p.country.is_empty() && p.rule != "demonym")
                .filter(|p| p.is_country == country && !self.strays.contains(&(p.start, p.end)))
                .min_by_key(|p| rank(p))
                .cloned()
        };
        [false, true].into_iter().find_map(|c| {
            pick(seg.start, seg.end, c).or_else(|| pick(seg.before, seg.start, c)).or_else(|| pick(s0, s1, c))
        })
    }

    /// The date that governs the trigger: one that opens the sentence ("On 5 December,
    /// …", "Le 3 mars, …") governs all of it; otherwise the nearest date before the
    /// trigger, else after it. A date that only bounds a state ("since July", "depuis
    /// 2015", "until") dates no event.
    fn date_for(&self, t: &Hit, (s0, s1): (usize, usize)) -> Option<&sitrep_time::DateMention> {
        const BOUNDS: &[&str] = &["since", "depuis", "until", "till", "jusqu'en", "jusqu'au", "jusqu'a"];
        let candidates: Vec<&sitrep_time::DateMention> = self
            .dates
            .iter()
            .filter(|d| d.start >= s0 && d.end <= s1)
            .filter(|d| {
                // The bound may stand just before the mention or open it ("since May").
                let f = self.text.folded();
                let own = &f[self.text.folded_offset(d.start)..self.text.folded_offset(d.end)];
                let lead = self.text.folded_before(self.text.folded_offset(d.start), 12);
                let first = own.split_whitespace().next();
                !(lead.split_whitespace().last().is_some_and(|w| BOUNDS.contains(&w))
                    || first.is_some_and(|w| BOUNDS.iter().any(|b| w == *b || w.starts_with(b))))
            })
            .collect();
        let opening = candidates.iter().find(|d| {
            let lead = &self.text.folded()[self.text.folded_offset(s0)..self.text.folded_offset(d.start)];
            lead.split_whitespace().count() <= 2
        });
        opening
            .or_else(|| candidates.iter().filter(|d| d.end <= t.start).max_by_key(|d| d.end))
            .or_else(|| candidates.iter().min_by_key(|d| d.start.abs_diff(t.start)))
            .copied()
    }

    /// Actor 1 acts, actor 2 is acted upon: passive "par X"/"by X" after the trigger makes
    /// X actor 1; otherwise the nearest actor before the trigger is actor 1 and the
    /// nearest after it is actor 2. Victims ("civils", "villagers") are actor 2.
    fn roles(
        &self,
        t: &Hit,
        actors: &[&ActorMention],
        (s0, _s1): (usize, usize),
        subject: Option<&ActorMention>,
        passive_at: &[usize],
    ) -> (Option<ActorMention>, Option<ActorMention>, Option<ActorMention>) {
        let folded = self.text.folded();
        // An actor that is the trigger itself ("raid américain") acts.
        let named_by_trigger = actors.iter().find(|a| a.start == t.start && a.end == t.end).map(|a| (**a).clone());
        // "en coopération avec les forces de sécurité", "alongside the army": an associate.
        let assoc = actors
            .iter()
            .find(|a| {
                let f1 = self.text.folded_offset(a.start);
                let lead = self.text.folded_before(f1, 30);
                ASSOCIATE_CUES.iter().any(|c| ends_with_words(lead, c))
            })
            .map(|a| (**a).clone());
        let actors: Vec<&&ActorMention> =
            actors.iter().filter(|a| assoc.as_ref().is_none_or(|x| x.start != a.start)).collect();
        // The clause is passive when this trigger, or an earlier one of the sentence, follows
        // a passive auxiliary: "deux policiers ont été tués dans une embuscade". (Each
        // trigger is asked itself: "three were killed and a motorbike was seized".)
        // An explosive device hits those before it ("their vehicle hit a roadside bomb")
        // unless they planted or set it off.
        let device_hit = self.pack_entry_has(t, "device") && {
            let lead = self.text.folded_before(self.text.folded_offset(t.start), 40);
            !PLANTERS.iter().any(|w| lead.contains(w))
        };
        let passive = device_hit
            || passive_at.contains(&t.start)
            || passive_at.first().is_some_and(|&p| {
                if p > t.start || actors.iter().any(|a| a.start >= p && a.end <= t.start) {
                    return false;
                }
                let between = &folded[self.text.folded_offset(p)..self.text.folded_offset(t.start)];
                let mut words = between.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty());
                // "a woman is attacked and killed": participles joined by "and" share
                // their auxiliary.
                let joined = matches!((words.next(), words.next(), words.next()), (Some(_), Some("and" | "et"), None))
                    && {
                        let lead = self.text.folded_before(self.text.folded_offset(p), 16);
                        after_passive_auxiliary(lead)
                    };
                joined || !between.split(|c: char| !c.is_alphanumeric()).any(|w| CLAUSE_BREAKS.contains(&w))
            });
        let before: Vec<&&ActorMention> =
            actors.iter().copied().filter(|a| a.end <= t.start && (passive || !self.genitive(a))).collect();
        let after: Vec<&&ActorMention> = actors.iter().copied().filter(|a| a.start >= t.end).collect();
        // The agent of a passive after a protest word belongs to the violence the protest
        // is about: in "protested an attack by bandits" the bandits attacked.
        let entry = self.engine.pack(&self.lang).events.entry(t.entry);
        let protest =
            SubEventType::from_name(&entry.key).is_some_and(|s| s.event_type() == sitrep_core::EventType::Protests);
        let by = after.iter().find(|a| {
            let f0 = self.text.folded_offset(t.end);
            let f1 = self.text.folded_offset(a.start);
            let between = &folded[f0.min(f1)..f1];
            // A later word between is the one the agent belongs to, unless this word is
            // passive too or joined to it: "attacked the village, two shops were torched
            // by the assailants" (the village's attackers are the subject), but "were
            // attacked and killed by militants", "nurse attacked and wounded by gunmen".
            let later_word = self.triggers.iter().any(|o| {
                o.start >= t.end && o.end <= a.start && {
                    let gap = &folded[f0.min(self.text.folded_offset(o.start))..self.text.folded_offset(o.start)];
                    !matches!(gap.trim(), "and" | "et" | "," | "")
                }
            });
            (between.ends_with("par ")
                || between.ends_with("by ")
                || between.contains(" par ")
                || between.contains(" by "))
                && !((protest || !passive) && later_word)
        });
        // One person ("a farmer is attacked") is no crowd, whatever the parse.
        let (mut a1, mut a2) = match by {
            // Among those it hit, a force or an armed group is the other side: "a
            // policeman and a civilian were killed in an ambush by militants" is a fight.
            // "killed by residents": the residents are a crowd.
            Some(b) => {
                let hit = || before.iter().rev().filter(|a| a.name != b.name);
                let armed = hit().find(|a| !a.victim && matches!(a.inter, Some(1..=4) | Some(8)));
                // Not those who fight back against an armed group ("raiders were killed
                // by residents"), nor people the text then says who they were ("by
                // people believed to be al-Shabaab militants").
                let named_after = after.iter().find(|a| {
                    a.start >= b.end && a.start - b.end <= 40 && !a.victim && matches!(a.inter, Some(1..=4) | Some(8))
                });
                // Nor a community ("by Kikuyu people"), people the text leaves unknown
                // ("by unidentified men", "by suspected neighbours") or who only found
                // the body.
                let lead = self.text.folded_before(self.text.folded_offset(b.start), 16);
                let next = self.text.folded_after(self.text.folded_offset(b.end), 16);
                let community = self
                    .text
                    .slice(0, b.start)
                    .rsplit(char::is_whitespace)
                    .find(|w| !w.is_empty())
                    .is_some_and(|w| w.starts_with(char::is_uppercase) && !w.eq_ignore_ascii_case("by"));
                let found = {
                    let f0 = self.text.folded_offset(t.start);
                    folded[f0.min(self.text.folded_offset(b.start))..self.text.folded_offset(b.start)]
                        .split_whitespace()
                        .any(|w| FOUND.contains(&w))
                };
                let unknown = UNKNOWN_AGENT.iter().any(|w| ends_with_words(lead, w))
                    || BELIEVED.iter().any(|w| next.starts_with(w))
                    || community
                    || found;
                let agent = match named_after {
                    Some(x) if self.crowd_of_people(b) => (**x).clone(),
                    _ if self.crowd_of_people(b) && armed.is_none() && !unknown => as_rioters(b),
                    _ => (**b).clone(),
                };
                (Some(agent), armed.or_else(|| hit().next()).map(|a| (**a).clone()))
            }
            // "un convoi de la coalition a été pris pour cible": the subject is acted upon.
            None if passive => {
                let armed = before.iter().rev().find(|a| matches!(a.inter, Some(1..=4) | Some(8)));
                // "ISGS militants entered the market. Several women were wounded and
                // assaulted.": with no agent told, the armed group the text names before,
                // doing nothing violent yet, acts.
                let quiet = !self.triggers.iter().any(|o| o.end <= s0);
                let told = subject.filter(|a| quiet && a.start < s0 && matches!(a.inter, Some(2..=4)) && !a.victim);
                (told.cloned(), armed.or(before.last()).map(|a| (**a).clone()))
            }
            None => {
                // "Three people have been killed in a banditry attack": a word in a phrase
                // after a passive names the event those before it suffered; people or
                // workers there did not act.
                let suffered = |a: &ActorMention| {
                    matches!(a.inter, Some(5..=7)) && {
                        let f0 = self.text.folded_offset(a.end);
                        let f1 = self.text.folded_offset(t.start);
                        let between = &folded[f0.min(f1)..f1];
                        // (Words may qualify it: "in a suspected extremist attack".)
                        let lead = self.text.folded_before(f1, 40);
                        let in_phrase = IN_PHRASE.iter().any(|c| {
                            rfind_str(lead, c).is_some_and(|i| lead[i + c.len()..].split_whitespace().count() <= 3)
                        });
                        in_phrase && between.split_whitespace().any(|w| matches!(w, "was" | "were" | "been" | "ete"))
                    }
                };
                // People who are usually victims standing as the subject of violence are
                // a crowd acting.
                let crowd = before.last().filter(|a| self.crowd_of_people(a) && !suffered(a)).map(|a| as_rioters(a));
                // "militants attacked the village, the assailants fired in the air": an
                // unnamed armed side told with "the" after an armed subject is that subject.
                let told_again = |a: &ActorMention| {
                    a.inter == Some(3)
                        && !a.rule_has_no_template
                        && ["the ", "les ", "ces "]
                            .iter()
                            .any(|d| ends_with_words(self.text.folded_before(self.text.folded_offset(a.start), 8), d))
                };
                let mut subjects = before.iter().rev().filter(|a| !a.victim && !suffered(a));
                // "Armed raiders killed 2 students when they attacked": a pronoun right
                // before the word is the sentence's subject, not the nearest people.
                let lead = self.text.folded_before(self.text.folded_offset(t.start), 12);
                let pronoun = ["they ", "he ", "she ", "ils ", "il ", "elle "].iter().any(|p| ends_with_words(lead, p));
                let sentence_subject =
                    before.first().filter(|a| pronoun && !a.victim && matches!(a.inter, Some(1..=4) | Some(8)));
                let a1 = sentence_subject.or_else(|| subjects.next()).map(|&a| {
                    // "Ansaroul Islam militants raided the village, the assailants
                    // abducted two villagers": the group named before is the one acting.
                    // (Who repels them is not told: "the assailants were repelled".)
                    let named = (told_again(a) && !entry.has("response"))
                        .then(|| {
                            subjects.find(|b| matches!(b.inter, Some(2..=4)) && !told_again(b) && b.name != a.name)
                        })
                        .flatten();
                    (**named.unwrap_or(&a)).clone()
                });
                let a1 = a1.or(crowd);
                let armed_a1 = a1.as_ref().is_some_and(|x| matches!(x.inter, Some(1..=4) | Some(8)));
                let same_side = |a: &ActorMention| armed_a1 && told_again(a);
                let hit =
                    || after.iter().filter(|a| !same_side(a)).filter(|a| a1.as_ref().is_none_or(|x| x.name != a.name));
                // "killing one civilian and one police officer": a force hit beside
                // the civilians is the other side.
                let a2 = hit().next().map(|first| {
                    hit()
                        .find(|a| {
                            first.victim
                                && !a.victim
                                && matches!(a.inter, Some(1) | Some(8))
                                && a.start >= first.end
                                && a.start - first.end <= 30
                        })
                        .unwrap_or(first)
                });
                // With no one named after the word, those a passive word before it says
                // were hit are the other side, force or not: "five policemen escorting a
                // bus were killed after militants ambushed their convoy".
                let hit_before = || {
                    before.iter().rev().find(|a| {
                        a1.as_ref().is_none_or(|x| x.name != a.name)
                            && passive_at.iter().any(|&p| {
                                p >= a.end
                                    && p < t.start
                                    && !actors.iter().any(|o| o.start >= a.end && o.end <= p)
                                    && self.text.slice(a.end, p).len() <= 60
                            })
                    })
                };
                let a2 =
                    a2.or_else(hit_before).or_else(|| before.iter().rev().find(|a| a.victim)).map(|a| (**a).clone());
                (a1, a2)
            }
        };
        // "Police and hawkers clash": two sides joined before a word of fighting.
        // Two forces of the state ("the army and forest guards") are one side.
        let state = |a: &ActorMention| matches!(a.inter, Some(1) | Some(8));
        let mutual = entry.key == "armed_clash";
        if (mutual || entry.has("generic")) && by.is_none() && !passive && after.is_empty() && before.len() >= 2 {
            let (x, y) = (before[before.len() - 2], before[before.len() - 1]);
            let gap = &folded
                [self.text.folded_offset(x.end)..self.text.folded_offset(y.start).max(self.text.folded_offset(x.end))];
            // (Herders and farmers are both civilians by name, not one side: herders who
            // fight are their community's militia.)
            let two = x.name != y.name || x.communal != y.communal;
            if matches!(gap, " and " | " et " | " and the " | " et les ") && two && !(state(x) && state(y)) {
                // People who fight ("police and traders clashed") are a crowd: rioters,
                // the side ACLED names first.
                let crowd = |a: &ActorMention| a.victim && a.inter == Some(7) || matches!(a.inter, Some(5) | Some(6));
                let (x, y) = if crowd(y) && !crowd(x) { (y, x) } else { (x, y) };
                a1 = Some(if x.victim && x.inter == Some(7) { as_rioters(x) } else { (**x).clone() });
                a2 = Some((**y).clone());
            }
        }
        // "Police pursue raiders, exchange fire": a fight's other side may stand before
        // the word too.
        if mutual && a2.is_none() && !passive {
            if let Some(x) = a1.as_ref() {
                let other = before
                    .iter()
                    .find(|a| a.name != x.name && !a.victim && a.inter.is_some() && !(state(a) && state(x)));
                a2 = other.map(|a| (***a).clone());
            }
        }
        // "clashes between Kikuyu and Maasai": the two sides follow the word, whoever died
        // in them ("five people were killed after clashes between Borana and Gabra").
        let victims_before = a1.as_ref().is_some_and(|x| actors.iter().any(|a| a.victim && a.start == x.start));
        if (a1.is_none() || mutual && victims_before) && after.len() >= 2 {
            let f0 = self.text.folded_offset(t.end);
            let gap = &folded[f0..self.text.folded_offset(after[0].start).max(f0)];
            // (The word may hold "between" itself: "conflict between".)
            let word = &folded[self.text.folded_offset(t.start)..f0];
            let between = |w: &&str| gap.ends_with(w) || gap.trim().is_empty() && word.ends_with(w.trim_end());
            if gap.len() <= 24 && crate::analysis::BETWEEN.iter().any(between) {
                a1 = Some((**after[0]).clone());
                a2 = Some((**after[1]).clone());
            }
        }
        if named_by_trigger.is_some() {
            a1 = named_by_trigger;
        }
        // A sentence that opens with a pronoun continues the text's current subject.
        if a1.is_none() {
            let opening = &folded[self.text.folded_offset(s0)..];
            if PRONOUNS.iter().any(|p| opening.starts_with(p)) {
                a1 = subject.cloned();
            }
        }
        // (Herders and farmers are both civilians by name, not one side.)
        if let (Some(x), Some(y)) = (&a1, &a2) {
            if x.name == y.name && x.communal == y.communal {
                a2 = None;
            }
        }
        let assoc = assoc.filter(|x| a1.as_ref().is_some_and(|a| a.name != x.name));
        (a1, a2, assoc)
    }

    /// Deaths, injuries and arrests: a number next to a cue word of its kind. The deaths
    /// of one sentence add up ("killed five soldiers … killed twenty-one militants"), but
    /// not a part told beside its whole ("12 killed, including 3 students").
    fn quantities(&self, d: &mut Draft, cues: &[&Hit], (s0, s1): (usize, usize)) {
        let pack = self.engine.pack(&self.lang);
        let f = self.text.folded();
        let fold = |a: usize, b: usize| &f[self.text.folded_offset(a)..self.text.folded_offset(b)];
        // (figure, evidence, number span): each death counted once.
        let mut deaths: Vec<(u32, toll::Span, Option<toll::Span>)> = Vec::new();
        // Where the last kill word with a count ends.
        let mut last_kill: Option<usize> = None;
        for c in cues {
            let key = pack.cues.entry(c.entry).key.as_str();
            if key == "zero" && d.fatalities.is_none() {
                d.fatalities = Some((0, Some((c.start, c.end))));
                continue;
            }
            if !matches!(key, "kill" | "injure" | "arrest") {
                continue;
            }
            let fs = self.text.folded_offset(c.start);
            let fe = self.text.folded_offset(c.end);
            let lead_clause = self.text.folded_before(fs, 60);
            let tail = first_chars(&f[fe..], 60);
            // "protest over the killing of a student", "killed or wounded": no toll.
            if key == "kill" && self.not_a_toll(d, lead_clause, tail) {
                continue;
            }
            // A number counts people, not ages ("a 12-year-old boy"), animals ("32 sheep"),
            // dates ("25 September 2018") or what a bracket tells beside the count.
            let counts_people = |n: &&sitrep_time::NumberMention| {
                let after = &f[self.text.folded_offset(n.end)..];
                let next = first_chars(after, 24).trim_start_matches([' ', '-']);
                let first = next.as_bytes().first();
                // "9 cattle rustlers", "two goat herders": the animals name the people.
                let herders = next.split(' ').nth(1).is_some_and(|w| ANIMAL_PEOPLE.iter().any(|p| w.starts_with(p)));
                (herders
                    || !NOT_PEOPLE
                        .iter()
                        .any(|w| w.as_bytes().first().is_none_or(|b| first == Some(b)) && next.starts_with(w)))
                    && !self.dates.iter().any(|m| {
                        // "between 11 and 20" may read as days; "On 3 May 2021" is a date.
                        m.start <= n.start
                            && n.end <= m.end
                            && fold(m.start, m.end)
                                .split(|c: char| !c.is_alphabetic())
                                .filter(|w| !w.is_empty())
                                .any(|w| !matches!(w, "between" | "and" | "to" | "from" | "entre" | "et" | "au" | "du"))
                    })
            };
            let near: Vec<&sitrep_time::NumberMention> = self
                .numbers
                .iter()
                .filter(|n| n.start >= s0 && n.end <= s1)
                // "2 fighters (who were accused of …) were shot dead": what a bracket
                // tells is no distance.
                .filter(|n| {
                    (n.end <= c.start && n.start >= s0 && toll::unbracketed_len(fold(n.end, c.start)) <= 60)
                        || (n.start >= c.end && n.start - c.end <= 25)
                })
                // A number inside a bracket the cue is not in: "three herders (out of a
                // group of seven) were killed".
                .filter(|n| {
                    let count = |s: &str, o: [char; 2]| s.matches(o).count();
                    if n.end <= c.start {
                        let b = fold(n.end, c.start);
                        count(b, [')', ']']) <= count(b, ['(', '['])
                    } else {
                        let b = fold(c.end, n.start);
                        count(b, ['(', '[']) <= count(b, [')', ']'])
                    }
                })
                // "12 people, including 3 students, were killed": the part is not the count.
                .filter(|n| {
                    key != "kill" || !toll::subset(self.text.folded_before(self.text.folded_offset(n.start), 30))
                })
                .filter(counts_people)
                .collect();
            // "2 soldiers were killed and 7 injured": after a passive auxiliary the count
            // comes before the verb; "killed 5 people": after an active one.
            let lead = self.text.folded_before(fs, 16);
            let passive = after_passive_auxiliary(lead);
            // "Four gunmen shot dead a trader": before a verb with an object, a count
            // counts the killers; the dead are the object.
            let cue_text = fold(c.start, c.end);
            let object = key == "kill"
                && self.lang == "en"
                && !passive
                && (toll::verb(cue_text) && toll::takes_object(cue_text, tail) || toll::figure_follows(tail));
            let before = near.iter().filter(|n| n.end <= c.start).max_by_key(|n| n.end);
            let after = near.iter().filter(|n| n.start >= c.end).min_by_key(|n| n.start);
            // "killed around 40 civilians".
            let object = object
                || key == "kill"
                    && self.lang == "en"
                    && !passive
                    && toll::verb(cue_text)
                    && after.is_some_and(|a| toll::quantifier(fold(c.end, a.start)));
            let nearest = near.iter().min_by_key(|n| if n.end <= c.start { c.start - n.end } else { n.start - c.end });
            // "four police killed, two missing": a count past a comma is another count.
            let after_clause = after.is_some_and(|a| fold(c.end, a.start).contains([',', ';']));
            // "the bodies of four men", "FATALITIES: 15".
            let direct = after.filter(|a| matches!(fold(c.end, a.start).trim(), "" | ":" | "of" | "-"));
            // "killed and injured 5 people": the figure is the second verb's.
            let shared = toll::coordinated(cue_text, tail);
            let n = if object {
                let them = toll::words_after(tail).next() == Some("them");
                let one = toll::object_count(tail, before.is_none()) > 0;
                after
                    .filter(|_| !after_clause && !shared)
                    // "captured two bandits and killed them"; "3 civilians killed bduring
                    // raid": a headline's count before its verb.
                    .or(before.filter(|_| them || !one && !shared))
            } else if key == "kill" && self.lang == "en" {
                // "eight are feared dead after about 200 militia attacked": a death with no
                // object has its count before it, in its own clause.
                before
                    .filter(|b| {
                        let between = fold(b.end, c.start);
                        ![" said ", " that ", " after ", " when ", " while ", " because "]
                            .iter()
                            .any(|w| between.contains(w))
                    })
                    .or(direct)
            } else if passive || after_clause {
                before.or(nearest)
            } else {
                nearest
            };
            let n = if object || key == "kill" && self.lang == "en" { n } else { n.or(after) };
            let Some(n) = n.copied() else {
                // "a driver was shot dead", "gunmen kill police officer": one person, with
                // no number.
                let bare = before.is_none();
                let count = if key == "kill" { self.one_victim(cue_text, object, bare, lead_clause, tail) } else { 0 };
                // (Not one told aside, after a toll: "three were killed following the
                // killing of a man on Sunday".)
                if count > 0 && (deaths.is_empty() || !toll::aside(lead_clause)) {
                    deaths.push((count, (c.start, c.end), None));
                }
                continue;
            };
            let mut value = u32::try_from(self.range_low(n)).unwrap_or(u32::MAX);
            // "Four police and one reservist killed": counts joined by "and" before the
            // verb add up.
            if n.end <= c.start {
                if let Some(k) = self.numbers.iter().rev().find(|k| k.end <= n.start && k.start >= s0) {
                    let between = fold(k.end, n.start);
                    let joined = between.len() <= 30
                        && (between.contains(" and ") || between.contains(" et "))
                        && !between.contains([',', ';'])
                        && !cues.iter().any(|o| o.start >= k.end && o.end <= n.start)
                        && counts_people(&k);
                    if joined {
                        value = value.saturating_add(u32::try_from(self.range_low(k)).unwrap_or(u32::MAX));
                    }
                }
                // "a woman and two children were killed": one more, named before.
                let lead = self.text.folded_before(self.text.folded_offset(n.start), 40);
                if key == "kill" && self.one_person_joined(lead, n.start, s0) {
                    value = value.saturating_add(1);
                }
                // "three militants and a gendarme were killed": one more.
                let rest = fold(n.end, c.start);
                if key == "kill"
                    && [" and a ", " and an ", " and his ", " and her ", " et un ", " et une ", " et son ", " et sa "]
                        .iter()
                        .any(|w| rest.contains(w))
                {
                    value = value.saturating_add(1);
                }
            }
            // "shot dead the mayor and three others": one more, named before the count.
            if key == "kill" && object && n.start >= c.end && {
                let between = fold(c.end, n.start);
                toll::one_joined_before(between)
            } {
                value = value.saturating_add(1);
            }
            // "un dirigeant de Daech et deux autres éléments", "killing three policemen and
            // one volunteer fighter": an enumeration adds up.
            if let Some(m) = self.numbers.iter().find(|m| m.start > n.end && m.start - n.end <= 60 && m.end <= s1) {
                let between = fold(n.end, m.start);
                let after = &f[self.text.folded_offset(m.end)..];
                // (Counts of people one after the other: "three policemen and one
                // volunteer fighter", not "three policemen and two days later".)
                let range = ["between ", "entre "]
                    .iter()
                    .any(|w| self.text.folded_before(self.text.folded_offset(n.start), 12).ends_with(w));
                let listed = object
                    && !range
                    && n.start >= c.end
                    && (between.ends_with(" and ") || between.ends_with(" et "))
                    && between.split_whitespace().count() <= 4
                    && !between.contains([',', ';', '('])
                    && counts_people(&m);
                let more = after.starts_with(" autre") || after.starts_with(" other") || listed;
                // "two killed and three others wounded", "killed two and injured three
                // others": the others are counted elsewhere; "five were killed and four
                // others reported missing": they met another fate.
                // (A wound told in the next clause is not theirs: "killing three policemen
                // and one volunteer fighter, and wounding five others".)
                let counted_elsewhere = cues.iter().any(|o| {
                    (o.start >= m.end && o.start - m.end <= 30 && !(listed && fold(m.end, o.start).contains(','))
                        || o.start >= n.end && o.end <= m.start)
                        && matches!(pack.cues.entry(o.entry).key.as_str(), "injure" | "arrest")
                }) || n.end <= c.start && m.start >= c.end
                    || toll::other_fate(after);
                if more && !counted_elsewhere && (between.contains(" et ") || between.contains(" and ")) {
                    value = value.saturating_add(u32::try_from(m.value).unwrap_or(u32::MAX));
                }
            }
            let span = (n.start, n.end);
            match key {
                // A number that refers back ("the five were found") or a death told aside
                // ("(3 killed)", "two days after the militia executed 20") adds nothing to
                // a toll already told.
                // A smaller count told after a toll is part of it ("46 were killed - 31 died
                // on the day"), or a claim beside it, unless it says it adds ("3 militants
                // were also killed").
                // (Unless joined to the last: "two raiders were killed and two civilians
                // were killed".)
                "kill"
                    if !deaths.is_empty()
                        && !last_kill
                            .is_some_and(|e| e <= n.start && matches!(fold(e, n.start).trim(), "and" | "et"))
                        && (toll::aside(lead_clause)
                            || toll::part_of(&f[self.text.folded_offset(n.end)..])
                            || self.text.folded_before(self.text.folded_offset(n.start), 4).ends_with("the ")
                            || value <= deaths.iter().map(|x| x.0).sum::<u32>() && !toll::adds(lead_clause, tail)) => {}
                "kill" => {
                    deaths.push((value, span, Some(span)));
                    last_kill = Some(c.end);
                }
                "injure" if d.injured.is_none() => d.injured = Some((value, span)),
                "arrest" if d.arrested.is_none() => d.arrested = Some((value, span)),
                _ => {}
            }
        }
        if d.fatalities.is_some() || deaths.is_empty() {
            return;
        }
        let mut seen: Vec<(usize, usize)> = Vec::new();
        let mut total: u32 = 0;
        for (value, _, number) in &deaths {
            if let Some(sp) = number {
                if seen.iter().any(|x| x.0 < sp.1 && sp.0 < x.1) {
                    continue;
                }
                seen.push(*sp);
            }
            total = total.saturating_add(*value);
        }
        // A death told twice with no number ("a man was shot dead … he died") is one.
        if deaths.iter().all(|x| x.2.is_none()) {
            total = deaths.iter().map(|x| x.0).max().unwrap_or(1);
        }
        d.fatalities = Some((total, Some(deaths[0].1)));
    }

    /// Whether `lead`, the folded text just before the count at `at`, ends with one person
    /// joined to the count by "and" ("a woman and [two children]"), named as an actor that
    /// starts at or after `from` (not "attacked the village and [two people]").
    fn one_person_joined(&self, lead: &str, at: usize, from: usize) -> bool {
        toll::one_joined_before(lead)
            && self.actors.iter().any(|a| {
                a.start >= from && a.end <= at && {
                    let gap = &self.text.folded()[self.text.folded_offset(a.end)..self.text.folded_offset(at)];
                    matches!(gap.trim(), "and" | "et")
                }
            })
    }

    /// The low end of a range that ends at `n` ("5-7 policemen", "15 to 16 people"): ACLED
    /// takes the conservative figure.
    fn range_low(&self, n: &sitrep_time::NumberMention) -> u64 {
        let low = self.numbers.iter().rev().find(|k| k.end <= n.start && n.start - k.end <= 4).filter(|k| {
            let between = &self.text.folded()[self.text.folded_offset(k.end)..self.text.folded_offset(n.start)];
            matches!(between.trim(), "-" | "to" | "or" | "a" | "ou")
        });
        low.map_or(n.value, |k| k.value.min(n.value))
    }

    /// Whether a kill cue names a death that is not the event's toll: what a protest or a
    /// revenge is about, a sentence, "killed or wounded".
    fn not_a_toll(&self, d: &Draft, lead: &str, tail: &str) -> bool {
        self.lang == "en" && toll::is_cause(lead, tail, self.protest(d))
    }

    /// Whether a draft is a protest or a riot, whose deaths told in a clause of cause are
    /// what it is about ("riots after local politician killed", "clashed with police after
    /// a domestic help was found dead").
    fn protest(&self, d: &Draft) -> bool {
        matches!(
            d.sub,
            SubEventType::PeacefulProtest
                | SubEventType::ProtestWithIntervention
                | SubEventType::ViolentDemonstration
                | SubEventType::MobViolence
        )
    }

    /// How many victims a kill cue with no number names one by one: its object named by
    /// an article ("killed a police officer", "a policeman and a civilian"), a determiner
    /// or, in a headline, a bare singular noun ("gunmen kill police officer"), or its
    /// subject ("the imam is murdered", "six-year-old boy killed"); not a crowd ("a mob
    /// killed"). 0 when it does not say.
    fn one_victim(&self, cue: &str, object: bool, bare: bool, before: &str, after: &str) -> u32 {
        if self.lang != "en" {
            0
        } else if object {
            toll::object_count(after, bare)
        } else if toll::participle(cue) {
            toll::subject_count(before)
        } else {
            0
        }
    }

    /// Claimed, alleged, denied or planned when a cue of the sentence says so before the
    /// trigger; who says it is the speaker named before the cue.
    fn status(&self, d: &mut Draft, cues: &[&Hit]) {
        let pack = self.engine.pack(&self.lang);
        for c in cues.iter().filter(|c| c.start < d.trigger.0 || c.start.saturating_sub(d.trigger.1) < 40) {
            // "Aucun groupe n'a revendiqué", "no group claimed": no claim.
            let lead = self.text.folded_before(self.text.folded_offset(c.start), 14);
            if ["n'a ", "n'ont ", "n'", "no ", "not ", "aucun "].iter().any(|n| lead.ends_with(n)) {
                continue;
            }
            let status = match pack.cues.entry(c.entry).key.as_str() {
                "claimed" => Status::Claimed,
                "alleged" => Status::Alleged,
                "denied" => Status::Denied,
                "planned" if c.start < d.trigger.0 => Status::Planned,
                _ => continue,
            };
            d.status = status;
            d.status_span = Some((c.start, c.end));
            let speaker = self.actors.iter().rev().find(|a| a.end <= c.start && !a.victim);
            d.claimed_by = match status {
                Status::Claimed => d.actor1.as_ref().or(speaker).map(|a| a.name.clone()),
                _ => speaker.map(|a| a.name.clone()),
            };
            break;
        }
        d.source = self.sources.iter().find(|s| s.start >= d.sentence.0 && s.end <= d.sentence.1).cloned();
    }

    /// A sentence that codes no event of its own (or one merged into an event told before)
    /// but tells a toll ("At least six are dead and scores injured.", "FATALITIES: 15")
    /// gives it to the event told before: its
    /// figure when it has none; else deaths that add to it ("6 militants were also
    /// killed", "2 more died at the hospital", "The army said it killed six militants"
    /// after one soldier killed), or a new total ("the death toll rose to six").
    fn followup_tolls(&self, drafts: &mut [Draft]) {
        let pack = self.engine.pack(&self.lang);
        let f = self.text.folded();
        for (si, &(s0, s1)) in self.sentences.iter().enumerate() {
            // The event this sentence told, merged into one told before; else the one
            // told just before it.
            let d = match drafts.iter().position(|d| d.sentence_index == si) {
                Some(j) if drafts[j].sentence.0 == s0 => continue,
                Some(j) => &mut drafts[j],
                None => match drafts.iter_mut().rev().find(|d| d.sentence_index < si) {
                    Some(d) if si <= d.sentence_index + 2 => d,
                    _ => continue,
                },
            };
            // A figure this sentence already gave (its own event merged into this one).
            if d.fatalities.is_some_and(|(_, span)| span.is_some_and(|(a, _)| a >= s0 && a < s1)) {
                continue;
            }
            let cues: Vec<&Hit> = self.cues.iter().filter(|c| c.start >= s0 && c.end <= s1).collect();
            // "Al Shabaab claims 7 dead": a claim is no toll; "in a road accident, killing
            // two": nor are the dead of an accident or a disease.
            let key = |c: &&Hit| pack.cues.entry(c.entry).key.as_str();
            if !cues.iter().any(|c| key(c) == "kill") || cues.iter().any(|c| matches!(key(c), "claimed" | "nonviolent"))
            {
                continue;
            }
            let mut scratch = d.clone();
            scratch.fatalities = None;
            self.quantities(&mut scratch, &cues, (s0, s1));
            let Some((m, span)) = scratch.fatalities.filter(|f| f.0 > 0) else { continue };
            let Some((k, _)) = d.fatalities.filter(|f| f.0 > 0) else {
                d.fatalities = Some((m, span));
                continue;
            };
            let sentence = &f[self.text.folded_offset(s0)..self.text.folded_offset(s1)];
            let at = span.map_or(s0, |x| x.0);
            let lead = &f[self.text.folded_offset(s0)..self.text.folded_offset(at)];
            let tail = &f[self.text.folded_offset(at)..self.text.folded_offset(s1)];
            // "At least 34 people died in the city, of which 27 …": a wider count; "the
            // five were from …": the dead told again.
            if sentence.contains("of which") || sentence.contains("of whom") || lead.ends_with("the ") {
                continue;
            }
            if toll::total(sentence) {
                d.fatalities = Some((k.max(m), if m > k { span } else { d.fatalities.and_then(|x| x.1) }));
            } else if (m > k || toll::adds(lead, tail))
                && !toll::hedged(sentence)
                && !toll::aside(lead)
                // "The victim, an old woman, was shot dead": one death told again.
                && span.is_some_and(|(a, b)| self.numbers.iter().any(|n| n.start == a && n.end == b))
            {
                d.fatalities = Some((k.saturating_add(m), d.fatalities.and_then(|x| x.1)));
            }
        }
    }

    /// A note that states its coding ("Fatalities coded as 0 (VoJ reported 4)", "Fatalities
    /// are split across 2 events (3)") gives the main event's figure: the conservative one
    /// the analyst settled on, not the claim beside it.
    fn coded_fatalities(&self, drafts: &mut [Draft]) {
        self.followup_tolls(drafts);
        let Some(main) = drafts.first_mut() else { return };
        let pack = self.engine.pack(&self.lang);
        let Some(cue) = self.cues.iter().find(|c| pack.cues.entry(c.entry).key == "coded") else { return };
        let split = pack.cues.entry(cue.entry).has("split");
        let chars: Vec<char> = self.text.slice(cue.end, (cue.end + 40).min(self.text.char_len())).chars().collect();
        let figure = self.numbers.iter().filter(|m| m.start >= cue.end && m.start <= cue.end + 30).find(|m| {
            // "split across 2 events (3)": the figure in brackets.
            !split || m.start > cue.end && chars.get(m.start - cue.end - 1) == Some(&'(')
        });
        if let Some(m) = figure {
            if let Ok(n) = u32::try_from(m.value) {
                main.fatalities = Some((n, Some((cue.start, m.end))));
            }
        }
    }

    /// A sentence without a trigger may still finish the previous event: "no casualties".
    fn attach_followups(&self, (s0, s1): (usize, usize), si: usize, drafts: &mut [Draft]) {
        let Some(last) = drafts.last_mut() else { return };
        if si != last.sentence_index + 1 {
            return;
        }
        let pack = self.engine.pack(&self.lang);
        let cues: Vec<&Hit> = self.cues.iter().filter(|c| c.start >= s0 && c.end <= s1).collect();
        if last.fatalities.is_none() {
            if let Some(z) = cues.iter().find(|c| pack.cues.entry(c.entry).key == "zero") {
                last.fatalities = Some((0, Some((z.start, z.end))));
            }
        }
    }

    /// Writes a draft out as a contract event.
    fn finish(&self, index: usize, mut d: Draft, inherited: Option<DateValue>) -> Event {
        let mut evidence = Vec::new();
        let mut ev = |field: &str, span: (usize, usize)| {
            evidence.push(Evidence {
                field: field.to_string(),
                start: span.0,
                end: span.1,
                text: self.text.slice(span.0, span.1).to_string(),
            });
        };
        ev("sub_event_type", d.trigger);
        // ACLED: an attack on civilians' property that the text says harmed no one
        // ("attacked the village and burned the school, no casualties") is property
        // destruction; on a post of armed forces, it stays a clash.
        if d.wrecked
            && d.sub == SubEventType::Attack
            && d.fatalities.is_some_and(|(n, _)| n == 0)
            && d.injured.is_none_or(|(n, _)| n == 0)
        {
            d.sub = SubEventType::LootingPropertyDestruction;
        }

        // Date: the sentence's own, else the one inherited from the event before (see
        // `events`), else the dateline: a day's dateline says the event is of about that
        // week, a month's or a year's keeps its own precision.
        let date = d.date.or(inherited.map(|v| (v, None))).or_else(|| {
            self.published().map(|p| {
                let p = p.truncate(Precision::Day);
                (DateValue { start: p, end: Some(p), precision: p.precision().max(Precision::Week) }, None)
            })
        });
        let mut background = d.background;
        let (event_date, precision) = match date {
            Some((v, span)) => {
                if let Some(s) = span {
                    ev("event_date", s);
                }
                if let Some(p) = self.published() {
                    if is_background(&v, p) {
                        background = true;
                    }
                }
                let day = v.event_date();
                let precision = match v.precision {
                    Precision::Time => Precision::Day,
                    p => p,
                };
                (Some(day.truncate(precision.max(Precision::Day)).to_string()), Some(precision))
            }
            None => (None, None),
        };

        // An event whose sentences name no place takes the nearest one the next or the
        // previous sentences name ("Gunmen killed three herders. The attack took place
        // near Garissa.").
        // Where the text names no place at all, a group named for its home town ("the
        // Mombasa Republican Council") acts there, as near as the text lets us say.
        let place = d.place.take().or_else(|| self.nearby_place(d.sentence_index)).or_else(|| {
            let home = self.named_in_actors.iter().find(|p| !p.is_country && !p.country.is_empty())?;
            Some(PlaceMention { geo_precision: home.geo_precision.max(2), ..home.clone() })
        });
        if let Some(p) = &place {
            ev("location", (p.start, p.end));
        }
        let country = place.as_ref().map(|p| p.country.clone()).or_else(|| self.country.clone());
        self.crowd_roles(&mut d, country.as_deref());
        let (actor1, inter1) = match &d.actor1 {
            Some(a) => {
                ev("actor1", (a.start, a.end));
                (Some(a.name.clone()), a.inter)
            }
            None if d.communal.is_some() && d.sub == SubEventType::ArmedClash => {
                (d.communal.map(|m| self.engine.actor_name(m, country.as_deref())), Some(4))
            }
            None => {
                // An unnamed author where the text names one armed group and no other
                // ("The device was likely planted by JNIM") is that group.
                let default = self.default_actor1(d.sub, country.as_deref());
                match (default.1 == Some(3)).then(|| self.sole_armed_group(d.actor2.as_ref())).flatten() {
                    Some(a) => {
                        ev("actor1", (a.start, a.end));
                        (Some(a.name.clone()), a.inter)
                    }
                    None => default,
                }
            }
        };
        // Workers or students attacked are civilians; they are protesters only when they
        // protest ("quarry workers were shot dead").
        if d.sub == SubEventType::Attack {
            if let Some(a) = d.actor2.as_mut().filter(|a| a.weak && a.inter == Some(6)) {
                a.name = self.engine.actor_name("Civilians ({country})", country.as_deref());
                a.inter = Some(7);
            }
        }
        let (actor2, inter2) = match &d.actor2 {
            Some(a) => {
                ev("actor2", (a.start, a.end));
                (Some(a.name.clone()), a.inter)
            }
            None => self.default_actor2(d.sub, country.as_deref()),
        };
        let assoc_actor_1 = d.assoc1.as_ref().map(|a| {
            ev("assoc_actor_1", (a.start, a.end));
            a.name.clone()
        });
        let inter1 = external(inter1, d.actor1.as_ref(), country.as_deref());
        let inter2 = external(inter2, d.actor2.as_ref(), country.as_deref());
        if let Some((_, Some(s))) = d.fatalities {
            ev("fatalities", s);
        }
        if let Some((_, s)) = d.injured {
            ev("injured", s);
        }
        if let Some((_, s)) = d.arrested {
            ev("arrested", s);
        }
        if let Some(s) = d.status_span {
            ev("status", s);
        }
        if let Some(s) = &d.source {
            ev("source", (s.start, s.end));
        }
        // A peaceful protest kills no one: deaths in its sentence are what it is about.
        if matches!(d.sub, SubEventType::PeacefulProtest | SubEventType::ProtestWithIntervention) {
            d.fatalities = Some((0, None));
        }
        let mut confidence: f64 = 0.4;
        confidence += if d.generic { 0.05 } else { 0.15 };
        confidence += if place.is_some() { 0.15 } else { 0.0 };
        confidence += if d.date.is_some() { 0.1 } else { 0.0 };
        confidence += if d.actor1.is_some() { 0.1 } else { 0.0 };
        let id_basis = format!("{}\u{0}{}\u{0}{}\u{0}{}", self.doc.id, d.sentence.0, d.trigger.0, index);
        Event {
            event_id: sitrep_core::Document::stable_id(&id_basis, None),
            doc_id: self.doc.id.clone(),
            event_date,
            date_precision: precision,
            event_type: d.sub.event_type().as_str(),
            sub_event_type: d.sub.as_str(),
            actor1,
            assoc_actor_1,
            inter1,
            actor2,
            assoc_actor_2: None,
            inter2,
            country,
            admin1: place.as_ref().and_then(|p| p.admin1.clone()),
            admin2: place.as_ref().and_then(|p| p.admin2.clone()),
            location: place.as_ref().map(|p| p.name.clone()),
            latitude: place.as_ref().map(|p| p.latitude),
            longitude: place.as_ref().map(|p| p.longitude),
            geo_precision: place.as_ref().map(|p| p.geo_precision),
            geonames_id: place.as_ref().and_then(|p| p.geonames_id),
            fatalities: d.fatalities.map_or(0, |f| f.0),
            fatalities_known: d.fatalities.is_some(),
            injured: d.injured.map(|i| i.0),
            arrested: d.arrested.map(|a| a.0),
            status: d.status,
            claimed_by: d.claimed_by,
            source: d.source.map(|s| s.name).or_else(|| self.doc.source.clone()),
            background,
            confidence: confidence.min(1.0),
            evidence,
            sentence: self.text.slice(d.sentence.0, d.sentence.1).to_string(),
            sources: vec![SourceRef {
                doc_id: self.doc.id.clone(),
                sentence_start: d.sentence.0,
                sentence_end: d.sentence.1,
            }],
        }
    }

    /// People who demonstrate are protesters, people who riot are rioters, whatever the
    /// text first called them ("residents", "students", a party's members); a named party
    /// becomes their associate.
    fn crowd_roles(&self, d: &mut Draft, country: Option<&str>) {
        use SubEventType::*;
        let (kind, inter) = match d.sub {
            PeacefulProtest | ProtestWithIntervention | ExcessiveForceAgainstProtesters => ("Protesters", 6),
            ViolentDemonstration | MobViolence => ("Rioters", 5),
            _ => return,
        };
        let name = self.engine.actor_name(&format!("{kind} ({{country}})"), country);
        let protest = inter == 6;
        // In a protest the people named are the protesters, and the forces that act are
        // who intervened: "police dispersed traders who protested" is the traders' protest.
        if protest && d.actor2.as_ref().is_some_and(|a| a.victim || matches!(a.inter, Some(5..=7))) {
            d.actor2 = None;
        }
        if protest && d.actor1.as_ref().is_some_and(|a| matches!(a.inter, Some(1) | Some(8))) {
            d.actor2 = d.actor1.take();
        }
        // A riot's first side is the rioters: "rioters were shot by police" names the
        // police second.
        if !protest
            && d.actor1.as_ref().is_some_and(|a| matches!(a.inter, Some(1) | Some(8)))
            && d.actor2.as_ref().is_some_and(|a| matches!(a.inter, Some(5..=7)))
        {
            std::mem::swap(&mut d.actor1, &mut d.actor2);
        }
        let Some(a1) = d.actor1.take() else { return };
        if a1.inter == Some(inter) || !(matches!(a1.inter, Some(5..=7)) || a1.riot) {
            d.actor1 = Some(a1);
            return;
        }
        if a1.riot && d.assoc1.is_none() {
            d.assoc1 = Some(a1.clone());
        }
        d.actor1 = Some(ActorMention { name, inter: Some(inter), riot: false, ..a1 });
    }

    /// The one named armed group (ACLED inter 2) the text names, other than `other`,
    /// when it names exactly one.
    fn sole_armed_group(&self, other: Option<&ActorMention>) -> Option<&ActorMention> {
        let mut groups = self.actors.iter().filter(|a| {
            a.inter == Some(2)
                && a.rule_has_no_template
                && !a.victim
                && !a.riot
                && other.is_none_or(|o| o.name != a.name)
        });
        let first = groups.next()?;
        groups.all(|a| a.name == first.name).then_some(first)
    }

    /// Who is acted upon when the text does not say: violence against civilians is,
    /// by definition, against civilians, and so is property or a public place hit with
    /// no target named.
    fn default_actor2(&self, sub: SubEventType, country: Option<&str>) -> (Option<String>, Option<u8>) {
        use SubEventType::*;
        match sub {
            // Property wrecked or a bomb or grenade set off with no target named: ACLED
            // counts what was hit as civilians'.
            Attack
            | AbductionForcedDisappearance
            | SexualViolence
            | LootingPropertyDestruction
            | RemoteExplosiveLandmineIed
            | Grenade => (Some(self.engine.actor_name("Civilians ({country})", country)), Some(7)),
            _ => (None, None),
        }
    }

    /// Who acts when the text does not say: the usual actor of the event type.
    fn default_actor1(&self, sub: SubEventType, country: Option<&str>) -> (Option<String>, Option<u8>) {
        use SubEventType::*;
        let (template, inter) = match sub {
            PeacefulProtest | ProtestWithIntervention | ExcessiveForceAgainstProtesters => {
                ("Protesters ({country})", 6)
            }
            ViolentDemonstration | MobViolence => ("Rioters ({country})", 5),
            Attack
            | AbductionForcedDisappearance
            | SexualViolence
            | ArmedClash
            | RemoteExplosiveLandmineIed
            | Grenade
            | SuicideBomb
            | ShellingArtilleryMissileAttack
            | LootingPropertyDestruction => ("Unidentified Armed Group ({country})", 3),
            Arrests => ("Police Forces of {country}", 1),
            _ => return (None, None),
        };
        (Some(self.engine.actor_name(template, country)), Some(inter))
    }
}

/// "Civilians (Kenya)" acting as a crowd are "Rioters (Kenya)".
/// The militia ACLED names for an unnamed side of a communal fight, by the word that
/// tells it is one (a word of [`COMMUNAL`]): ethnic or tribal, a clan's, or a community's.
fn communal_militia(word: &str) -> &'static str {
    if word.contains("ethni") || word.starts_with("trib") {
        "Unidentified Ethnic Militia ({country})"
    } else if word.contains("clan") {
        "Unidentified Clan Militia ({country})"
    } else {
        "Unidentified Communal Militia ({country})"
    }
}

/// People usually acted upon ("villagers", "traders") who are seen acting: the crowd
/// ACLED names rioters; herders and pastoralists, their community's militia.
fn as_rioters(a: &ActorMention) -> ActorMention {
    if a.communal {
        let name = match a.name.find(" (") {
            Some(i) => format!("Unidentified Communal Militia{}", &a.name[i..]),
            None => "Unidentified Communal Militia".to_string(),
        };
        return ActorMention { name, inter: Some(4), victim: false, ..a.clone() };
    }
    ActorMention { name: rioters_name(&a.name), inter: Some(5), victim: false, ..a.clone() }
}

fn rioters_name(name: &str) -> String {
    match name.find('(') {
        Some(i) => format!("Rioters {}", &name[i..]),
        None => "Rioters".to_string(),
    }
}

/// ACLED codes a state's forces acting outside their country as external forces (8).
fn external(inter: Option<u8>, actor: Option<&ActorMention>, country: Option<&str>) -> Option<u8> {
    match (inter, actor.and_then(|a| a.country.as_deref()), country) {
        (Some(1), Some(own), Some(here)) if own != here => Some(8),
        _ => inter,
    }
}

/// Whether an event dated `v` is history under a dateline of `published`.
fn is_background(v: &DateValue, published: PartialDate) -> bool {
    let end = v.end.unwrap_or(v.start);
    let event_last_day = match end.precision() {
        Precision::Year => PartialDate::day(end.year_num(), 12, 31).map(|d| d.days()),
        Precision::Month => end
            .month_num()
            .and_then(|m| PartialDate::day(end.year_num(), m, sitrep_core::days_in_month(end.year_num(), m)))
            .map(|d| d.days()),
        _ => Some(end.days()),
    };
    event_last_day.is_some_and(|last| published.days() - last > BACKGROUND_DAYS)
}

/// Whether two events' places can be one place: the same, or one of them unknown or only
/// a country.
fn compatible_place(a: &Option<PlaceMention>, b: &Option<PlaceMention>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => {
            x.name == y.name && x.country == y.country || x.is_country || y.is_country || within(x, y) || within(y, x)
        }
        _ => true,
    }
}

/// Whether place `p` lies in `area`, a first-order division named as such ("in Tana
/// River … in Garsen").
fn within(p: &PlaceMention, area: &PlaceMention) -> bool {
    area.feature == "ADM1"
        && p.country == area.country
        && p.geo_precision < area.geo_precision
        && p.admin1.is_some()
        && p.admin1 == area.admin1
}

/// Makes the force (state forces acting) that `from` names the other side of the
/// protest `into`, unless `into` already has one that is not its own people.
fn take_force(into: &mut Draft, from: &Draft) {
    if into.actor2.as_ref().is_none_or(|a| a.victim || matches!(a.inter, Some(5..=7))) {
        let force = [&from.actor1, &from.actor2]
            .into_iter()
            .flatten()
            .find(|a| !a.victim && matches!(a.inter, Some(1) | Some(8)));
        if let Some(f) = force {
            into.actor2 = Some(f.clone());
        }
    }
}

/// Fills what `into` lacks from `from`.
fn fill(into: &mut Draft, from: Draft) {
    // Who claims an attack carried it out ("The Taliban claimed responsibility").
    if from.status == Status::Claimed && into.status != Status::Claimed {
        if let Some(claimer) = from.actor1.clone().filter(|a| from.claimed_by.as_deref() == Some(a.name.as_str())) {
            if into.actor2.is_none() && into.actor1.as_ref().is_some_and(|a| a.name != claimer.name) {
                into.actor2 = into.actor1.take();
            }
            into.actor1 = Some(claimer);
        }
    }
    // (Not the date a claim was made on: "the following morning al Shabaab claimed…".)
    if into.date.is_none() && from.status != Status::Claimed {
        into.date = from.date;
        into.own_date |= from.own_date;
    }
    // (A town inside the area told first places the event more precisely.)
    let finer = matches!((&into.place, &from.place), (Some(area), Some(p)) if within(p, area));
    if into.place.is_none() || into.place.as_ref().is_some_and(|p| p.is_country) && from.place.is_some() || finer {
        into.place = from.place.or(into.place.take());
    }
    // A role is filled only by an actor that does not already play the other one. (Two
    // communities' militias unnamed are two sides of one name.)
    let other = |a: &Option<ActorMention>, b: &Option<ActorMention>| {
        a.as_ref().zip(b.as_ref()).is_some_and(|(x, y)| x.name == y.name && !(x.communal && y.communal))
    };
    if into.actor1.is_none() && !other(&from.actor1, &into.actor2) {
        into.actor1 = from.actor1;
    }
    if into.actor2.is_none() && !other(&from.actor2, &into.actor1) {
        into.actor2 = from.actor2;
    }
    if other(&into.actor1, &into.actor2) {
        into.actor2 = None;
    }
    into.assoc1 = into.assoc1.take().or(from.assoc1);
    into.fatalities = into.fatalities.or(from.fatalities);
    into.injured = into.injured.or(from.injured);
    into.arrested = into.arrested.or(from.arrested);
    if into.status == Status::Reported && from.status != Status::Reported {
        into.status = from.status;
        into.status_span = from.status_span;
        into.claimed_by = from.claimed_by;
    }
    into.source = into.source.take().or(from.source);
    into.background |= from.background;
}

/// A party that announces its own successes goes on claiming them: an event of the next
/// sentences acted by the party whose claim came just before, with no cue of its own, is
/// claimed by that party too ("Le Hachd a annoncé avoir déjoué … Dans la ville de Mossoul,
/// le Hachd a arrêté …").
fn continue_claims(drafts: &mut [Draft]) {
    let mut last: Option<(String, usize)> = None;
    for d in drafts.iter_mut() {
        match d.status {
            Status::Claimed => {
                last = d.claimed_by.clone().map(|c| (c, d.sentence_index));
            }
            Status::Reported => {
                if let Some((claimer, at)) = &last {
                    let same = d.actor1.as_ref().is_some_and(|a| &a.name == claimer);
                    if same && d.sentence_index <= at + 2 && d.status_span.is_none() {
                        d.status = Status::Claimed;
                        d.claimed_by = Some(claimer.clone());
                        last = Some((claimer.clone(), d.sentence_index));
                    }
                }
            }
            _ => last = None,
        }
    }
}

/// Merges the sentences that describe one event: an event of the next sentences with no
/// date of its own, of a related type and no other place, continues the one before
/// ("une attaque ... ce mercredi" then "un engin explosif a explosé près du convoi").
/// How many sentences on "the attack" may still name the attack told before: a news
/// story comes back to its event after its background and its reactions.
const ANAPHORA_SPAN: usize = 12;

fn merge_document(drafts: Vec<Draft>) -> Vec<Draft> {
    let mut out: Vec<Draft> = Vec::with_capacity(drafts.len());
    for d in drafts {
        if let Some(modifier) = d.modifier {
            let protest =
                out.last_mut().filter(|p| protest_rank(p.sub).is_some() && d.sentence_index <= p.sentence_index + 2);
            match protest {
                Some(p) => {
                    if protest_rank(modifier) > protest_rank(p.sub) {
                        p.sub = modifier;
                    }
                    // "… Police fired tear gas.": the force that broke the protest up is
                    // its other side.
                    take_force(p, &d);
                    p.sentence_index = d.sentence_index;
                }
                None if d.sub == SubEventType::MobViolence => out.push(d),
                // "Police dispersed Jubilee supporters": a gathering dispersed is a
                // protest met with intervention, though no protest word names it.
                None if [&d.actor1, &d.actor2]
                    .into_iter()
                    .flatten()
                    .any(|a| a.riot || matches!(a.inter, Some(5) | Some(6))) =>
                {
                    let mut d = d;
                    d.sub = modifier;
                    d.modifier = None;
                    out.push(d);
                }
                None => {}
            }
            continue;
        }
        // "Saturday's gun battle" names the battle told before, even with another event
        // told in between.
        let told = (d.definite && violent(d.sub))
            .then(|| {
                out.iter().rposition(|p| {
                    (violent(p.sub) && (d.sub == p.sub || d.generic || p.generic) || rioting(p.sub, &d))
                        && d.sentence_index <= p.sentence_index + ANAPHORA_SPAN
                })
            })
            .flatten();
        if let Some(prev) = told.or(out.len().checked_sub(1)).map(|i| &mut out[i]) {
            // "the attack" a few sentences on is the attack told before.
            let anaphora = d.definite
                && violent(d.sub)
                && (violent(prev.sub) && (d.sub == prev.sub || d.generic || prev.generic) || rioting(prev.sub, &d));
            let close = d.sentence_index <= prev.sentence_index + if anaphora { ANAPHORA_SPAN } else { 2 };
            let protests = protest_rank(d.sub).is_some() && protest_rank(prev.sub).is_some();
            // "… assaulted the demonstrators. 10 people were injured in the assault": the
            // violence named again is the intervention already told, not a riot.
            let intervention_told = d.definite
                && matches!(
                    prev.sub,
                    SubEventType::ProtestWithIntervention | SubEventType::ExcessiveForceAgainstProtesters
                )
                && matches!(d.sub, SubEventType::Attack | SubEventType::MobViolence | SubEventType::ArmedClash);
            // Protesters who then burn, wreck or fight make the protest a riot.
            let riot_after_protest = !intervention_told
                && protest_rank(prev.sub).is_some()
                && (d.sub == SubEventType::LootingPropertyDestruction
                    || d.sub == SubEventType::MobViolence
                    || d.sub == SubEventType::ArmedClash);
            // A later sentence of lower precedence without a date of its own ("2 people
            // were arrested") tells more of the same event.
            let follow_up = type_rank(d.sub) < type_rank(prev.sub);
            let riot_fight = anaphora && rioting(prev.sub, &d);
            // "… clashed with police in Savar. 1 person was killed.": the toll of the
            // event just told, not an attack of its own.
            let toll = d.casualties_only
                && d.sentence_index == prev.sentence_index + 1
                && (violent(prev.sub)
                    || matches!(
                        prev.sub,
                        SubEventType::MobViolence
                            | SubEventType::ViolentDemonstration
                            | SubEventType::ExcessiveForceAgainstProtesters
                    ));
            // "militants held a checkpoint … One man was shot": the checkpoint is where
            // the violence that follows happened, not an event of its own.
            // "A gun battle between the army and drug hitmen … The army was met by hitmen
            // lobbing grenades": the same two sides fighting again in the next sentence
            // are the same fight.
            // A side one sentence leaves unnamed may be the one the next names.
            let same_sides = violent(d.sub) && violent(prev.sub) && {
                fn names(x: &Draft) -> Vec<&str> {
                    [&x.actor1, &x.actor2].into_iter().flatten().map(|a| a.name.as_str()).collect()
                }
                let (p, n) = (names(prev), names(&d));
                let open = 2 - p.len();
                let new = n.iter().filter(|x| !p.contains(x)).count();
                n.iter().any(|x| p.contains(x)) && new <= open
            };
            let setting = prev.sub == SubEventType::ChangeToGroupActivity
                && !prev.kicker
                && (violent(d.sub) || d.sub == SubEventType::LootingPropertyDestruction);
            // "… abducted a councillor. Two days later they beheaded him.": ACLED codes an
            // abduction whose victim is killed as one attack.
            let abducted_then_killed =
                prev.sub == SubEventType::AbductionForcedDisappearance && d.sub == SubEventType::Attack && {
                    let (p1, d1) = (prev.actor1.as_ref(), d.actor1.as_ref());
                    p1.is_none() || d1.is_none() || p1.map(|a| &a.name) == d1.map(|a| &a.name)
                };
            // "Riots broke out in Kisumu. Police shot one dead as they intervened.": those
            // the police kill quelling a riot are the riot's toll, as ACLED codes it.
            let quelled = matches!(prev.sub, SubEventType::ViolentDemonstration | SubEventType::MobViolence)
                && d.sub == SubEventType::Attack
                && d.actor1.as_ref().is_some_and(|a| !a.victim && a.inter == Some(1))
                && prev.actor2.as_ref().is_none_or(|f| d.actor1.as_ref().is_some_and(|a| a.name == f.name))
                && d.actor2.as_ref().is_none_or(|v| v.inter == Some(7));
            let related = d.sub == prev.sub
                || quelled
                || intervention_told
                || abducted_then_killed
                || same_sides
                || setting
                || riot_fight
                || toll
                || protests
                || riot_after_protest
                || follow_up
                || (prev.generic || d.generic) && violent(d.sub) && violent(prev.sub);
            // A headline with no date and the lead that dates it tell one event.
            let headline = !prev.own_date && d.sub == prev.sub && d.sentence_index == prev.sentence_index + 1;
            // "Saturday's gun battle": a reference that repeats the event's own date.
            let same_date = anaphora && d.date.map(|x| x.0) == prev.date.map(|x| x.0);
            // "The following morning al Shabaab claimed responsibility for the attack": a
            // claim is dated by when it was made, the attack by when it happened.
            let claim_told = anaphora && d.status == Status::Claimed;
            // One sentence's words for a protest tell one protest, wherever the people
            // come from ("teachers from Wajir staged protests in Nairobi").
            let one_protest = protests && d.sentence_index == prev.sentence_index;
            if close
                && related
                && (!d.own_date || headline || same_date || abducted_then_killed || claim_told)
                && (compatible_place(&prev.place, &d.place) || one_protest)
                && !d.background
            {
                if one_protest && !compatible_place(&prev.place, &d.place) && d.place_locative && !prev.place_locative {
                    prev.place = d.place.clone();
                    prev.place_locative = true;
                }
                let mut sub = prev.sub;
                if abducted_then_killed
                    || prev.sub == SubEventType::AbductionForcedDisappearance && d.fatalities.is_some_and(|f| f.0 > 0)
                {
                    sub = SubEventType::Attack;
                } else if quelled {
                    take_force(prev, &d);
                    prev.actor2 = prev.actor2.take().or_else(|| d.actor1.clone());
                } else if riot_fight
                    && prev.sub == SubEventType::LootingPropertyDestruction
                    && d.fatalities.is_some_and(|f| f.0 > 0)
                {
                    // "… set fire to a village. An infant died in the attack.": people
                    // killed make the destruction an attack.
                    sub = d.sub;
                } else if riot_fight || toll || intervention_told {
                    // The riot stays a riot; the event keeps its kind.
                } else if riot_after_protest {
                    sub = SubEventType::ViolentDemonstration;
                } else if protests {
                    sub = if protest_rank(d.sub) > protest_rank(prev.sub) { d.sub } else { prev.sub };
                } else if prev.sub == SubEventType::PeacefulProtest && d.sub == SubEventType::Arrests {
                    // "Police forces arrested 12 of them": arrests at a protest are the
                    // authorities' intervention in it.
                    sub = SubEventType::ProtestWithIntervention;
                } else if setting {
                    sub = d.sub;
                    prev.prio = d.prio;
                    prev.generic = d.generic;
                    prev.trigger = d.trigger;
                } else if prev.generic && !d.generic && !follow_up {
                    sub = d.sub;
                    prev.prio = d.prio;
                    prev.generic = false;
                    prev.trigger = d.trigger;
                }
                // "… Police used tear gas against the protesters.": the force a later
                // sentence names is the protest's other side.
                if protests || riot_after_protest {
                    take_force(prev, &d);
                }
                let last_index = d.sentence_index;
                fill(prev, d);
                prev.sub = sub;
                // "Militants attacked Fino. Four police killed.": who the toll names may
                // decide what the attack was.
                if toll && prev.generic {
                    prev.sub = generic_sub(prev);
                }
                prev.sentence_index = last_index;
                continue;
            }
        }
        out.push(d);
    }
    out
}

/// ACLED's precedence between event types when one report fits several: remote violence,
/// then fighting and violence against people, then protests, then the rest.
/// A generic word's sub-type, decided by who was attacked: armed or state forces make it a
/// clash, anyone else an attack on civilians.
fn generic_sub(d: &Draft) -> SubEventType {
    match &d.actor2 {
        Some(a) if matches!(a.inter, Some(1..=4) | Some(8)) => SubEventType::ArmedClash,
        _ if d.sub == SubEventType::Attack || d.sub == SubEventType::ArmedClash => SubEventType::Attack,
        _ => d.sub,
    }
}

/// The words of folded text `s`, split at anything but ASCII letters and digits.
fn ascii_words(s: &str) -> impl DoubleEndedIterator<Item = &str> {
    s.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty())
}

/// Whether `d`, a fight named with a definite article ("in the clash"), may be the riot
/// `prev` told before: rioters who clash fight, and ACLED codes the fight as the riot.
fn rioting(prev: SubEventType, d: &Draft) -> bool {
    matches!(prev, SubEventType::MobViolence | SubEventType::ViolentDemonstration)
        && (d.generic || d.sub == SubEventType::ArmedClash)
        // "Property destruction: fighters attacked the village … killed in the attack":
        // the attack named again is the destruction told.
        || prev == SubEventType::LootingPropertyDestruction && d.generic
}

fn type_rank(s: SubEventType) -> u8 {
    use sitrep_core::EventType::*;
    match s.event_type() {
        ExplosionsRemoteViolence => 5,
        Battles | ViolenceAgainstCivilians | Riots => 4,
        Protests => 3,
        StrategicDevelopments if s == SubEventType::DisruptedWeaponsUse => 2,
        StrategicDevelopments => 1,
    }
}

/// Which of two triggers of one event decides its type: the event type ACLED ranks first,
/// then a specific trigger over a generic one, then the trigger's own priority.
fn precedence(d: &Draft) -> (u8, bool, u32) {
    (type_rank(d.sub), !d.generic, d.prio)
}

/// How far a protest went, for merging the sentences that describe one.
fn protest_rank(s: SubEventType) -> Option<u8> {
    match s {
        SubEventType::PeacefulProtest => Some(0),
        SubEventType::ProtestWithIntervention => Some(1),
        SubEventType::ExcessiveForceAgainstProtesters => Some(2),
        SubEventType::ViolentDemonstration => Some(3),
        _ => None,
    }
}

fn violent(s: SubEventType) -> bool {
    use sitrep_core::EventType::*;
    matches!(s.event_type(), Battles | ExplosionsRemoteViolence | ViolenceAgainstCivilians)
}

/// The first `n` characters of `s` (all of it when shorter).
fn first_chars(s: &str, n: usize) -> &str {
    // No more bytes than `n`, or `n` ASCII bytes first: `n` bytes are `n` characters.
    if s.len() <= n {
        return s;
    }
    if s.as_bytes()[..n].is_ascii() {
        return &s[..n];
    }
    s.char_indices().nth(n).map_or(s, |(i, _)| &s[..i])
}

/// Whether one of `needles` occurs in `hay` with at most `words` words after it: what
/// `needles.iter().any(|n| hay.rfind(n).is_some_and(|i| hay[i + n.len()..].split_whitespace().count() <= words))`
/// tells (an earlier occurrence has no fewer words after it than the last one), in one
/// pass over `hay`.
fn ends_near(hay: &str, needles: &[&str], words: usize) -> bool {
    let mut first = [false; 256];
    for n in needles {
        first[usize::from(n.as_bytes()[0])] = true;
    }
    let h = hay.as_bytes();
    (0..h.len()).rev().any(|i| {
        first[usize::from(h[i])]
            && needles.iter().any(|n| {
                // (The first byte before the slice compare, which is a call to `memcmp`.)
                n.as_bytes()[0] == h[i]
                    && h[i..].starts_with(n.as_bytes())
                    && hay[i + n.len()..].split_whitespace().count() <= words
            })
    })
}

/// `hay.rfind(needle)`, without building a searcher for the needle: the short heads of
/// sentences this is asked of are scanned back for the needle's first byte.
fn rfind_str(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some(&b) = n.first() else {
        return Some(h.len());
    };
    if n.len() > h.len() {
        return None;
    }
    // (A match of a whole needle starts on a character boundary, as `rfind`'s do.)
    memchr::memrchr_iter(b, &h[..=h.len() - n.len()]).find(|&i| h[i..].starts_with(n))
}

/// Where the first marker of [`TOPIC`] occurs in `hay`: the smallest of their `find`s.
/// Every marker opens on a space and has a second byte: only the places of a space are
/// looked at (found by memchr), and at each only the markers whose second byte follows
/// it, from a table made once.
fn first_topic(hay: &str) -> Option<usize> {
    static BY_SECOND: std::sync::OnceLock<Vec<Vec<&'static str>>> = std::sync::OnceLock::new();
    let by_second = BY_SECOND.get_or_init(|| {
        let mut t = vec![Vec::new(); 256];
        for m in TOPIC {
            t[usize::from(m.as_bytes()[1])].push(*m);
        }
        t
    });
    let h = hay.as_bytes();
    memchr::memchr_iter(b' ', h).find(|&i| {
        h.get(i + 1).is_some_and(|&c| by_second[usize::from(c)].iter().any(|m| h[i..].starts_with(m.as_bytes())))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cue_words_end_a_lead_from_a_word_start() {
        assert!(ends_with_words("two men were ", "were "));
        assert!(ends_with_words("were ", "were "));
        assert!(!ends_with_words("with a machete ", "ete "));
        assert!(!ends_with_words("by unarmed ", "armed "));
        assert!(ends_with_words("l'appui des ", "appui des "));
        // A cue that opens with a space says where its word starts itself.
        assert!(ends_with_words("the town of ", " of "));
    }

    #[test]
    fn first_chars_counts_characters() {
        fn slow(s: &str, n: usize) -> &str {
            s.char_indices().nth(n).map_or(s, |(i, _)| &s[..i])
        }
        for s in ["", "abc", "été là-bas", "killed 3 people in Kisumu", "ab\u{301}c"] {
            for n in 0..12 {
                assert_eq!(first_chars(s, n), slow(s, n), "{s:?} {n}");
            }
        }
    }

    #[test]
    fn first_topic_is_the_first_find() {
        assert!(TOPIC.iter().all(|m| m.len() >= 2 && m.starts_with(' ')), "every topic marker opens on a space");
        let hays = [
            "",
            " ",
            "x",
            "protest against the levy, over it",
            " over",
            "ends with a",
            "éte  after ",
            "  in  in protest of  the ban after",
            "manifestation pour denoncer la vie chere, apres",
        ];
        for hay in hays {
            let reference = TOPIC.iter().filter_map(|n| hay.find(n)).min();
            assert_eq!(first_topic(hay), reference, "{hay:?}");
        }
    }

    #[test]
    fn rfind_str_is_rfind() {
        for hay in ["", "a", "protest ahead of the rally ahead of ", "été là été", " during  during", "ab"] {
            for needle in ["", "a", " ahead of ", "été", " during ", "ab", "abc", "é"] {
                assert_eq!(rfind_str(hay, needle), hay.rfind(needle), "{hay:?} {needle:?}");
            }
        }
    }

    #[test]
    fn ends_near_agrees_with_the_last_match_of_each_needle() {
        let reference = |hay: &str, needles: &[&str], words: usize| {
            needles.iter().any(|n| hay.rfind(n).is_some_and(|i| hay[i + n.len()..].split_whitespace().count() <= words))
        };
        let hays = [
            "police killed two bandits after they attacked",
            " after the raid after they had long been attacking the villages",
            "suite a l'attaque apres",
            "a été tué après l'été",
            "",
            "after",
        ];
        for hay in hays {
            for words in 0..5 {
                for needles in [CAUSE_CLAUSES, &["after", "été", " a"][..]] {
                    assert_eq!(ends_near(hay, needles, words), reference(hay, needles, words), "{hay:?} {words}");
                }
            }
        }
    }
}
