//! Cross-document linking: the keys a coded event is compared on, and the score of a
//! pair. Each feature adds its weight to a sum that is kept, feature by feature, in the
//! merge history, so every link can be explained (and undone).

use serde::{Deserialize, Serialize};
use sitrep_core::{days_in_month, is_leap, Event, PartialDate};

/// What the linker compares, computed once per report and stored with it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub(crate) struct Keys {
    pub country: Option<String>,
    /// The event's date as an interval of days since 1970 (inclusive).
    pub lo: Option<i64>,
    pub hi: Option<i64>,
    /// How many days either side the date may be off (1 for a day, 0 for coarser dates,
    /// whose interval already spans their uncertainty).
    pub slack: i64,
    pub event_type: String,
    pub sub_event_type: String,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub geo_precision: Option<u8>,
    pub admin1: Option<String>,
    /// Folded place names: the location, admin2.
    pub places: Vec<String>,
    /// The folded name of the coded place when it is a named place (ACLED precision 1
    /// or 2), not a region.
    pub named_place: Option<String>,
    /// Folded admin1 and admin2 names: shared by every event of a province.
    pub admins: Vec<String>,
    /// Folded canonical actor names (actor1, actor2 and associates), generic ones too.
    pub actors: Vec<String>,
    pub fatalities: Option<u32>,
    /// The sentence says the toll is not known ("an unknown number of militants
    /// killed"): its coded figure is a convention, not a count to compare.
    pub toll_unknown: bool,
    /// Folded proper names of the sentence (capitalized words that are not function
    /// words, months, weekdays nor the country's own name).
    pub names: Vec<String>,
    /// Folded proper names of the rest of the sentence's paragraph: evidence when the
    /// other report gives them too, none against it when it does not.
    pub context: Vec<String>,
    /// Numbers written in digits (not years) or in words in the sentence.
    pub numbers: Vec<u64>,
    /// The concepts of [`TERMS`] the sentence and its paragraph name, by their English
    /// key: what either language says of who, what and why.
    pub terms: Vec<String>,
    /// The day was told relative to the publication ("yesterday", "on Sunday"), not
    /// written out: a later paper's dateline moves it.
    pub relative_date: bool,
    pub background: bool,
}

/// The interval of days a date of this precision covers, and its slack.
pub(crate) fn interval(event_date: Option<&str>, precision: Option<&str>) -> Option<(i64, i64, i64)> {
    let d = PartialDate::parse_iso(event_date?)?;
    let lo = d.days();
    Some(match (precision.unwrap_or(""), d.month_num(), d.day_num()) {
        ("week", _, Some(_)) => (lo - 3, lo + 3, 0),
        ("month", _, _) | (_, Some(_), None) => {
            let m = d.month_num().unwrap_or(1);
            (lo, lo + i64::from(days_in_month(d.year_num(), m)) - 1, 0)
        }
        (_, None, _) => (lo, lo + if is_leap(d.year_num()) { 365 } else { 364 }, 0),
        _ => (lo, lo, 1),
    })
}

/// Words capitalized in running text that are not names (month and weekday names are in
/// [`CALENDAR`]).
const NOT_NAMES: &[&str] = &[
    "the",
    "a",
    "an",
    "on",
    "in",
    "at",
    "of",
    "and",
    "or",
    "but",
    "for",
    "with",
    "from",
    "by",
    "to",
    "as",
    "after",
    "before",
    "during",
    "while",
    "when",
    "this",
    "that",
    "these",
    "those",
    "there",
    "they",
    "he",
    "she",
    "it",
    "his",
    "her",
    "their",
    "its",
    "we",
    "unknown",
    "around",
    "near",
    "some",
    "several",
    "about",
    "according",
    "also",
    "le",
    "la",
    "les",
    "un",
    "une",
    "des",
    "du",
    "de",
    "au",
    "aux",
    "en",
    "dans",
    "sur",
    "par",
    "pour",
    "avec",
    "selon",
    "apres",
    "avant",
    "lors",
    "ce",
    "cet",
    "cette",
    "ces",
    "il",
    "elle",
    "ils",
    "elles",
    "on",
    "leur",
    "leurs",
    "son",
    "sa",
    "ses",
    "et",
    "ou",
    "mais",
    "plusieurs",
    "quelque",
    "quelques",
    "vers",
    "pres",
    "aucun",
    "mr",
    "mrs",
    "m",
    "mme",
    // Nouns and adjectives news capitalizes inside a sentence (institutions, titles,
    // nationalities, directions), which many distinct events share.
    "village",
    "villages",
    "province",
    "region",
    "commune",
    "department",
    "groupe",
    "group",
    "police",
    "gendarmerie",
    "army",
    "armee",
    "forces",
    "force",
    "operation",
    "minister",
    "ministre",
    "ministry",
    "ministere",
    "president",
    "government",
    "gouvernement",
    "state",
    "etat",
    "national",
    "nationale",
    "islamic",
    "islamique",
    "french",
    "francais",
    "francaise",
    "burkinabe",
    "malian",
    "malien",
    "nigerien",
    "camp",
    "university",
    "universite",
    "students",
    "etudiants",
    "union",
    "syndicat",
    "ong",
    "ngo",
    "reports",
    "authorities",
    "autorites",
    "est",
    "ouest",
    "nord",
    "sud",
    "north",
    "south",
    "east",
    "west",
    "centre",
    "center",
    "grand",
    "great",
    "saint",
    "sainte",
    "fulani",
    "peul",
    "peuls",
    "mossi",
    "tuareg",
    "touareg",
    "muslim",
    "musulman",
    "christian",
    "chretien",
];

impl Keys {
    /// Whether the country comes with a place in it (coordinates below the country's
    /// level), rather than from the country's centre or no place at all.
    pub(crate) fn country_placed(&self) -> bool {
        self.country.is_some() && self.lat.is_some() && (self.geo_precision.unwrap_or(1) <= 2 || self.admin1.is_some())
    }

    /// `paragraph`: the text around the event's sentence (its paragraph), whose names
    /// are the event's too (a note's second sentence names the town the troops came
    /// from); empty when unknown.
    pub fn new(e: &Event, country_name: Option<&str>, paragraph: &str) -> Keys {
        let prec = e.date_precision.map(|p| p.as_str());
        let (lo, hi, slack) = match interval(e.event_date.as_deref(), prec) {
            Some((lo, hi, s)) => (Some(lo), Some(hi), s),
            None => (None, None, 0),
        };
        let fold = |s: &str| sitrep_text::fold_str(s).trim().to_string();
        let mut places: Vec<String> =
            [e.location.as_deref(), e.admin2.as_deref()].into_iter().flatten().map(fold).collect();
        places.sort();
        places.dedup();
        let mut actors: Vec<String> = [&e.actor1, &e.assoc_actor_1, &e.actor2, &e.assoc_actor_2]
            .into_iter()
            .flatten()
            .flat_map(|a| a.split(';'))
            .map(fold)
            .filter(|a| !a.is_empty())
            .collect();
        actors.sort();
        actors.dedup();
        let country_words: Vec<String> =
            country_name.map(|n| fold(n).split_whitespace().map(str::to_string).collect()).unwrap_or_default();
        let (names, mut numbers) = names_and_numbers(&e.sentence, &country_words);
        let mut context = names_and_numbers(paragraph, &country_words).0;
        context.retain(|n| !names.contains(n));
        // The day of the month is shared by every report of that day: not evidence.
        if let Some(day) = e.event_date.as_deref().and_then(PartialDate::parse_iso).and_then(|d| d.day_num()) {
            numbers.retain(|&n| n != u64::from(day));
        }
        let named_place = e.location.as_deref().filter(|_| e.geo_precision.is_some_and(|p| p <= 2)).map(fold);
        let admins: Vec<String> = [e.admin1.as_deref(), e.admin2.as_deref()].into_iter().flatten().map(fold).collect();
        // The paragraph holds the sentence, unless the sentence's range was unknown.
        let mut terms = terms_of(paragraph);
        if !paragraph.contains(e.sentence.as_str()) {
            terms.extend(terms_of(&e.sentence));
            terms.sort();
            terms.dedup();
        }
        let relative_date = e.date_precision.is_some_and(|p| p.as_str() == "day")
            && e.evidence.iter().any(|v| v.field == "event_date" && !v.text.chars().any(|c| c.is_ascii_digit()));
        Keys {
            terms,
            relative_date,
            named_place,
            admins,
            country: e.country.clone(),
            lo,
            hi,
            slack,
            event_type: e.event_type.to_string(),
            sub_event_type: e.sub_event_type.to_string(),
            lat: e.latitude,
            lon: e.longitude,
            geo_precision: e.geo_precision,
            admin1: e.admin1.as_deref().map(fold),
            places,
            actors,
            fatalities: e.fatalities_known.then_some(e.fatalities),
            toll_unknown: toll_unknown(&e.sentence),
            names,
            context,
            numbers,
            background: e.background,
        }
    }
}

/// Concepts news reports of political violence name, in English and French: what
/// tells one incident from another of its kind (who the victims were, what was hit or
/// taken, why a crowd gathered), not the kind itself ("attack", "killed", "protest",
/// which the sub-event type already compares). One line a concept: its English key,
/// then its folded forms in either language, comma-separated; a form of two words is
/// matched on two consecutive words. Words are compared without a final "s" or "e".
const TERMS: &str = "\
student: student, etudiant, eleve, pupil, lyceen, schoolchildren
teacher: teacher, enseignant, instituteur, professeur
school: school, ecole, college, lycee, classroom, salle de classe
university: university, universite, campus
exam: exam, examination, examen, baccalaureat
trader: trader, merchant, commercant, vendor, vendeur, shopkeeper, boutiquier
shop: shop, store, boutique, magasin, kiosk, kiosque
market: market, marche
farmer: farmer, agriculteur, cultivateur, paysan
herder: herder, herdsman, eleveur, pasteur nomade, berger
cattle: cattle, livestock, betail, cheptel, cow, vache, boeuf, goat, chevre, sheep, mouton, animal
miner: miner, orpailleur, gold miner, gold panner
mine: gold mine, gold-mining, gold mining, mining, mine d'or, aurifere, orpaillage, gold site
driver: driver, chauffeur, conducteur, transporter, transporteur
truck: truck, lorry, camion, poids lourd
bus: bus, autobus, car de transport, coach
motorbike: motorbike, motorcycle, moto, motocyclette, motorbiker
car: car, voiture, vehicule, vehicle, pickup, pick-up
convoy: convoy, convoi, escort, escorte
women: woman, women, femme, girl, fille
children: child, children, enfant, boy, garcon
family: family, famille, relative, proche, parent
mayor: mayor, maire
councillor: councillor, councilman, councilor, conseiller, conseiller municipal
governor: governor, gouverneur
prefect: prefect, prefet, high commissioner, haut-commissaire
commander: commander, commandant, officer, officier
chief: chief, chef coutumier, chef de village, chef traditionnel, village chief, customary chief, notable
deputy: deputy, mp, depute, parliamentarian, parlementaire
minister: minister, ministre
imam: imam
pastor: pastor, pasteur, priest, pretre, abbe, catechist, catechiste
church: church, eglise, chapel, chapelle, parish, paroisse
mosque: mosque, mosquee
religion: muslim, musulman, christian, chretien, catholic, catholique, protestant, islam, islamique, religious, religieux, confrerie, brotherhood
nurse: nurse, infirmier, health worker, agent de sante
doctor: doctor, medecin
health centre: health centre, health center, clinic, dispensary, dispensaire, csps, centre de sante, hospital, hopital
journalist: journalist, journaliste, reporter, media, presse
judge: judge, juge, magistrate, magistrat, court, tribunal, justice
lawyer: lawyer, avocat
prisoner: prisoner, detenu, prison, inmate, jail, maison d'arret
customs: customs, douane, douanier
forester: forester, forest guard, eaux et forets, agent forestier, water and forest
guard: guard, gardien, vigile, watchman, security guard
volunteer: volunteer, volontaire, vdp, koglweogo, self-defense, autodefense, dozo
worker: civil servant, fonctionnaire, employee, employe, worker, travailleur
ngo: ngo, ong, humanitarian, humanitaire, aid worker
union: union, syndicat, syndicalist, syndicaliste, trade union
party: party, parti, activist, supporter, partisan
opponent: opponent, opposant, opposition
election: election, electoral, electoral, vote, ballot, scrutin, candidat, candidate, elected, elu
coup: coup, putsch, putschist, putschiste, mutiny, mutinerie, mutineer, mutin
amnesty: amnesty, amnistie
curfew: curfew, couvre-feu
state of emergency: state of emergency, etat d'urgence
road: road, route, street, rue, highway, chaussee, piste
bridge: bridge, pont
tire: tire, tyre, pneu
barricade: barricade, roadblock, block, blocked, blocking, bloque, bloquant, bloquer
house: house, home, maison, domicile, residence, concession, dwelling
town hall: town hall, city hall, mairie, hotel de ville, municipal
office: office, bureau, headquarters, building, batiment, premises
barracks: barracks, caserne, military camp, camp militaire
post: checkpoint, post, poste, outpost, barrier, barriere, detachment, detachement
depot: depot, armory, armurerie, arsenal, magasin d'armes
firearm: kalashnikov, ak, handgun, pistolet, fusil, rifle
ammunition: ammunition, munition, cartridge, cartouche
stadium: stadium, stade
forest: forest, foret, bush, brousse
well: well, puits, water point, point d'eau, borehole, forage, dam, barrage
burn: burn, burned, burnt, burning, torched, set ablaze, ablaze, on fire, set fire, setting fire, incendie, incendier, incendiaire, brule, bruler, flamme, arson
tear gas: teargas, tear gas, gaz lacrymogene, lacrymogene
looting: loot, looted, looting, pillage, piller, pille, ransack, saccage, saccager, vandalism, vandalisme, vandalise
theft: steal, stole, stolen, stealing, theft, vol, vole, robbery, braquage, rob, robbed, emporte, seized, saisi, emparer, empare
release: release, released, libere, liberer, liberation, freed
escape: escape, escaped, echappe, echapper, fled, fuir, enfui, flee
sorcery: sorcery, witchcraft, sorcellerie, sorcier, witch
dispute: dispute, differend, quarrel, querelle, litige, land, foncier
salary: salary, wage, salaire, pay, arrears, arriere, indemnite, allowance, bonus
price: price, prix, cost, cout, fuel, carburant, essence
water: water, eau, electricity, electricite, power cuts, delestage
food: food, vivres, supplies, ravitaillement, nourriture, cereal, cereale
appointment: appointment, nomination, nommer, nomme, dismissal, limogeage, limoge
independence: independence, independance
president: president, presidential, presidentiel, presidence
solidarity: solidarity, solidarite
human rights: human rights, droits humains, droits de l'homme
sweep: sweep, ratissage, search operation, patrol, patrouille
operation: operation, offensive
secure: secure, securing, securiser, securisation
deploy: deploy, deployed, deployment, deployer, deploye, deploiement, reinforcement, renfort
closure: closure, closed, close, shut, fermeture, ferme, fermer
evacuate: evacuate, evacuated, evacuation, evacuer, evacue
withdraw: withdraw, withdrew, withdrawal, retrait, retirer, retire
surrender: surrender, surrendered, rendu, reddition
disarm: disarm, disarmed, desarmer, desarme, desarmement
ambush: ambush, ambushed, embuscade
strike action: strike action, work stoppage, greve, grevist, striker
sit-in: sit-in, sit in
rally: rally, meeting, march
australian: australian, australien
american: american, americain
canadian: canadian, canadien
german: german, allemand
italian: italian, italien
spanish: spanish, espagnol
romanian: romanian, roumain
british: british, britannique
swiss: swiss, suisse
belgian: belgian, belge
chinese: chinese, chinois
indian: indian, indien
lebanese: lebanese, libanais
moroccan: moroccan, marocain
algerian: algerian, algerien
libyan: libyan, libyen
ivorian: ivorian, ivoirien
ghanaian: ghanaian, ghaneen
togolese: togolese, togolais
beninese: beninese, beninois
senegalese: senegalese, senegalais
nigerian: nigerian, nigerian
chadian: chadian, tchadien
mauritanian: mauritanian, mauritanien
guinean: guinean, guineen
cameroonian: cameroonian, camerounais
austrian: austrian, autrichien
fulani: fulani, peul, peulh, fulbe
mossi: mossi
tuareg: tuareg, touareg
dogon: dogon
bella: bella
gourmantche: gourmantche, gourma
songhai: songhai, sonrai
polish: polish, polonais
south african: south african, sud-africain
";

/// Month and weekday names, folded, in the languages coded.
const CALENDAR: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "janvier",
    "fevrier",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "aout",
    "septembre",
    "octobre",
    "novembre",
    "decembre",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
];

/// A folded word as [`TERMS`] compares it: without a final "s", then a final "e"
/// ("étudiantes", "students": "etudiant", "student").
fn term_word(w: &str) -> &str {
    let w = if w.len() > 3 { w.strip_suffix('s').unwrap_or(w) } else { w };
    if w.len() > 4 {
        w.strip_suffix('e').unwrap_or(w)
    } else {
        w
    }
}

/// The words of a folded text, split at anything but letters, digits and hyphens.
fn term_words(folded: &str) -> impl Iterator<Item = &str> {
    folded.split(|c: char| !c.is_alphanumeric() && c != '-').filter(|w| !w.is_empty()).map(term_word)
}

/// [`TERMS`] compiled: each form's first word, to the rest of its words and its key.
type TermIndex = std::collections::HashMap<&'static str, Vec<(Vec<&'static str>, &'static str)>>;

fn term_index() -> &'static TermIndex {
    static INDEX: std::sync::OnceLock<TermIndex> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index = TermIndex::new();
        for line in TERMS.lines() {
            let Some((key, forms)) = line.split_once(':') else { continue };
            for form in forms.split(',') {
                let mut words = term_words(form.trim());
                let Some(first) = words.next() else { continue };
                index.entry(first).or_default().push((words.collect(), key));
            }
        }
        index
    })
}

/// The keys of the concepts a text names, sorted and deduplicated.
fn terms_of(text: &str) -> Vec<String> {
    let folded = sitrep_text::fold_str(text);
    // "March" is a month far more often than a protest; no month or weekday names a
    // concept.
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty() && !CALENDAR.contains(w))
        .map(term_word)
        .collect();
    let index = term_index();
    let mut out: Vec<String> = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let Some(forms) = index.get(w) else { continue };
        for (rest, key) in forms {
            if words.len() > i + rest.len() && rest.iter().zip(&words[i + 1..]).all(|(a, b)| a == b) {
                out.push((*key).to_string());
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// The concept a one-word name is a form of ("Libanais", "Lebanese"), if any.
fn term_of_name(name: &str) -> Option<&'static str> {
    let forms = term_index().get(term_word(name))?;
    forms.iter().find(|(rest, _)| rest.is_empty()).map(|(_, key)| *key)
}

/// Words that say a number is not known, in the languages coded, folded.
const UNKNOWN_NUMBER: &[&str] = &[
    "unknown number",
    "unspecified number",
    "undetermined number",
    "undisclosed number",
    "unconfirmed number",
    "nombre indetermine",
    "nombre inconnu",
    "nombre non precise",
    "nombre non determine",
];

/// Whether a sentence says the number (of dead) is not known.
fn toll_unknown(sentence: &str) -> bool {
    let folded = sitrep_text::fold_str(sentence);
    UNKNOWN_NUMBER.iter().any(|w| folded.contains(w))
}

/// The paragraph (the text between line breaks) that holds the sentence at
/// characters `start..end` (a source's sentence range counts characters); empty when
/// the range is not in the text.
pub(crate) fn paragraph(text: &str, start: usize, end: usize) -> &str {
    let byte = |n: usize| text.char_indices().map(|(i, _)| i).chain(std::iter::once(text.len())).nth(n);
    let (Some(start), Some(end)) = (byte(start), byte(end)) else { return "" };
    if start > end {
        return "";
    }
    let from = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let to = text[end..].find('\n').map_or(text.len(), |i| end + i);
    &text[from..to]
}

/// Proper names and numbers of a sentence, folded, sorted and deduplicated. A name is a
/// capitalized word that does not open a sentence (where every word is capitalized), is
/// not an acronym (those name organizations, which the actors already compare) and is
/// not a function word, a month, a weekday, a common noun news capitalizes, nor the
/// country's own name. Names that follow each other with only a space between are one
/// name (a person's first and last names count once).
fn names_and_numbers(sentence: &str, country_words: &[String]) -> (Vec<String>, Vec<u64>) {
    let mut names = Vec::new();
    let mut numbers = Vec::new();
    let mut opens = true;
    // The last word was a name, and only a space follows it.
    let mut run = false;
    let mut word = String::new();
    for c in sentence.chars().chain(std::iter::once(' ')) {
        if c.is_alphanumeric() || c == '-' || c == '\'' || c == '\u{2019}' {
            word.push(if c == '\u{2019}' { '\'' } else { c });
            continue;
        }
        if !word.is_empty() {
            let before = names.len();
            take(&word, opens, country_words, &mut names, &mut numbers);
            let added = names.len() > before;
            // A name right after a name is one name: "Norbert Zongo", "Blaise Compaoré".
            if added && run {
                let last = names.pop().unwrap_or_default();
                if let Some(prev) = names.last_mut() {
                    prev.push(' ');
                    prev.push_str(&last);
                }
            }
            run = added && c == ' ';
            opens = false;
            word.clear();
        } else if c != ' ' {
            run = false;
        }
        if matches!(c, '.' | '!' | '?' | ':' | ';' | '"' | '\u{ab}' | '(' | '\n') {
            opens = true;
        }
    }
    names.sort();
    names.dedup();
    numbers.sort();
    numbers.dedup();
    (names, numbers)
}

/// Numbers written in words, in both languages, folded: a toll or a count the other
/// report gives in digits or in its own words. Not "one", "un" and "une", which are
/// articles as often as numbers.
const NUMBER_WORDS: &[(&str, u64)] = &[
    ("two", 2),
    ("deux", 2),
    ("three", 3),
    ("trois", 3),
    ("four", 4),
    ("quatre", 4),
    ("five", 5),
    ("cinq", 5),
    ("six", 6),
    ("seven", 7),
    ("sept", 7),
    ("eight", 8),
    ("huit", 8),
    ("nine", 9),
    ("neuf", 9),
    ("ten", 10),
    ("dix", 10),
    ("eleven", 11),
    ("onze", 11),
    ("twelve", 12),
    ("douze", 12),
    ("thirteen", 13),
    ("treize", 13),
    ("fourteen", 14),
    ("quatorze", 14),
    ("fifteen", 15),
    ("quinze", 15),
    ("sixteen", 16),
    ("seize", 16),
    ("twenty", 20),
    ("vingt", 20),
    ("thirty", 30),
    ("trente", 30),
    ("forty", 40),
    ("quarante", 40),
    ("fifty", 50),
    ("cinquante", 50),
];

fn take(word: &str, opens: bool, country_words: &[String], names: &mut Vec<String>, numbers: &mut Vec<u64>) {
    let word = word.trim_matches(|c: char| c == '-' || c == '\'');
    // "l'Armée", "d'Arbinda": the name after an elided article.
    let word = match word.find('\'') {
        Some(i) if i <= 2 => &word[i + 1..],
        _ => word,
    };
    if word.is_empty() {
        return;
    }
    if word.chars().all(|c| c.is_ascii_digit()) {
        if let Ok(n) = word.parse::<u64>() {
            if !(1900..=2100).contains(&n) {
                numbers.push(n);
            }
        }
        return;
    }
    let folded = sitrep_text::fold_str(word);
    if let Some(&(_, n)) = NUMBER_WORDS.iter().find(|(w, _)| *w == folded) {
        numbers.push(n);
        return;
    }
    let first = word.chars().next().unwrap_or(' ');
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    // "ISGS", in the plural "ISGs", "IEDs", and words made of one: "JNIM-linked",
    // "IED-making".
    let acronym = word.split('-').any(|part| {
        let singular = part.strip_suffix('s').filter(|w| w.chars().count() >= 2).unwrap_or(part);
        singular.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && singular.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase)
    });
    if opens || !first.is_uppercase() || letters < 3 || acronym {
        return;
    }
    if NOT_NAMES.contains(&folded.as_str()) || CALENDAR.contains(&folded.as_str()) || country_words.contains(&folded) {
        return;
    }
    names.push(folded);
}

/// Two folded names are the same when equal or one spelling apart ("Bobo-Dioulasso",
/// "Bobo-Dioulassou"; "Arbinda", "Aribinda"), or when one is a part of the other
/// hyphenated name ("Pobé-Mengao", "Mengao").
fn same_name(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (la, lb) = (a.chars().count(), b.chars().count());
    let short = la.min(lb);
    if short >= 5 && la.abs_diff(lb) <= 2 {
        let max = if short >= 8 { 2 } else { 1 };
        if edit_distance(a, b) <= max {
            return true;
        }
    }
    let part_of = |x: &str, y: &str| x.len() >= 4 && y.contains(['-', ' ']) && y.split(['-', ' ']).any(|p| p == x);
    // One word in two languages ("Famille", "Family"; "Libanais", "Lebanese").
    let translated = || term_of_name(a).is_some_and(|t| term_of_name(b) == Some(t));
    part_of(a, b) || part_of(b, a) || translated()
}

/// Whether `a`'s coded place is among the names of `b`'s text (its sentence or
/// paragraph).
fn cross_named(a: &Keys, b: &Keys) -> bool {
    a.named_place.as_ref().is_some_and(|p| b.names.iter().chain(&b.context).any(|n| same_name(p, n)))
}

/// Two hyphenated names that share a part but are not one name.
fn compounds_differ(a: &str, b: &str) -> bool {
    a.contains('-')
        && b.contains('-')
        && !same_name(a, b)
        && a.split('-').any(|p| p.chars().count() >= 4 && b.split('-').any(|q| q == p))
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, &cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb)).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// The event types ACLED's coders and reporters most often tell apart differently: the
/// three kinds of organized violence.
fn violent(t: &str) -> bool {
    matches!(t, "Battles" | "Explosions/Remote violence" | "Violence against civilians")
}

/// Protests and riots: where a crowd turns violent is a judgement two reporters often
/// make differently.
fn demonstration(t: &str) -> bool {
    matches!(t, "Protests" | "Riots")
}

/// Sub-event types of different event types that two coders may give one incident,
/// and what the difference costs: a crowd's violence told as a mob's by one and as an
/// armed clash or an attack by the other; rioters' or mutineers' damage as a riot or as
/// looting; a vehicle seized with its crew as an abduction or as looting; arrests at a protest as the arrests or as the protest; a device found and
/// defused, or blown up.
fn one_incident_read_apart(a: &Keys, b: &Keys) -> Option<f64> {
    let pair = |x: &str, y: &str| {
        (a.sub_event_type == x && b.sub_event_type == y) || (a.sub_event_type == y && b.sub_event_type == x)
    };
    // A riot's sub-type (mob violence, a violent demonstration) against another type's.
    let riot_and = |t: &str| {
        (a.event_type == "Riots" && b.sub_event_type == t) || (b.event_type == "Riots" && a.sub_event_type == t)
    };
    let apart = riot_and("Armed clash")
        || riot_and("Attack")
        || riot_and("Looting/property destruction")
        || pair("Abduction/forced disappearance", "Looting/property destruction")
        || pair("Arrests", "Protest with intervention")
        || pair("Arrests", "Excessive force against protesters");
    if apart {
        Some(-1.5)
    } else if pair("Disrupted weapons use", "Remote explosive/landmine/IED") {
        Some(-1.0)
    } else {
        None
    }
}

/// Actors named by what they are rather than who: shared by many distinct events.
fn generic_actor(folded: &str) -> bool {
    ["unidentified", "civilians", "protesters", "rioters", "unknown"].iter().any(|g| folded.starts_with(g))
}

/// An actor's name without its country qualifier: "military forces of burkina faso"
/// and "civilians (mali)" become "military forces" and "civilians".
fn actor_base(folded: &str) -> &str {
    let s = match folded.rfind(" (") {
        Some(i) if folded.ends_with(')') => &folded[..i],
        _ => folded,
    };
    match s.find(" of ") {
        Some(i) => &s[..i],
        None => s,
    }
}

/// Great-circle distance in kilometres.
pub(crate) fn km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0 * a.sqrt().asin()
}

/// A pair's score: the sum of `features`, or `None` when a feature rules the pair out.
#[derive(Clone, Debug, Default, Serialize)]
pub(crate) struct Score {
    pub total: f64,
    pub features: Vec<(&'static str, f64)>,
}

impl Score {
    fn add(&mut self, name: &'static str, w: f64) {
        if w != 0.0 {
            self.total += w;
            self.features.push((name, w));
        }
    }

    fn has(&self, name: &str) -> bool {
        self.features.iter().any(|f| f.0 == name)
    }

    /// Whether the two texts name different places or people below the province.
    pub(crate) fn names_conflict(&self) -> bool {
        NAMES_APART.iter().any(|n| self.has(n))
    }

    /// Whether the two texts share a name and neither names one the other does not.
    pub(crate) fn names_agree(&self) -> bool {
        self.has("shared_names") && !self.names_conflict()
    }
}

/// Features that say each text names a place or person the other does not.
const NAMES_APART: &[&str] = &["no_shared_name", "names_only_one_side_each", "different_compound_names"];

/// The score at or above which a new report joins a stored event.
pub(crate) const THRESHOLD: f64 = 5.0;

/// Compares a new report with one already stored.
pub(crate) fn score(a: &Keys, b: &Keys) -> Option<Score> {
    let mut s = Score::default();
    // Blocking: the same country and dates that meet once widened by their slack. A
    // report whose place the gazetteer does not know has no country: it may still link,
    // on the evidence of a name both texts share (checked below). So may two reports
    // of different countries when one of them only guessed its country (no place below
    // the country): a nationality or a neighbour named in passing often gives it.
    let country_unknown = a.country.is_none() || b.country.is_none() || a.country != b.country;
    if a.country != b.country && a.country_placed() && b.country_placed() {
        return None;
    }
    let (alo, ahi, blo, bhi) = (a.lo?, a.hi?, b.lo?, b.hi?);
    let slack = a.slack.max(b.slack);
    if alo > bhi + slack || blo > ahi + slack {
        return None;
    }
    let same_day = alo == ahi && blo == bhi && alo == blo;
    // Two reports that each give a day, and not the same one, are most often two events
    // (the slack is there for a day misread, which is rarer than a next day's event).
    // But a day told relative to the publication ("yesterday", "on Sunday") moves with
    // the dateline a paper gives it, which may be a day after the wire's.
    let w = if same_day {
        1.0
    } else if alo == ahi && blo == bhi && (a.relative_date || b.relative_date) {
        -1.5
    } else if alo == ahi && blo == bhi {
        -4.0
    } else {
        0.0
    };
    s.add("same_day", w);

    if a.sub_event_type == b.sub_event_type && a.sub_event_type == "Other" {
        // What is left when no kind fits: two such share their event type, no kind.
        s.add("same_event_type", 0.5);
    } else if a.sub_event_type == b.sub_event_type {
        s.add("same_sub_event_type", 2.0);
    } else if a.sub_event_type == "Other" || b.sub_event_type == "Other" {
        // One coder found no kind for what the other coded as one.
        s.add("other_against_a_kind", -1.0);
    } else if let Some(w) = one_incident_read_apart(a, b) {
        s.add("other_reading_of_the_violence", w);
    } else if a.event_type == "Strategic developments" || b.event_type == "Strategic developments" {
        // Its sub-types are kinds of events, not readings of one: a school burned and a
        // mine taken the same day are two events.
        return None;
    } else if a.event_type == b.event_type && a.event_type == "Protests" {
        // One protest, whose breaking-up a shorter report leaves out: its sub-types
        // say what the police did, not what the crowd did.
        s.add("same_event_type", 1.0);
    } else if a.event_type == b.event_type {
        s.add("same_event_type", 0.5);
    } else if violent(&a.event_type) && violent(&b.event_type) {
        s.add("other_violent_type", -1.0);
    } else if demonstration(&a.event_type) && demonstration(&b.event_type) {
        s.add("other_demonstration_type", -1.5);
    } else {
        return None;
    }

    match (a.lat, a.lon, b.lat, b.lon) {
        (Some(la), Some(oa), Some(lb), Some(ob)) => {
            let d = km(la, oa, lb, ob);
            let coarse = a.geo_precision.max(b.geo_precision).unwrap_or(1) >= 3;
            // Two named places 25 km apart are two events; a region-level place (ACLED
            // precision 3) says little about where in the region it was.
            let w = if d <= 2.0 {
                2.0
            } else if d <= 10.0 {
                1.0
            } else if d <= 25.0 {
                0.0
            } else if coarse {
                // A country's centre (no admin1) says nothing of the distance.
                if a.admin1.is_none() || b.admin1.is_none() {
                    0.0
                } else if d <= 250.0 {
                    -1.0
                } else {
                    return None;
                }
            } else if (cross_named(a, b) || cross_named(b, a)) && d <= 250.0 {
                // A text names the place the other is coded at: the coders chose
                // differently among the places the reports give ("Arbinda, near
                // Djibo" coded at Djibo in one, at Arbinda in the other).
                0.0
            } else if d <= 75.0 {
                -2.5
            } else if d <= 250.0 {
                -5.0
            } else {
                return None;
            };
            s.add("distance", w);
        }
        _ => {
            if a.admin1.is_some() && a.admin1 == b.admin1 {
                s.add("same_admin1", 0.5);
            }
        }
    }
    let shared_places = match (&a.named_place, &b.named_place) {
        (Some(x), Some(y)) if same_name(x, y) => 1,
        _ => 0,
    };
    s.add("same_named_place", f64::from(shared_places));

    // A named group is evidence; "unidentified armed group" or "civilians" hardly is.
    // Names are compared without their country qualifier ("Police Forces of Burkina
    // Faso", "Police Forces"), which the coder leaves out when it does not know the
    // country.
    let shared_actors: f64 = a
        .actors
        .iter()
        .filter(|x| b.actors.iter().any(|y| actor_base(x) == actor_base(y)))
        .map(|x| if generic_actor(x) { 0.25 } else { 1.0 })
        .sum();
    let named = |k: &Keys| k.actors.iter().any(|x| !generic_actor(x));
    if shared_actors > 0.0 {
        s.add("shared_actors", shared_actors.min(2.0));
    } else if named(a) && named(b) {
        s.add("no_shared_actor", -0.5);
    }

    // A toll the text says is unknown is compared with nothing, not even another such.
    if let (Some(fa), Some(fb), false) = (a.fatalities, b.fatalities, a.toll_unknown || b.toll_unknown) {
        // A figure the other text gives, though its coder counted another, is the
        // same figure misread rather than two tolls.
        let in_text = |f: u32, k: &Keys| f > 0 && k.numbers.contains(&u64::from(f));
        let w = if fa == fb {
            if fa > 0 {
                1.5
            } else {
                0.5
            }
        } else if in_text(fa, b) || in_text(fb, a) {
            0.5
        } else {
            let (lo, hi) = (fa.min(fb) as f64, fa.max(fb) as f64);
            if hi - lo <= 1.0 || lo / hi >= 0.6 {
                0.0
            } else {
                -2.0
            }
        };
        s.add("fatalities", w);
    }

    // Names below the province: villages, people. A province's name is shared by
    // every event there and tells nothing; a word of an actor's name ("Ansaroul
    // Islam", "Koglweogo") was compared with the actors.
    let specific = |k: &Keys, context: bool| -> Vec<String> {
        let actor_word =
            |n: &str| k.actors.iter().any(|a| a.split(|c: char| !c.is_alphanumeric() && c != '-').any(|w| w == n));
        let own = k.names.iter().chain(&k.named_place);
        let mut v: Vec<String> = if context { k.context.iter().collect::<Vec<_>>() } else { own.collect() }
            .into_iter()
            .filter(|n| !k.admins.contains(n) && !actor_word(n))
            .cloned()
            .collect();
        v.sort();
        v.dedup();
        v
    };
    let (mut na, mut nb) = (specific(a, false), specific(b, false));
    let (mut ca, mut cb) = (specific(a, true), specific(b, true));
    // "Singa-Mossi" and "Singa-Rimaibe": two places of one name, told apart by their
    // second part. Neither then matches the bare "Singa" either.
    let mut parts: Vec<String> = Vec::new();
    for x in &na {
        for y in nb.iter().filter(|y| compounds_differ(x, y)) {
            parts.extend(x.split('-').chain(y.split('-')).map(str::to_string));
            parts.push(x.clone());
            parts.push(y.clone());
        }
    }
    if !parts.is_empty() {
        s.add("different_compound_names", -3.0);
        for v in [&mut na, &mut nb, &mut ca, &mut cb] {
            v.retain(|n| !parts.contains(n));
        }
    }
    let mut shared_names = na.iter().filter(|n| nb.iter().any(|m| same_name(n, m))).count();
    // The names the paragraphs add on either side.
    let (fa, fb): (Vec<&String>, Vec<&String>) = (na.iter().chain(&ca).collect(), nb.iter().chain(&cb).collect());
    let context_shared = fa.iter().filter(|n| fb.iter().any(|m| same_name(n, m))).count().saturating_sub(shared_names);
    // With no country to block on, a shared name, or the same day, sub-event type and a
    // named (not generic) actor, must stand in for it.
    let named_actor_shared =
        a.actors.iter().any(|x| !generic_actor(x) && b.actors.iter().any(|y| actor_base(x) == actor_base(y)));
    // The concepts both texts name, in either language.
    let shared_terms = a.terms.iter().filter(|t| b.terms.contains(t)).count();
    if country_unknown
        && shared_names + context_shared == 0
        && shared_terms < 2
        && !(same_day && a.sub_event_type == b.sub_event_type && named_actor_shared)
    {
        return None;
    }
    // Both texts name places or people below the province, and not one the same: two
    // events.
    let mut names_differ = true;
    if shared_names + context_shared == 0 && !na.is_empty() && !nb.is_empty() {
        s.add("no_shared_name", -3.0);
    } else {
        // Each names something the other does not: a shorter report may leave names
        // out, but two reports of one event rarely add different ones each.
        // A coded place counts only against another coded place (a report placed at
        // the country's or province's level names none).
        // A name the other paragraph gives is not the sentence's own.
        let only = |x: &[String], kx: &Keys, y: &[&String], ky: &Keys| {
            x.iter()
                .filter(|n| ky.named_place.is_some() || kx.named_place.as_ref() != Some(*n))
                .filter(|n| !y.iter().any(|m| same_name(n, m)))
                .count()
        };
        let (only_a, only_b) = (only(&na, a, &fb, b), only(&nb, b, &fa, a));
        names_differ = only_a.min(only_b) > 0;
        // The one name both give is the town both are coded at, which the distance
        // has compared already, and each names something else: the town's name is
        // no further evidence.
        let coded_place = match (&a.named_place, &b.named_place) {
            (Some(x), Some(y)) if same_name(x, y) => Some(x),
            _ => None,
        };
        let is_coded_place =
            |n: &String| coded_place.is_some_and(|p| same_name(p, n) && p.contains('-') == n.contains('-'));
        let beyond = na.iter().filter(|n| !is_coded_place(n) && nb.iter().any(|m| same_name(n, m))).count();
        if names_differ && beyond == 0 {
            shared_names = 0;
        }
        s.add("names_only_one_side_each", -(only_a.min(only_b) as f64).min(2.0));
    }
    // A village or a person both texts name is the strongest evidence the text gives.
    let w = if shared_names == 0 { 0.0 } else { (1.5 + 0.75 * (shared_names - 1) as f64).min(2.5) };
    s.add("shared_names", w);
    s.add("shared_paragraph_names", (context_shared as f64 * 0.5).min(1.0));
    // Where neither report is placed below the province, a name both texts give
    // stands in for the place, unless each also names one the other does not (and
    // they share no more names than that one).
    if (shared_names > 1 || shared_names == 1 && !names_differ) && a.named_place.is_none() && b.named_place.is_none() {
        s.add("shared_name_for_place", 1.0);
    }
    // What both say of the victims, the places hit, the crowd's grievance: each
    // concept is common, several together are one telling.
    // Not where the texts name different places or people: then the concepts tell
    // the kind of event both are (soldiers burning houses in two villages), not one.
    // Nor of two days each text writes out: the same kind of event again the next day.
    let two_days = alo == ahi && blo == bhi && alo != blo && !a.relative_date && !b.relative_date;
    // Nor where neither gives a day and their weeks only meet: they may hold the same
    // kind of incident twice (students dispersed with tear gas on two days of a
    // strike). Two reports of the very same week (one dateline) are not in that doubt.
    let no_day = alo != ahi && blo != bhi && (alo, ahi) != (blo, bhi);
    // Nor where neither coder found a kind: what no kind fits is politics (a president,
    // a mutiny, a dissolved government), whose words run through every report of a crisis.
    let no_kind = a.sub_event_type == "Other" && b.sub_event_type == "Other";
    if !two_days && !no_day && !no_kind && !s.has("no_shared_name") && !s.has("different_compound_names") {
        s.add("shared_terms", (shared_terms as f64 * 0.5).min(2.5));
        // One text says nothing the other does not: a translation, or a shorter
        // telling of the same.
        let within = |x: &Keys, y: &Keys| x.terms.iter().all(|t| y.terms.contains(t));
        if shared_terms >= 2 && (within(a, b) || within(b, a)) {
            s.add("terms_agree", 0.5);
        }
    }
    // The same count told of two different days ("two groups", "three vehicles") is
    // a coincidence of small numbers, not one telling.
    let other_days = alo == ahi && blo == bhi && alo != blo;
    let shared_numbers = a.numbers.iter().filter(|n| b.numbers.contains(n) && Some(**n as u32) != a.fatalities).count();
    if !other_days {
        s.add("shared_numbers", (shared_numbers as f64 * 0.5).min(1.0));
    }
    Some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intervals_follow_precision() {
        assert_eq!(interval(Some("2020-01-03"), Some("day")), Some((18264, 18264, 1)));
        let (lo, hi, _) = interval(Some("2020-02"), Some("month")).unwrap();
        assert_eq!(hi - lo, 28);
        let (lo, hi, _) = interval(Some("2020-01-08"), Some("week")).unwrap();
        assert_eq!(hi - lo, 6);
        assert_eq!(interval(None, None), None);
    }

    #[test]
    fn names_skip_function_words_and_country() {
        let (names, numbers) = names_and_numbers(
            "On 3 January 2020, JNIM-linked militants and ISGs attacked Arbinda in Burkina Faso, killing 12 people near l'Oudalan.",
            &["burkina".into(), "faso".into()],
        );
        assert_eq!(names, vec!["arbinda", "oudalan"]);
        assert_eq!(numbers, vec![3, 12]);
    }

    #[test]
    fn a_run_of_names_is_one_name() {
        let (names, _) = names_and_numbers("Thousands marched for Norbert Zongo, a journalist, in Koudougou.", &[]);
        assert_eq!(names, vec!["koudougou", "norbert zongo"]);
        let (names, _) = names_and_numbers("Soldiers attacked Kouna, Deibanga and Kaya.", &[]);
        assert_eq!(names, vec!["deibanga", "kaya", "kouna"], "a comma or a word parts names");
        assert!(same_name("norbert zongo", "nobert zongo"));
        assert!(same_name("zongo", "norbert zongo"), "a part of the name is the name");
    }

    #[test]
    fn numbers_in_words_count_in_both_languages() {
        let (_, en) = names_and_numbers("Five bodies were found and two men arrested, one of them wounded.", &[]);
        let (_, fr) = names_and_numbers("Cinq corps ont été retrouvés et deux hommes arrêtés, dont un blessé.", &[]);
        assert_eq!(en, vec![2, 5]);
        assert_eq!(fr, en);
    }

    #[test]
    fn a_count_shared_by_two_days_is_no_evidence() {
        let n = |lo: i64| Keys { lo: Some(lo), hi: Some(lo), numbers: vec![3], fatalities: None, ..keys() };
        let has = |a: &Keys, b: &Keys| score(a, b).unwrap().features.iter().any(|f| f.0 == "shared_numbers");
        assert!(has(&n(100), &n(100)));
        assert!(!has(&n(100), &n(101)));
        let week = Keys { lo: Some(98), hi: Some(104), slack: 0, ..n(100) };
        assert!(has(&n(100), &week), "a day within a week is not another day");
    }

    #[test]
    fn a_paragraph_is_the_text_between_line_breaks() {
        let text = "Title\nOne. Two here.\nThree.";
        let start = text.find("Two").unwrap();
        assert_eq!(paragraph(text, start, start + 9), "One. Two here.");
        assert_eq!(paragraph("One sentence.", 0, 13), "One sentence.");
        assert_eq!(paragraph("short", 2, 40), "");
        let text = "Tiré à Fada.\nÀ Kaya, rien. Puis Dori.";
        assert_eq!(paragraph(text, 13, 26), "À Kaya, rien. Puis Dori.", "offsets count characters");
    }

    #[test]
    fn spellings_of_one_name_match() {
        assert!(same_name("bobo-dioulasso", "bobo-dioulassou"));
        assert!(same_name("arbinda", "aribinda"));
        assert!(same_name("pobe-mengao", "mengao"));
        assert!(!same_name("djibo", "dori"));
        assert!(!same_name("kaya", "kaye"), "short names must match exactly");
        assert!(compounds_differ("singa-mossi", "singa-peulh"));
        assert!(!compounds_differ("bobo-dioulasso", "bobo-dioulassou"));
        assert!(!compounds_differ("pobe-mengao", "mengao"));
    }

    fn keys() -> Keys {
        Keys {
            country: Some("BF".into()),
            lo: Some(100),
            hi: Some(100),
            slack: 1,
            event_type: "Battles".into(),
            sub_event_type: "Armed clash".into(),
            lat: Some(12.0),
            lon: Some(-1.0),
            geo_precision: Some(1),
            actors: vec!["military forces of burkina faso (2015-2022)".into()],
            fatalities: Some(5),
            ..Keys::default()
        }
    }

    #[test]
    fn same_event_links_and_far_apart_does_not() {
        let a = keys();
        let b = keys();
        assert!(score(&a, &b).unwrap().total >= THRESHOLD);
        let far = Keys { lat: Some(15.0), ..keys() };
        assert!(score(&a, &far).is_none(), "over 250 km apart");
        let later = Keys { lo: Some(103), hi: Some(103), ..keys() };
        assert!(score(&a, &later).is_none(), "three days apart at day precision");
        let other_country = Keys { country: Some("ML".into()), ..keys() };
        assert!(score(&a, &other_country).is_none());
        let protest = Keys { event_type: "Protests".into(), sub_event_type: "Peaceful protest".into(), ..keys() };
        assert!(score(&a, &protest).is_none());
        let looting = Keys {
            event_type: "Strategic developments".into(),
            sub_event_type: "Looting/property destruction".into(),
            ..keys()
        };
        let taken = Keys {
            event_type: "Strategic developments".into(),
            sub_event_type: "Non-violent transfer of territory".into(),
            ..keys()
        };
        assert!(score(&looting, &looting).is_some());
        assert!(score(&looting, &taken).is_none(), "strategic sub-types are kinds of events");
        let other = Keys { event_type: "Strategic developments".into(), sub_event_type: "Other".into(), ..keys() };
        let w = |a: &Keys| {
            score(a, a).unwrap().features.iter().filter(|f| f.0.starts_with("same_")).map(|f| f.1).sum::<f64>()
        };
        assert!(w(&other) < w(&looting), "'Other' is no kind of event: two share none");
        // Nor does it rule a kind out: one coder found none for what the other coded.
        let s = score(&other, &keys()).unwrap();
        assert!(s.features.iter().any(|f| f.0 == "other_against_a_kind" && f.1 < 0.0), "{s:?}");
        assert!(score(&keys(), &other).is_some());
    }

    #[test]
    fn two_days_given_and_not_the_same_are_two_events() {
        let a = keys();
        let next = Keys { lo: Some(101), hi: Some(101), ..keys() };
        let s = score(&a, &next).unwrap();
        assert!(s.total < THRESHOLD, "{s:?}");
        // A report that gives only the week may still be the same event.
        let week = Keys { lo: Some(98), hi: Some(104), slack: 0, ..keys() };
        assert!(score(&a, &week).unwrap().total >= THRESHOLD);
    }

    #[test]
    fn a_country_without_a_place_does_not_block() {
        // The country's centre: a country guessed from a nationality, say.
        let guessed =
            Keys { country: Some("US".into()), lat: Some(39.0), lon: Some(-98.0), geo_precision: Some(3), ..keys() };
        assert!(score(&keys(), &guessed).is_some());
        let unplaced = Keys { country: Some("US".into()), lat: None, lon: None, geo_precision: None, ..keys() };
        assert!(score(&keys(), &unplaced).is_some());
        // Placed in two countries: two events.
        let placed = Keys { country: Some("ML".into()), admin1: Some("mopti".into()), ..keys() };
        assert!(score(&keys(), &placed).is_none());
    }

    #[test]
    fn a_protest_and_a_riot_may_be_one_event_but_not_a_protest_and_a_battle() {
        let riot = Keys { event_type: "Riots".into(), sub_event_type: "Violent demonstration".into(), ..keys() };
        let protest = Keys { event_type: "Protests".into(), sub_event_type: "Peaceful protest".into(), ..keys() };
        let s = score(&riot, &protest).unwrap();
        assert!(s.features.iter().any(|f| f.0 == "other_demonstration_type"), "{s:?}");
        assert!(score(&keys(), &protest).is_none());
    }

    #[test]
    fn the_town_both_are_coded_at_is_not_a_shared_name_when_each_names_another_place() {
        let town = |names: &[&str]| Keys {
            named_place: Some("ouagadougou".into()),
            names: names.iter().map(|n| n.to_string()).collect(),
            fatalities: None,
            ..keys()
        };
        let shared = |s: Score| s.features.into_iter().find(|f| f.0 == "shared_names").map_or(0.0, |f| f.1);
        let a = town(&["ouagadougou", "dapoya"]);
        assert_eq!(shared(score(&a, &town(&["ouagadougou", "tampouy"])).unwrap()), 0.0);
        assert!(shared(score(&a, &town(&["ouagadougou"])).unwrap()) > 0.0, "one names nothing else");
        assert!(shared(score(&a, &town(&["ouagadougou", "dapoya", "larle"])).unwrap()) > 0.0);
    }

    #[test]
    fn a_place_the_other_text_names_is_no_distance_against() {
        let djibo = Keys { named_place: Some("djibo".into()), names: vec!["aribinda".into()], ..keys() };
        let arbinda = Keys { named_place: Some("arbinda".into()), lat: Some(12.5), names: vec![], ..keys() };
        let d = |a: &Keys, b: &Keys| {
            score(a, b).unwrap().features.into_iter().find(|f| f.0 == "distance").map_or(0.0, |f| f.1)
        };
        assert_eq!(d(&djibo, &arbinda), 0.0);
        let kaya = Keys { named_place: Some("kaya".into()), ..arbinda.clone() };
        assert!(d(&djibo, &kaya) < 0.0);
    }

    #[test]
    fn a_toll_the_other_text_gives_is_not_a_different_toll() {
        let two = Keys { fatalities: Some(2), ..keys() };
        let misread = Keys { fatalities: Some(24), numbers: vec![2], ..keys() };
        let other = Keys { fatalities: Some(24), ..keys() };
        let w = |k: &Keys| score(&two, k).unwrap().features.into_iter().find(|f| f.0 == "fatalities").unwrap().1;
        assert!(w(&misread) > 0.0);
        assert!(w(&other) < 0.0);
    }

    #[test]
    fn a_toll_the_text_says_is_unknown_is_not_compared() {
        assert!(toll_unknown("Airstrikes hit a forest camp, an unknown number of militants killed."));
        assert!(toll_unknown("Des frappes sur un camp en forêt, tuant un nombre indéterminé de combattants."));
        assert!(!toll_unknown("Airstrikes hit a forest camp, killing 10 militants."));
        let ten = Keys { fatalities: Some(10), toll_unknown: true, ..keys() };
        let one = Keys { fatalities: Some(1), toll_unknown: true, ..keys() };
        let has = |s: Score| s.features.iter().any(|f| f.0 == "fatalities");
        assert!(!has(score(&ten, &one).unwrap()));
        assert!(!has(score(&ten, &Keys { fatalities: Some(10), ..keys() }).unwrap()));
        assert!(has(score(&Keys { fatalities: Some(1), ..keys() }, &Keys { fatalities: Some(10), ..keys() }).unwrap()));
    }

    #[test]
    fn concepts_match_across_languages() {
        let fr = terms_of("Des étudiants ont incendié la mairie et des pneus ; la police a tiré des gaz lacrymogènes.");
        let en = terms_of("Students burned the town hall and tires; police fired tear gas.");
        assert_eq!(fr, vec!["burn", "student", "tear gas", "tire", "town hall"]);
        assert_eq!(fr, en);
        assert!(terms_of("On 3 March, an attack killed two.").is_empty(), "a month is no march");
        assert!(same_name("libanais", "lebanese"));
        assert!(same_name("famille", "family"));
        assert!(!same_name("famille", "lebanese"));
    }

    #[test]
    fn shared_concepts_count_unless_the_texts_name_other_places_or_days() {
        let t = |names: &[&str], lo: i64| Keys {
            terms: vec!["burn".into(), "house".into(), "motorbike".into()],
            names: names.iter().map(|n| n.to_string()).collect(),
            lo: Some(lo),
            hi: Some(lo),
            fatalities: None,
            ..keys()
        };
        let has = |a: &Keys, b: &Keys| score(a, b).unwrap().has("shared_terms");
        assert!(has(&t(&["kouna"], 100), &t(&["kouna"], 100)));
        assert!(!has(&t(&["kouna"], 100), &t(&["dori"], 100)), "two villages");
        assert!(!has(&t(&[], 100), &t(&[], 101)), "two days written out");
        let yesterday = Keys { relative_date: true, ..t(&[], 101) };
        assert!(has(&t(&[], 100), &yesterday));
        let week = |lo: i64| Keys { lo: Some(lo), hi: Some(lo + 6), slack: 0, ..t(&[], lo) };
        assert!(has(&t(&[], 100), &week(97)), "a day within a week");
        assert!(!has(&week(94), &week(97)), "two weeks, no day");
        assert!(has(&week(97), &week(97)), "one week, one dateline");
        let other = |k: Keys| Keys { event_type: "Strategic developments".into(), sub_event_type: "Other".into(), ..k };
        assert!(!has(&other(t(&[], 100)), &other(t(&[], 100))), "no kind: a crisis's words");
    }

    #[test]
    fn a_text_that_says_nothing_more_agrees() {
        let t = |terms: &[&str]| Keys { terms: terms.iter().map(|n| n.to_string()).collect(), ..keys() };
        let agree = |a: &Keys, b: &Keys| score(a, b).unwrap().has("terms_agree");
        assert!(agree(&t(&["student", "tear gas"]), &t(&["release", "student", "tear gas"])));
        assert!(!agree(&t(&["road", "student", "tear gas"]), &t(&["release", "student", "tear gas"])));
        assert!(!agree(&t(&["student"]), &t(&["student"])), "one concept is no telling");
    }

    #[test]
    fn a_day_told_relative_to_the_dateline_may_be_a_day_off() {
        let next = Keys { lo: Some(101), hi: Some(101), ..keys() };
        let yesterday = Keys { relative_date: true, ..next.clone() };
        let w = |b: &Keys| score(&keys(), b).unwrap().features.into_iter().find(|f| f.0 == "same_day").unwrap().1;
        assert!(w(&yesterday) > w(&next));
        assert!(w(&yesterday) < 0.0);
    }

    #[test]
    fn one_incident_may_be_read_as_two_kinds() {
        let k = |t: &str, sub: &str| Keys { event_type: t.into(), sub_event_type: sub.into(), ..keys() };
        let mob = k("Riots", "Mob violence");
        let clash = keys();
        let looting = k("Strategic developments", "Looting/property destruction");
        let riot = k("Riots", "Violent demonstration");
        let abduction = k("Violence against civilians", "Abduction/forced disappearance");
        let arrests = k("Strategic developments", "Arrests");
        let peaceful = k("Protests", "Peaceful protest");
        for (a, b) in [(&mob, &clash), (&riot, &looting), (&abduction, &looting)] {
            let s = score(a, b).unwrap();
            assert!(s.has("other_reading_of_the_violence"), "{s:?}");
            assert!(score(b, a).unwrap().has("other_reading_of_the_violence"));
        }
        assert!(score(&arrests, &peaceful).is_none(), "arrests, and a protest no one broke up");
        let broken_up = k("Protests", "Protest with intervention");
        let w = |a: &Keys, b: &Keys| score(a, b).unwrap().features.iter().find(|f| f.0 == "same_event_type").unwrap().1;
        let (fight, clash) = (k("Battles", "Government regains territory"), keys());
        assert!(w(&peaceful, &broken_up) > w(&fight, &clash), "one protest, the police's part told or not");
        assert!(score(&arrests, &looting).is_none());
    }

    #[test]
    fn without_a_country_a_named_actor_on_the_same_day_can_stand_in_for_it() {
        let placeless = || Keys { country: None, lat: None, lon: None, geo_precision: None, ..keys() };
        assert!(score(&placeless(), &placeless()).is_some());
        // Only generic actors, or another day: nothing to block on, no link.
        let generic = || Keys { actors: vec!["unidentified armed group (burkina faso)".into()], ..placeless() };
        assert!(score(&generic(), &generic()).is_none());
        let next_day = Keys { lo: Some(101), hi: Some(101), ..placeless() };
        assert!(score(&placeless(), &next_day).is_none());
    }
}
