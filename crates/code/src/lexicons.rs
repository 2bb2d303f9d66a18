use memchr::memmem;
use sitrep_lexicon::{Lexicon, LexiconSet};

/// The lexicons of one language.
#[derive(Debug)]
pub(crate) struct LangPack {
    pub events: Lexicon,
    pub actors: Lexicon,
    pub cues: Lexicon,
    /// `cues`, `actors` and `events` in one matcher, in that order.
    pub all: LexiconSet<3>,
    /// Per entry of `actors`: its rule (`lexicon:line`) and its name without a country
    /// (see [`bare_name`]), made once rather than for every match.
    pub actor_rules: Vec<String>,
    pub actor_bare: Vec<String>,
    /// Per entry of `actors`: what [`find_actors`](crate::analysis) reads of it at each
    /// match, read once from its attributes.
    pub actor_info: Vec<ActorInfo>,
}

/// What an entry of a language's actors lexicon says of the actor it names (see
/// [`crate::ActorMention`]).
#[derive(Debug)]
pub(crate) struct ActorInfo {
    /// `inter=`: ACLED's inter code.
    pub inter: Option<u8>,
    /// `side=victim` or `side=target`.
    pub victim: bool,
    pub weak: bool,
    pub riot: bool,
    /// `country=`: the country the group belongs to.
    pub home: Option<String>,
    /// The name is a template with a `{country}` to fill.
    pub templated: bool,
    /// `acting=militia`.
    pub communal: bool,
    /// A community's name (`community`).
    pub community: bool,
    /// A word for fighters (`militia`), which with a community names its militia.
    pub militia: bool,
    /// `militia=only`: a word that names fighters only beside a community.
    pub militia_only: bool,
}

impl ActorInfo {
    fn of(e: &sitrep_lexicon::Entry) -> ActorInfo {
        ActorInfo {
            inter: e.attr("inter").and_then(|v| v.parse().ok()),
            victim: matches!(e.attr("side"), Some("victim" | "target")),
            weak: e.has("weak"),
            riot: e.has("riot"),
            home: e.attr("country").map(str::to_string),
            templated: e.key.contains("{country}"),
            communal: e.attr("acting") == Some("militia"),
            community: e.has("community"),
            militia: e.has("militia"),
            militia_only: e.attr("militia") == Some("only"),
        }
    }
}

macro_rules! lexicon {
    ($lang:literal, $file:literal) => {
        Lexicon::parse(concat!($lang, "/", $file), include_str!(concat!("../../../data/lexicons/", $lang, "/", $file)))
            .expect(concat!("embedded lexicon ", $lang, "/", $file, " is valid"))
    };
}

impl LangPack {
    fn new(events: Lexicon, actors: Lexicon, cues: Lexicon) -> LangPack {
        let all = LexiconSet::new([&cues, &actors, &events]);
        let entries = (0..actors.len()).map(|i| actors.entry(i));
        let actor_rules = entries.clone().map(|e| format!("{}:{}", actors.name(), e.line)).collect();
        let actor_bare = entries.clone().map(|e| bare_name(&e.key)).collect();
        let actor_info = entries.map(ActorInfo::of).collect();
        LangPack { events, actors, cues, all, actor_rules, actor_bare, actor_info }
    }

    fn fr() -> LangPack {
        LangPack::new(
            lexicon!("fr", "events.tsv").with_inserts(&lexicon!("fr", "inserts.tsv")),
            lexicon!("fr", "actors.tsv"),
            lexicon!("fr", "cues.tsv").with_inserts(&lexicon!("fr", "inserts.tsv")),
        )
    }
    fn en() -> LangPack {
        LangPack::new(
            lexicon!("en", "events.tsv").with_inserts(&lexicon!("en", "inserts.tsv")),
            lexicon!("en", "actors.tsv"),
            lexicon!("en", "cues.tsv").with_inserts(&lexicon!("en", "inserts.tsv")),
        )
    }
}

/// An actor name template without its country: "Civilians ({country})" → "Civilians".
/// `template.replace("{country}", &format!("{article}{name}"))`, without the format or a
/// searcher built for the needle.
fn fill_country(template: &str, article: &str, name: &str) -> String {
    let mut out = String::with_capacity(template.len() + article.len() + name.len());
    let mut rest = template;
    while let Some(i) = memmem::find(rest.as_bytes(), b"{country}") {
        out.push_str(&rest[..i]);
        out.push_str(article);
        out.push_str(name);
        rest = &rest[i + "{country}".len()..];
    }
    out.push_str(rest);
    out
}

pub(crate) fn bare_name(template: &str) -> String {
    template.replace(" of {country}", "").replace(" ({country})", "").replace("{country}", "")
}

/// Everything the coder compiles once: lexicons per language, country names, gazetteer.
///
/// Building one takes a few milliseconds; share it across documents and threads.
#[derive(Debug)]
pub struct Engine {
    pub(crate) fr: LangPack,
    pub(crate) en: LangPack,
    /// ISO code, ACLED name, and the article ACLED puts before it after "of".
    countries: Vec<(&'static str, &'static str, String)>,
    /// Two-letter code → index of its first line in `countries` (see [`code_slot`]).
    country_index: Vec<Option<u16>>,
    pub(crate) gazetteer: &'static sitrep_geo::Gazetteer,
    /// A model trained with `sitrep train`, which may retype each document's main event.
    pub(crate) model: Option<crate::Model>,
}

impl Default for Engine {
    fn default() -> Engine {
        Engine::new()
    }
}

impl Engine {
    /// An engine with the embedded lexicons and the embedded gazetteer.
    pub fn new() -> Engine {
        Engine::with_gazetteer(sitrep_geo::Gazetteer::embedded())
    }

    /// An engine that geocodes with `gazetteer`.
    pub fn with_gazetteer(gazetteer: &'static sitrep_geo::Gazetteer) -> Engine {
        let countries = include_str!("../../../data/countries.tsv")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .map(|l| {
                let mut f = l.split('\t').map(str::trim);
                let code = f.next().unwrap_or_default();
                let name = f.next().unwrap_or_default();
                let article = f.next().map(|a| format!("{a} ")).unwrap_or_default();
                (code, name, article)
            })
            .collect();
        let countries: Vec<(&'static str, &'static str, String)> = countries;
        let mut country_index = vec![None; 26 * 26];
        for (i, c) in countries.iter().enumerate() {
            if let Some(slot) = code_slot(c.0) {
                country_index[slot].get_or_insert(i as u16);
            }
        }
        Engine { fr: LangPack::fr(), en: LangPack::en(), countries, country_index, gazetteer, model: None }
    }

    /// This engine with a trained model that retypes each document's main event.
    pub fn with_model(mut self, model: crate::Model) -> Engine {
        self.model = Some(model);
        self
    }

    pub(crate) fn pack(&self, lang: &str) -> &LangPack {
        if lang == "fr" {
            &self.fr
        } else {
            &self.en
        }
    }

    /// An actor name from a template of the lexicons' style, "Military Forces of {country}"
    /// or "Civilians ({country})", for country `iso2`: ACLED's country name, with its
    /// article after "of"; without a known country, the bare kind ("Civilians").
    pub(crate) fn actor_name(&self, template: &str, iso2: Option<&str>) -> String {
        match iso2.and_then(|c| self.country_name(c)) {
            Some((n, article)) if memmem::find(template.as_bytes(), b" of {country}").is_some() => {
                fill_country(template, article, n)
            }
            Some((n, _)) => fill_country(template, "", n),
            None => bare_name(template),
        }
    }

    /// The ISO code `iso2` as the embedded country list spells it (a `'static` string),
    /// if the list has it.
    pub(crate) fn country_code(&self, iso2: &str) -> Option<&'static str> {
        self.country(iso2).map(|c| c.0)
    }

    /// The line of `countries` for code `iso2` (every code of the list is two capital
    /// letters: see the tests).
    fn country(&self, iso2: &str) -> Option<&(&'static str, &'static str, String)> {
        let i = self.country_index[code_slot(iso2)?]?;
        Some(&self.countries[usize::from(i)])
    }

    /// The name ACLED gives country `iso2` in actor names, and the article that goes
    /// before it after "of" ("Military Forces of the United States"), if known.
    pub(crate) fn country_name(&self, iso2: &str) -> Option<(&str, &str)> {
        self.country(iso2).map(|(_, n, a)| (*n, a.as_str()))
    }
}

/// The slot of a two-capital-letter code in [`Engine::country_index`], `None` for any
/// other string.
fn code_slot(iso2: &str) -> Option<usize> {
    match iso2.as_bytes() {
        &[a @ b'A'..=b'Z', b @ b'A'..=b'Z'] => Some(usize::from(a - b'A') * 26 + usize::from(b - b'A')),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_country_replaces_as_str_replace_does() {
        for t in ["Military Forces of {country}", "Civilians ({country})", "{country}{country} x", "Taliban", ""] {
            assert_eq!(fill_country(t, "the ", "Sudan"), t.replace("{country}", "the Sudan"));
            assert_eq!(fill_country(t, "", "Mali"), t.replace("{country}", "Mali"));
        }
    }

    #[test]
    fn country_list_reads_codes_names_and_articles() {
        let e = Engine::new();
        assert!(e.countries.iter().all(|c| c.0.len() == 2 && c.0.chars().all(|ch| ch.is_ascii_uppercase())));
        assert_eq!(e.country_code("KE"), Some("KE"));
        assert_eq!(e.country_code("XX"), None);
        assert_eq!(e.country_name("US"), Some(("United States", "the ")));
        assert_eq!(e.country_name("IQ"), Some(("Iraq", "")));
    }

    #[test]
    fn every_lexicon_key_is_known() {
        let e = Engine::new();
        for pack in [&e.fr, &e.en] {
            for i in 0..pack.events.len() {
                let key = &pack.events.entry(i).key;
                assert!(
                    key == "none" || sitrep_core::SubEventType::from_name(key).is_some(),
                    "unknown sub-event key {key}"
                );
            }
            for i in 0..pack.actors.len() {
                let entry = pack.actors.entry(i);
                if let Some(c) = entry.attr("country") {
                    assert!(e.country_code(c).is_some(), "unknown country {c} for {}", entry.phrase);
                }
                // A community names no actor of its own: it has no `inter`.
                assert!(
                    entry.has("community")
                        || entry.attr("inter").and_then(|v| v.parse::<u8>().ok()).is_some_and(|v| (1..=8).contains(&v)),
                    "no inter for {}",
                    entry.phrase
                );
                assert!(
                    !entry.has("community") || entry.attr("inter").is_none(),
                    "inter for community {}",
                    entry.phrase
                );
            }
            const CUES: &[&str] = &[
                "claimed",
                "alleged",
                "denied",
                "planned",
                "source",
                "negation",
                "background",
                "kill",
                "injure",
                "arrest",
                "zero",
                "defuse",
                "demand",
                "weapon",
                "nonviolent",
                "political",
                "modal",
                "legal",
                "severe",
                "coded",
                "security",
                "habitual",
                "purpose",
                "country",
                "culprit",
                "unmanned",
            ];
            for i in 0..pack.cues.len() {
                assert!(CUES.contains(&pack.cues.entry(i).key.as_str()), "unknown cue {}", pack.cues.entry(i).key);
                let entry = pack.cues.entry(i);
                if entry.key == "country" {
                    let c = entry.attr("country");
                    assert!(c.and_then(|c| e.country_code(c)).is_some(), "no known country for {}", entry.phrase);
                }
            }
        }
    }
}
