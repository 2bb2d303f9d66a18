//! Which of a text's places an event takes, on sentences written for these tests.

use sitrep_code::Engine;
use sitrep_core::{Document, Event, Lang, PartialDate};

fn code(text: &str, lang: Lang) -> Vec<Event> {
    static ENGINE: std::sync::OnceLock<Engine> = std::sync::OnceLock::new();
    let engine = ENGINE.get_or_init(Engine::new);
    let mut doc = Document::new(text.to_string(), None);
    doc.lang = Some(lang);
    doc.published = PartialDate::parse_iso("2023-05-10");
    engine.analyze(&doc).events()
}

#[test]
fn an_end_of_a_road_gives_way_to_the_place_named_as_such() {
    let e = &code(
        "On 9 May 2023, workers staged a protest at the Dhaka-Tangail highway, Gazipur city, demanding unpaid wages.",
        Lang::En,
    )[0];
    assert_eq!(e.location.as_deref(), Some("Gazipur"), "{e:?}");
}

#[test]
fn a_town_before_its_province_in_parentheses() {
    let e = &code(
        "Des hommes armés ont incendié lundi une école dans la zone de Kwaréba (Déou, province de l'Oudalan).",
        Lang::Fr,
    )[0];
    assert_eq!(e.location.as_deref(), Some("Déou"), "{e:?}");
    assert_eq!(e.country.as_deref(), Some("BF"));
}

#[test]
fn an_event_told_sentences_after_its_place_takes_it() {
    let ev = code(
        "Gunmen killed a trader in Garissa on Monday. The motive is unclear. No arrests were made. \
         Residents later protested against insecurity.",
        Lang::En,
    );
    let protest = ev.iter().find(|e| e.sub_event_type.contains("protest")).expect("a protest");
    assert_eq!(protest.location.as_deref(), Some("Garissa"), "{ev:?}");
}

#[test]
fn a_note_that_says_where_it_coded_the_event_decides() {
    let e = &code(
        "On 3 May 2023, gunmen attacked herders between Garissa and a camp further east (coded as Dadaab). \
         Two were killed.",
        Lang::En,
    )[0];
    assert_eq!(e.location.as_deref(), Some("Dadaab"), "{e:?}");
}

#[test]
fn a_road_between_two_places_places_one_protest() {
    let ev = code("Residents blocked the Nyeri-Karatina road to protest rising accidents.", Lang::En);
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(ev[0].location.as_deref(), Some("Nyeri"), "{ev:?}");
}

#[test]
fn a_town_told_later_inside_the_area_told_first_is_the_same_events_place() {
    let ev = code(
        "Nine are dead and six are injured in a fight between pastoralists and farmers in Tana River. \
         The clashes between the pastoralists and the farmers occurred in Wachu Oda in Garsen.",
        Lang::En,
    );
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(ev[0].location.as_deref(), Some("Garsen"), "{ev:?}");
    assert_eq!(ev[0].fatalities, 9, "{ev:?}");
}

#[test]
fn one_sentences_protest_is_one_event_at_the_place_it_is_held() {
    let ev = code(
        "Teachers from Wajir staged protests at the Teachers Service Commission headquarters in Nairobi over insecurity.",
        Lang::En,
    );
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(ev[0].location.as_deref(), Some("Nairobi"), "{ev:?}");
}

#[test]
fn a_name_the_lexicon_gives_to_a_countrys_politics_is_no_place() {
    // "Balai citoyen" is a Burkinabe movement, not Balai in Indonesia.
    let ev = code(
        "Des émeutiers du Balai citoyen ont brûlé des pneus ce lundi à Tampouy, pour protester contre le projet d'amnistie.",
        Lang::Fr,
    );
    assert!(ev.iter().all(|e| e.country.as_deref() == Some("BF")), "{ev:?}");
}

#[test]
fn a_kenyan_party_or_leader_named_alone_is_no_place_abroad() {
    // "Jubilee" is Kenya's ruling party, not Jubilee in Canada; "Moi", a former president.
    for text in [
        "On 25 September 2017, Jubilee supporters protested against the remarks of an opposition MP.",
        "On 25 September 2017, students rioted at Moi University over fees.",
    ] {
        let ev = code(text, Lang::En);
        assert!(!ev.is_empty() && ev.iter().all(|e| e.country.as_deref() == Some("KE")), "{ev:?}");
    }
}

#[test]
fn a_town_of_a_country_nothing_else_names_far_from_the_documents_places_no_event() {
    // The gazetteer knows a Solhan in Turkey, not the Burkinabe one: two Burkinabe groups
    // place the attack in Burkina Faso, not on another continent.
    let ev = code(
        "On 26 January 2019, presumed Ansaroul Islam militants attacked Koglweogo members in the village of Solhan.",
        Lang::En,
    );
    assert!(!ev.is_empty() && ev.iter().all(|e| e.country.as_deref() == Some("BF")), "{ev:?}");
    // A town of a country the text names again stays: "Paris" beside "France".
    let ev = code("On 3 May 2019, protesters marched in Lyon, France, against the reform.", Lang::En);
    assert_eq!(ev.first().and_then(|e| e.location.as_deref()), Some("Lyon"), "{ev:?}");
}
