use sitrep_core::{Annotation, Document, Mention, MentionKind, PartialDate, Span};
use sitrep_geo::PlaceMention;
use sitrep_lexicon::Hit;
use sitrep_text::Text;
use sitrep_time::{DateMention, NumberMention};

use crate::lexicons::{Engine, LangPack};

/// An actor named in the text, resolved to its canonical name.
#[derive(Clone, Debug, PartialEq)]
pub struct ActorMention {
    pub start: usize,
    pub end: usize,
    pub name: String,
    pub inter: Option<u8>,
    /// The country the name was resolved with, when it has one.
    pub country: Option<String>,
    /// Acted upon rather than acting: people (civilians, villagers) or a target that
    /// stands for its force (a checkpoint, a police station).
    pub victim: bool,
    /// Needs another cue to count as an actor ("students", "workers").
    pub weak: bool,
    /// A party or its wing, whose members' violence ACLED codes as rioting.
    pub riot: bool,
    /// The country a named group belongs to, when it has one.
    pub home: Option<String>,
    /// Whether the lexicon names this actor itself ("Taliban") rather than a kind of
    /// actor resolved to a country ("soldiers" → "Military Forces of Kenya").
    pub rule_has_no_template: bool,
    /// People of a way of life tied to a community ("herders", "pastoralists"): acted
    /// upon they are civilians; acting as a body they are their community's militia,
    /// not a mob (`acting=militia` in the lexicon).
    pub communal: bool,
    /// `lexicon:line` of the entry that matched.
    pub rule: String,
}

/// A document read through every tagger: the layer below events.
#[derive(Debug)]
pub struct Analysis<'e, 'd> {
    pub(crate) engine: &'e Engine,
    pub(crate) doc: &'d Document,
    pub(crate) text: Text<'d>,
    pub(crate) lang: String,
    pub(crate) sentences: Vec<(usize, usize)>,
    /// Every time expression, for the annotation.
    pub(crate) times: Vec<DateMention>,
    /// The calendar dates among them, for coding.
    pub(crate) dates: Vec<DateMention>,
    pub(crate) numbers: Vec<NumberMention>,
    pub(crate) places: Vec<PlaceMention>,
    /// Places named inside an actor's name ("Mombasa Republican Council"): the group's
    /// home, not places of the text.
    pub(crate) named_in_actors: Vec<PlaceMention>,
    pub(crate) actors: Vec<ActorMention>,
    pub(crate) sources: Vec<ActorMention>,
    pub(crate) triggers: Vec<Hit>,
    pub(crate) cues: Vec<Hit>,
    /// The document's country (ISO 3166-1 alpha-2), from the places and adjectives it names.
    pub(crate) country: Option<String>,
    /// The spans of places that stray far from the country the rest of the document tells
    /// (see [`stray_places`]): named in the text, but no place for its events.
    pub(crate) strays: Vec<(usize, usize)>,
}

impl Engine {
    /// Runs the text layer and every tagger over `doc`.
    pub fn analyze<'e, 'd>(&'e self, doc: &'d Document) -> Analysis<'e, 'd> {
        let text = Text::new(&doc.text);
        let lang = match &doc.lang {
            Some(l) => l.code().to_string(),
            None => sitrep_text::identify(&text).code.unwrap_or("en").to_string(),
        };
        let pack = self.pack(&lang);
        let sentences = sitrep_text::sentences(&text);
        // Every time expression is annotated (durations, sets and vague references too);
        // only calendar dates can date an event.
        let (times, mut numbers) = sitrep_time::tag_times_and_numbers(&text, &lang, doc.published);
        numbers.retain(|n| !times.iter().any(|d| d.start < n.end && n.start < d.end));
        let dates: Vec<DateMention> = times.iter().filter(|d| d.is_date()).cloned().collect();
        // Adjectives ("irakien", "American") stay place mentions in the annotation, but only
        // count as evidence of a country for coding (see `coder`).
        let demonyms = sitrep_geo::country_evidence(&text, &lang);
        let [cues, actor_hits, triggers] = pack.all.find(&text);
        // The countries of named groups, and of the names a `country` cue says belong to
        // one country's politics (a party, a leader): weak evidence, for texts that name
        // no place.
        let country_cues = cues.iter().map(|h| pack.cues.entry(h.entry)).filter(|e| e.key == "country");
        let homes: Vec<&'static str> = actor_hits
            .iter()
            .map(|h| pack.actors.entry(h.entry))
            .chain(country_cues)
            .filter_map(|e| e.attr("country"))
            .filter_map(|c| self.country_code(c))
            .collect();
        // A group or name of one country's politics weighs, for a place name found in
        // several countries, as that country's adjective would ("Ansaroul Islam
        // militants raided the village of Ariel").
        let mut hints = homes.clone();
        hints.sort_unstable();
        hints.dedup();
        let mut places = sitrep_geo::find_places_with_evidence(&text, self.gazetteer, &hints, &demonyms);
        // A name the lexicon says is a party or a leader ("Jubilee", "Odinga") is no place
        // of the same name abroad.
        places.retain(|p| {
            !cues.iter().any(|h| h.start < p.end && p.start < h.end && pack.cues.entry(h.entry).key == "country")
        });
        let mut sources = find_sources(pack, &text, &cues, &sentences);
        // A name after "reported" or "selon" that the text calls a medium ("la télévision
        // Al-Mayadeen", "Al-Mayadeen TV") is an outlet, not a place; any other such name
        // that the gazetteer knows is a place ("reported from Istanbul").
        places.retain(|p| !sources.iter().any(|s| s.start < p.end && p.start < s.end && is_medium(&text, s)));
        sources.retain(|s| is_medium(&text, s) || !places.iter().any(|p| s.start < p.end && p.start < s.end));
        let strays = stray_places(self.gazetteer, &places, &demonyms, &homes);
        let country = if strays.is_empty() {
            document_country(&places, &demonyms, &homes)
        } else {
            let placed: Vec<PlaceMention> =
                places.iter().filter(|p| !strays.contains(&(p.start, p.end))).cloned().collect();
            document_country(&placed, &demonyms, &homes)
        };
        let mut actors = find_actors(self, pack, &text, &actor_hits, &demonyms, country.as_deref());
        acting_communities(self, pack, &text, (&actor_hits, &triggers), &numbers, country.as_deref(), &mut actors);
        join_actor_names(&text, &mut actors);
        // "a civilian school guard", "an off-duty police officer", "un gardien civil": out of
        // uniform, a member of a force is a civilian to ACLED.
        for a in &mut actors {
            let lead = text.folded_before(text.folded_offset(a.start), 48);
            let next = text.folded_after(text.folded_offset(a.end), 8);
            // Anywhere in the noun phrase ("a senior, off-duty National Intelligence Service
            // officer"), back to its article.
            let out_of_uniform = lead
                .split([' ', ','])
                .rev()
                .filter(|w| !w.is_empty())
                .take(5)
                .take_while(|w| !NOUN_PHRASE_STARTS.contains(w) && !w.starts_with(|c: char| c.is_ascii_digit()))
                .any(|w| OUT_OF_UNIFORM.contains(&w));
            if a.inter != Some(7) && (out_of_uniform || next.starts_with(" civil ") || next.starts_with(" civils ")) {
                let country = a.country.clone().or_else(|| country.clone());
                a.name = self.actor_name("Civilians ({country})", country.as_deref());
                a.inter = Some(7);
                a.victim = true;
            }
        }
        // A place inside a longer actor's name ("Mombasa Republican Council") is no place
        // of the text. Inside a group's own name (not a kind of actor resolved to a
        // country, nor a community's militia), it is kept apart as the group's home.
        let inside = |p: &PlaceMention, a: &ActorMention| {
            a.start <= p.start && p.end <= a.end && a.end - a.start > p.end - p.start
        };
        let named_in_actors: Vec<PlaceMention> = places
            .iter()
            .filter(|p| p.rule != "demonym" && actors.iter().any(|a| a.rule_has_no_template && inside(p, a)))
            .cloned()
            .collect();
        places.retain(|p| p.rule == "demonym" || !actors.iter().any(|a| inside(p, a)));
        Analysis {
            engine: self,
            doc,
            text,
            lang,
            sentences,
            times,
            dates,
            numbers,
            places,
            named_in_actors,
            actors,
            sources,
            triggers,
            cues,
            country,
            strays,
        }
    }
}

impl Analysis<'_, '_> {
    /// The language the document was read in.
    pub fn lang(&self) -> &str {
        &self.lang
    }

    /// The annotation layer of the contract (§3): sentences and every mention.
    pub fn annotation(&self) -> Annotation {
        let mut mentions = Vec::new();
        for d in &self.times {
            let mut m = self.mention(MentionKind::Date, d.start, d.end);
            m.value = (d.kind != sitrep_time::DateKind::Invalid).then(|| d.value_string().into());
            m.precision = d.is_date().then_some(d.value.precision);
            m.rule = Some(d.rule.to_string());
            m.warnings = d.warnings.clone();
            mentions.push(m);
        }
        for p in &self.places {
            let mut m = self.mention(MentionKind::Place, p.start, p.end);
            m.name = Some(p.name.clone());
            m.country = Some(p.country.clone());
            m.admin1 = p.admin1.clone();
            m.admin2 = p.admin2.clone();
            m.latitude = Some(p.latitude);
            m.longitude = Some(p.longitude);
            m.geonames_id = p.geonames_id;
            m.geo_precision = Some(p.geo_precision);
            m.rule = Some(p.rule.to_string());
            mentions.push(m);
        }
        for (a, role) in self.actors.iter().map(|a| (a, "actor")).chain(self.sources.iter().map(|a| (a, "source"))) {
            let mut m = self.mention(MentionKind::Actor, a.start, a.end);
            m.name = Some(a.name.clone());
            m.role = Some(role.to_string());
            m.inter = a.inter;
            m.country = a.country.clone();
            m.rule = Some(a.rule.clone());
            mentions.push(m);
        }
        for n in &self.numbers {
            let mut m = self.mention(MentionKind::Number, n.start, n.end);
            m.value = Some(n.value.into());
            m.rule = Some(n.rule.to_string());
            mentions.push(m);
        }
        mentions.sort_by_key(|m| (m.start, m.end));
        Annotation {
            doc_id: self.doc.id.clone(),
            lang: self.lang.clone(),
            published: self.doc.published.map(|p| p.to_string()),
            sentences: self.sentences.iter().map(|&(s, e)| [s, e]).collect(),
            mentions,
            warnings: self.doc.warnings.clone(),
        }
    }

    pub(crate) fn mention(&self, kind: MentionKind, start: usize, end: usize) -> Mention {
        Mention::new(kind, Span::new(start, end), self.text.slice(start, end))
    }

    pub(crate) fn published(&self) -> Option<PartialDate> {
        self.doc.published
    }
}

/// The country most places and adjectives of the text point to.
fn document_country(
    places: &[PlaceMention],
    demonyms: &[(usize, usize, &'static str)],
    homes: &[&str],
) -> Option<String> {
    let mut votes: Vec<(String, f64)> = Vec::new();
    let mut vote = |c: &str, w: f64| match votes.iter_mut().find(|(k, _)| k == c) {
        Some(v) => v.1 += w,
        None => votes.push((c.to_string(), w)),
    };
    for p in places.iter().filter(|p| !p.country.is_empty() && p.rule != "demonym") {
        vote(&p.country, 1.0);
    }
    for d in demonyms {
        vote(d.2, 0.25);
    }
    // A group that belongs to one country ("Taliban", "Awami League") is weak evidence.
    for h in homes {
        vote(h, 0.5);
    }
    // Ties go to the country named first.
    let best = votes.iter().map(|v| v.1).fold(0.0, f64::max);
    votes.into_iter().find(|v| v.1 == best && best > 0.0).map(|v| v.0)
}

/// Places that stray: a town of a country nothing else in the document names, far from
/// the country the rest of it tells ("Eastleigh" resolved to England in a note on
/// Nairobi, "Solhan" to Turkey in one on Burkina Faso). The gazetteer lacks the place
/// meant; coding the event there would put it on another continent. Countries, regions
/// and capitals are never strays: a text names them on purpose.
fn stray_places(
    gazetteer: &sitrep_geo::Gazetteer,
    places: &[PlaceMention],
    demonyms: &[(usize, usize, &'static str)],
    homes: &[&str],
) -> Vec<(usize, usize)> {
    const FAR_KM: f64 = 2500.0;
    let named = |p: &PlaceMention| !p.country.is_empty() && p.rule != "demonym";
    places
        .iter()
        .filter(|p| {
            named(p)
                && !p.is_country
                && !p.feature.starts_with("ADM")
                && !p.feature.starts_with("PCL")
                && p.feature != "PPLC"
                && !places.iter().any(|q| named(q) && q.country == p.country && q.name != p.name)
                && !demonyms.iter().any(|d| d.2 == p.country)
                && !homes.iter().any(|h| *h == p.country)
        })
        .filter(|p| {
            // The country the rest of the document tells, by a place named or two clues.
            let others: Vec<PlaceMention> = places.iter().filter(|q| q.country != p.country).cloned().collect();
            let Some(home) = document_country(&others, demonyms, homes) else { return false };
            let weight = others.iter().filter(|q| named(q) && q.country == home).count() as f64
                + 0.25 * demonyms.iter().filter(|d| d.2 == home).count() as f64
                + 0.5 * homes.iter().filter(|h| **h == home).count() as f64;
            weight >= 1.0
                && gazetteer
                    .country(&home)
                    .is_some_and(|c| sitrep_geo::km((c.latitude, c.longitude), (p.latitude, p.longitude)) > FAR_KM)
        })
        .map(|p| (p.start, p.end))
        .collect()
}

/// The militia of community `c` (an entry with the `community` attribute), named at
/// `span`: "Pokot Ethnic Militia (Kenya)".
fn militia(
    engine: &Engine,
    c: &sitrep_lexicon::Entry,
    (start, end): (usize, usize),
    doc_country: Option<&str>,
    rule: String,
) -> ActorMention {
    let country = doc_country.or(c.attr("country")).map(str::to_string);
    ActorMention {
        start,
        end,
        name: engine.actor_name(&format!("{} Ethnic Militia ({{country}})", c.key), country.as_deref()),
        inter: Some(4),
        country,
        victim: false,
        weak: false,
        riot: false,
        home: c.attr("country").map(str::to_string),
        rule_has_no_template: false,
        communal: false,
        rule,
    }
}

/// A community's name right before a word of violence is its subject, its fighters:
/// "Pokot attack Luhya farmers", "Maasai raided the farm". Not a place of the same name
/// ("students in Kisii burnt their dormitory"), nor people counted ("3 Kalenjin killed"),
/// nor a name another actor holds.
fn acting_communities(
    engine: &Engine,
    pack: &LangPack,
    text: &Text<'_>,
    (hits, triggers): (&[Hit], &[Hit]),
    numbers: &[sitrep_time::NumberMention],
    doc_country: Option<&str>,
    actors: &mut Vec<ActorMention>,
) {
    let before = actors.len();
    for hit in hits {
        let c = pack.actors.entry(hit.entry);
        if !pack.actor_info[hit.entry].community || actors.iter().any(|a| a.start < hit.end && hit.start < a.end) {
            continue;
        }
        let acts = triggers.iter().find(|t| t.start > hit.end && t.start <= hit.end + 1).is_some_and(|t| {
            matches!(pack.events.entry(t.entry).key.as_str(), "attack" | "armed_clash" | "looting" | "abduction")
        });
        if !acts {
            continue;
        }
        let counted = numbers.iter().any(|n| n.end <= hit.start && n.end + 2 >= hit.start);
        let lead = text.folded_before(text.folded_offset(hit.start), 12);
        let located = lead.split_whitespace().next_back().is_some_and(|w| NOT_A_SUBJECT.contains(&w));
        if !counted && !located {
            let rule = format!("{}:{}", pack.actors.name(), c.line);
            actors.push(militia(engine, c, (hit.start, hit.end), doc_country, rule));
        }
    }
    if actors.len() > before {
        actors.sort_by_key(|a| a.start);
    }
}

/// Folded words before a name that make it no subject: a place ("in Kisii", « à Kisii »),
/// a possessor ("of Embu"), an article before a noun it qualifies ("a Pokot attack").
const NOT_A_SUBJECT: &[&str] = &["in", "at", "of", "from", "near", "to", "a", "en", "de", "du", "des", "pres"];

fn find_actors(
    engine: &Engine,
    pack: &LangPack,
    text: &Text<'_>,
    hits: &[Hit],
    demonyms: &[(usize, usize, &'static str)],
    doc_country: Option<&str>,
) -> Vec<ActorMention> {
    let mut out = Vec::new();
    let info = |h: &Hit| &pack.actor_info[h.entry];
    let community = |h: &Hit| info(h).community;
    let mut used = vec![false; hits.len()];
    let fighters_word = |j: usize| j < hits.len() && !community(&hits[j]) && info(&hits[j]).militia;
    // Two communities a fight is told "between" ("violence between Kalenjin and Maasai",
    // « affrontements entre Peuls et Dogon », "clashes between Borana and Gabra clans")
    // are its two sides: their militias. A word for fighters after the second is theirs.
    for i in 0..hits.len().saturating_sub(1) {
        let (a, b) = (&hits[i], &hits[i + 1]);
        if used[i] || used[i + 1] || !community(a) || !community(b) || a.entry == b.entry {
            continue;
        }
        let lead = text.folded_before(text.folded_offset(a.start), 24);
        let gap = &text.folded()[text.folded_offset(a.end)..text.folded_offset(b.start)];
        let between = BETWEEN.iter().any(|w| lead.ends_with(w));
        let joined = [" and ", " and the ", " et ", " et les "].contains(&gap);
        if !(between && joined) {
            continue;
        }
        let word = Some(i + 2).filter(|&j| fighters_word(j) && hits[j].start <= b.end + 2);
        for (j, h) in [(i, a), (i + 1, b)] {
            used[j] = true;
            let c = pack.actors.entry(h.entry);
            let end = word.filter(|_| j == i + 1).map_or(h.end, |w| hits[w].end);
            let rule = format!("{}:{}", pack.actors.name(), c.line);
            out.push(militia(engine, c, (h.start, end), doc_country, rule));
        }
        if let Some(w) = word {
            used[w] = true;
        }
    }
    // A community's name right before a word for its fighters ("Pokot raiders") or right
    // after it ("des miliciens peuls") names its militia; alone it names no actor.
    for (i, hit) in hits.iter().enumerate() {
        if used[i] || !fighters_word(i) {
            continue;
        }
        let entry = pack.actors.entry(hit.entry);
        let before = i.checked_sub(1).filter(|&j| !used[j] && community(&hits[j]) && hits[j].end + 2 >= hit.start);
        let after =
            Some(i + 1).filter(|&j| j < hits.len() && !used[j] && community(&hits[j]) && hits[j].start <= hit.end + 2);
        let Some(j) = before.or(after) else { continue };
        used[i] = true;
        used[j] = true;
        let c = pack.actors.entry(hits[j].entry);
        let (start, end) = (hit.start.min(hits[j].start), hit.end.max(hits[j].end));
        let rule = format!("{}:{}+{}", pack.actors.name(), c.line, entry.line);
        out.push(militia(engine, c, (start, end), doc_country, rule));
    }
    for (i, hit) in hits.iter().enumerate() {
        let entry = pack.actors.entry(hit.entry);
        let info = info(hit);
        // `militia=only`: a word that names fighters only beside a community ("Pokot
        // community", "the Turkana tribe").
        if used[i] || info.community || info.militia_only {
            continue;
        }
        let mut country = None;
        let name = if info.templated {
            // An adjective right after the alias ("l'armée malienne") or right before it
            // ("Malian troops") gives the actor its own country.
            let own = demonyms
                .iter()
                .find(|d| d.0 >= hit.end && d.0 <= hit.end + 2 || d.1 <= hit.start && d.1 + 2 >= hit.start)
                .map(|d| d.2);
            country = own.or(doc_country).map(str::to_string);
            match country.as_deref().and_then(|c| engine.country_name(c)) {
                Some(_) => engine.actor_name(&entry.key, country.as_deref()),
                None => pack.actor_bare[hit.entry].clone(),
            }
        } else {
            entry.key.clone()
        };
        out.push(ActorMention {
            start: hit.start,
            end: hit.end,
            name,
            inter: info.inter,
            country,
            victim: info.victim,
            weak: info.weak,
            riot: info.riot,
            home: info.home.clone(),
            rule_has_no_template: !info.templated,
            communal: info.communal,
            rule: pack.actor_rules[hit.entry].clone(),
        });
    }
    out.sort_by_key(|a| a.start);
    out
}

/// Folded words that open the two sides of a fight ("clashes between Kikuyu and Maasai").
pub(crate) const BETWEEN: &[&str] = &[" between ", " between the ", " entre ", " entre les "];

/// Folded words before a member of a force that make them a civilian.
const OUT_OF_UNIFORM: &[&str] = &["civilian", "off-duty", "unarmed", "retired", "former"];

/// Folded words before which a noun phrase starts: articles, conjunctions, prepositions
/// and auxiliaries ("one civilian and one police officer", "wounded by Afghan forces").
const NOUN_PHRASE_STARTS: &[&str] = &[
    "a", "an", "the", "un", "une", "le", "la", "les", "l", "des", "du", "and", "or", "et", "ou", "by", "par", "of",
    "de", "was", "were", "is", "are", "with", "to", "from", "in", "on", "at", "one",
];

/// Folded words that may stand between a generic word for fighters and the group they
/// belong to ("JNIM militants", "des jihadistes présumés du GSIM").
const JOINERS: &[&str] = &[
    "presumed",
    "suspected",
    "alleged",
    "presume",
    "presumes",
    "presumee",
    "presumees",
    "suspect",
    "suspects",
    "of",
    "the",
    "du",
    "de",
    "des",
    "d",
    "l",
    "members",
    "member",
    "membres",
    "membre",
    "elements",
    "or",
    "and",
    "ou",
    "et",
];

/// Where a generic actor ("militants", "jihadistes", "gunmen") stands next to the named
/// group it belongs to, only the group is kept; two groups joined by "or" ("JNIM or
/// ISGS militants") become one actor as ACLED writes it ("… and/or …").
fn join_actor_names(text: &Text<'_>, actors: &mut Vec<ActorMention>) {
    let named = |a: &ActorMention| !a.victim && a.rule_has_no_template && matches!(a.inter, Some(1..=4));
    let gap_words = |a: &ActorMention, b: &ActorMention| -> Option<Vec<&str>> {
        let (x, y) = if a.end <= b.start { (a, b) } else { (b, a) };
        let (gs, ge) = (text.folded_offset(x.end), text.folded_offset(y.start));
        if ge.saturating_sub(gs) > 30 {
            return None;
        }
        let gap = &text.folded()[gs..ge];
        let words: Vec<&str> = gap.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
        words.iter().all(|w| JOINERS.contains(w)).then_some(words)
    };
    // Two named groups joined by "or": one actor.
    let mut i = 0;
    while i + 1 < actors.len() {
        let (a, b) = (&actors[i], &actors[i + 1]);
        if named(a) && named(b) && a.name != b.name {
            if let Some(words) = gap_words(a, b) {
                if words.iter().any(|w| *w == "or" || *w == "ou") {
                    let joined =
                        ActorMention { end: b.end, name: format!("{} and/or {}", a.name, b.name), ..a.clone() };
                    actors[i] = joined;
                    actors.remove(i + 1);
                    continue;
                }
            }
        }
        i += 1;
    }
    // A generic word next to a named group is that group.
    let keep: Vec<bool> = actors
        .iter()
        .map(|g| {
            g.rule_has_no_template
                || g.victim
                || !actors.iter().any(|n| named(n) && n.start != g.start && gap_words(n, g).is_some())
        })
        .collect();
    let mut k = keep.into_iter();
    actors.retain(|_| k.next().unwrap_or(true));
}

/// Folded words around a name that make it a news medium.
const MEDIA: &[&str] = &[
    "television",
    "tele",
    "tv",
    "chaine",
    "radio",
    "journal",
    "quotidien",
    "hebdomadaire",
    "agence",
    "site",
    "channel",
    "newspaper",
    "daily",
    "agency",
    "news",
    "press",
    "times",
    "post",
    "herald",
    "tribune",
    "gazette",
    "magazine",
    "broadcaster",
    "network",
];

/// Whether the text calls source `s` a medium: a media word just before it (in its
/// clause) or in or right after its name.
fn is_medium(text: &Text<'_>, s: &ActorMention) -> bool {
    let f = text.folded();
    let (fs, fe) = (text.folded_offset(s.start), text.folded_offset(s.end));
    let before = text.folded_before(fs, 50);
    let before = before.rsplit([',', ';', '.', ':']).next().unwrap_or("");
    // The first 12 characters after the name, and the words of each part, read in place.
    let rest = &f[fe..];
    let after = &rest[..rest.char_indices().nth(12).map_or(rest.len(), |(i, _)| i)];
    fn words(t: &str) -> impl Iterator<Item = &str> {
        t.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty())
    }
    let mut near = words(before).chain(words(&f[fs..fe])).chain(words(after).take(1));
    near.any(|w| MEDIA.contains(&w))
}

/// Sources named in the text: the name that a reporting cue ("a rapporté", "selon",
/// "according to") introduces, a capitalized name in the same clause.
fn find_sources(pack: &LangPack, text: &Text<'_>, cues: &[Hit], sentences: &[(usize, usize)]) -> Vec<ActorMention> {
    let mut out = Vec::new();
    let mut source_cues = cues.iter().filter(|h| pack.cues.entry(h.entry).key == "source").peekable();
    if source_cues.peek().is_none() {
        return out;
    }
    // The characters from a cue to its sentence's end: all that the search reads.
    let mut tail: Vec<char> = Vec::new();
    for hit in source_cues {
        let entry = pack.cues.entry(hit.entry);
        let Some(&(_, sent_end)) = sentences.iter().find(|s| s.0 <= hit.start && hit.end <= s.1) else {
            continue;
        };
        tail.clear();
        tail.extend(text.slice(hit.end, sent_end).chars());
        let original = |i: usize| tail[i - hit.end];
        // Look after the cue, within 12 words and before the clause ends.
        let mut i = hit.end;
        let mut words = 0;
        while i < sent_end && words < 12 {
            let c = original(i);
            if matches!(c, ',' | ';' | ':' | '.' | '«' | '"' | '(') && words > 0 {
                break;
            }
            if c.is_alphabetic() {
                let start = i;
                let mut end = i;
                // A run of capitalized words, joined by spaces or hyphens ("Al-Mayadeen").
                while end < sent_end && original(end).is_uppercase() {
                    let mut j = end;
                    while j < sent_end && (original(j).is_alphanumeric() || original(j) == '-') {
                        j += 1;
                    }
                    end = j;
                    if end < sent_end && original(end) == ' ' && end + 1 < sent_end && original(end + 1).is_uppercase()
                    {
                        end += 1;
                    } else {
                        break;
                    }
                }
                if end > start && original(start).is_uppercase() {
                    let name = text.slice(start, end).to_string();
                    out.push(ActorMention {
                        start,
                        end,
                        name,
                        inter: None,
                        country: None,
                        victim: false,
                        weak: false,
                        riot: false,
                        home: None,
                        rule_has_no_template: true,
                        communal: false,
                        rule: format!("{}:{}", pack.cues.name(), entry.line),
                    });
                    break;
                }
                while i < sent_end && original(i).is_alphanumeric() {
                    i += 1;
                }
                words += 1;
                continue;
            }
            i += 1;
        }
    }
    out
}
