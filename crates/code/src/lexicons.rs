use sitrep_lexicon::Lexicon;

/// The lexicons of one language.
#[derive(Debug)]
pub(crate) struct LangPack {
    pub events: Lexicon,
    pub actors: Lexicon,
    pub cues: Lexicon,
}

macro_rules! lexicon {
    ($lang:literal, $file:literal) => {
        Lexicon::parse(
            concat!($lang, "/", $file),
            include_str!(concat!("../../../data/lexicons/", $lang, "/", $file)),
        )
        .expect(concat!("embedded lexicon ", $lang, "/", $file, " is valid"))
    };
}

impl LangPack {
    fn fr() -> LangPack {
        LangPack {
            events: lexicon!("fr", "events.tsv"),
            actors: lexicon!("fr", "actors.tsv"),
            cues: lexicon!("fr", "cues.tsv"),
        }
    }
    fn en() -> LangPack {
        LangPack {
            events: lexicon!("en", "events.tsv"),
            actors: lexicon!("en", "actors.tsv"),
            cues: lexicon!("en", "cues.tsv"),
        }
    }
}

/// Everything the coder compiles once: lexicons per language, country names, gazetteer.
///
/// Building one takes a few milliseconds; share it across documents and threads.
#[derive(Debug)]
pub struct Engine {
    pub(crate) fr: LangPack,
    pub(crate) en: LangPack,
    /// ISO code, ACLED name, and the article ACLED puts before it after "of".
    countries: Vec<(String, String, String)>,
    pub(crate) gazetteer: &'static sitrep_geo::Gazetteer,
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
                let code = f.next().unwrap_or_default().to_string();
                let name = f.next().unwrap_or_default().to_string();
                let article = f.next().map(|a| format!("{a} ")).unwrap_or_default();
                (code, name, article)
            })
            .collect();
        Engine { fr: LangPack::fr(), en: LangPack::en(), countries, gazetteer }
    }

    pub(crate) fn pack(&self, lang: &str) -> &LangPack {
        if lang == "fr" {
            &self.fr
        } else {
            &self.en
        }
    }

    /// The name ACLED gives country `iso2` in actor names, and the article that goes
    /// before it after "of" ("Military Forces of the United States"), if known.
    pub(crate) fn country_name(&self, iso2: &str) -> Option<(&str, &str)> {
        self.countries.iter().find(|(c, ..)| c == iso2).map(|(_, n, a)| (n.as_str(), a.as_str()))
    }
}
