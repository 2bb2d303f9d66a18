//! Disambiguation with the embedded gazetteer: admin chains, unit words, state
//! abbreviations, the document's admin areas, proximity, country hints.

use sitrep_geo::{find_places, find_places_hinted, Gazetteer};
use sitrep_text::Text;

/// (text, gazetteer name, country, geo precision) of the places found.
fn run(s: &str) -> Vec<(String, String, String, u8)> {
    let t = Text::new(s);
    find_places(&t, "en", Gazetteer::embedded())
        .into_iter()
        .map(|m| (t.slice(m.start, m.end).to_string(), m.name, m.country, m.geo_precision))
        .collect()
}

fn country_of(r: &[(String, String, String, u8)], text: &str) -> String {
    r.iter().find(|m| m.0 == text).unwrap_or_else(|| panic!("{text} not found in {r:?}")).2.clone()
}

#[test]
fn admin_chains_place_small_names() {
    // "Watamu, Dabaso, Kilifi": the chain ends in a Kenyan county.
    let r = run("On December 31 2019, a suspected returnee was killed in Watamu, Dabaso, Kilifi.");
    assert!(r.iter().all(|m| m.2 == "KE"), "{r:?}");
    // A name whose chain contains none of its readings takes the chain's place, at
    // precision 2: "Savar" is no Swedish village here.
    let r = run("Students staged a protest in Savar upazila (Dhaka), demanding a safe campus.");
    assert_eq!(country_of(&r, "Savar"), "BD");
    // "district" after a name: the district; its province after the comma.
    let r = run("Taliban militants attacked a check point in Kaldar district, Balkh.");
    assert_eq!(country_of(&r, "Kaldar"), "AF");
    assert_eq!(country_of(&r, "Balkh"), "AF");
    // Bare second-order names in a chain ("Gnagna" is a Burkinabe province).
    let r = run("Presumed militants abducted a councilor in the village of Boula (Coalla, Gnagna).");
    assert_eq!(country_of(&r, "Gnagna"), "BF");
    // Part of a hyphenated name not in the gazetteer ("Pobe" of "Pobe-Mengao") is not
    // Pobé in Benin; the province after it places the event.
    let r = run("On 19 June 2020, a truck struck an IED in Mentao (Pobe-Mengao, Soum).");
    assert!(r.iter().all(|m| m.2 == "BF") && !r.is_empty(), "{r:?}");
    // Two places joined by a hyphen are both kept.
    let r = run("The river will crest at 39 feet in Fargo-Moorhead on Friday.");
    assert_eq!(r.len(), 2, "{r:?}");
    // Lists of countries are no chain.
    let r = run("Many countries, among them China, Japan, and the United Kingdom, have warned the WHO.");
    assert_eq!(country_of(&r, "China"), "CN");
}

#[test]
fn state_abbreviations_counties_and_capitals() {
    let r = run("The plane was headed to Alexandria, La., but rerouted.");
    assert_eq!(r[0].1, "Alexandria");
    assert_eq!(r[0].2, "US");
    let t = Text::new(
        "Chiquita Henry, 19, of Alexandria, was arrested. The Sheriff's Office and Rapides Parish \
         Fire District 2 investigated.",
    );
    let m = find_places(&t, "en", Gazetteer::embedded());
    assert_eq!((m[0].country.as_str(), m[0].admin1.as_deref()), ("US", Some("Louisiana")));
    // "Washington" alone: the capital rather than the state.
    let t = Text::new("WASHINGTON — The military is racing to inspect more than 90,000 buildings.");
    let m = find_places(&t, "en", Gazetteer::embedded());
    assert_eq!(m[0].feature, "PPLC");
    // "St." and "Mt." spelled out.
    let t = Text::new("The jazz band of Mt. Pleasant, Iowa, won.");
    let m = find_places(&t, "en", Gazetteer::embedded());
    assert_eq!((m[0].name.as_str(), m[0].admin1.as_deref()), ("Mount Pleasant", Some("Iowa")));
}

#[test]
fn the_documents_other_places_decide() {
    // Mansfield next to Shreveport is the Louisiana one.
    let r = run("Flooding closed roads in Mansfield. Shreveport crews were sent south to Mansfield and Keachi.");
    let t = Text::new("Flooding closed roads in Mansfield. Shreveport crews were sent south to Mansfield and Keachi.");
    let m = find_places(&t, "en", Gazetteer::embedded());
    assert!(m.iter().filter(|m| m.name == "Mansfield").all(|m| m.admin1.as_deref() == Some("Louisiana")), "{r:?}");
    // "Georgia" with Atlanta is the state.
    let t = Text::new("Rain fell across north Georgia: Atlanta and Macon had an inch.");
    let m = find_places(&t, "en", Gazetteer::embedded());
    assert_eq!((m[0].name.as_str(), m[0].country.as_str()), ("Georgia", "US"));
}

#[test]
fn country_hints_settle_bare_village_names() {
    let t = Text::new("A student was killed when a fire broke out at a school in Bondo.");
    let g = Gazetteer::embedded();
    // Bondo is a town in Kenya and in the DR Congo alike.
    assert_eq!(find_places_hinted(&t, "en", g, &["CD"])[0].country, "CD");
    assert_eq!(find_places_hinted(&t, "en", g, &["KE"])[0].country, "KE");
}

#[test]
fn organizations_named_after_places_still_name_them() {
    let r = run("Dublin Arts Council awards community arts grants.");
    assert_eq!(r.len(), 1, "{r:?}");
    let r = run("Members of Chatra Dal staged a protest in Narsingdi city.");
    assert!(r.iter().all(|m| m.0 != "Chatra"), "{r:?}");
}

#[test]
fn french_lists_and_eponymous_cities() {
    let t = Text::new("Daech a frappé à Bagdad, Kirkouk et Ninive, puis à Mossoul, en Irak.");
    let m = find_places(&t, "fr", Gazetteer::embedded());
    let got: Vec<(&str, &str, &str)> =
        m.iter().map(|m| (t.slice(m.start, m.end), m.name.as_str(), m.feature.as_str())).collect();
    // A list is no admin chain; "Kirkouk" is the city (the governorate shares its name).
    assert_eq!(got[0], ("Bagdad", "Baghdad", "PPLC"));
    assert_eq!((got[1].0, got[1].2), ("Kirkouk", "PPLA"));
    assert_eq!(got[2].2, "ADM1");
}

#[test]
fn regions_seas_and_long_country_names() {
    // A compass word makes a region of its own: no continent, no Zimbabwean province.
    let r = run("Flu spread across West Africa and the West Midlands.");
    assert!(r.iter().all(|m| m.1 != "Africa" && m.2 != "ZW"), "{r:?}");
    // "North Texas" is still in Texas when the document points to the United States.
    let r = run("Storms hit North Texas on Monday; Dallas and Fort Worth lost power.");
    assert_eq!(country_of(&r, "Texas"), "US");
    // A body of water is no country.
    let r = run("The ship sank in the Indian Ocean.");
    assert!(r.iter().all(|m| m.2 != "IN"), "{r:?}");
    let r = run("Officials of the People's Republic of China met in Geneva.");
    assert_eq!(country_of(&r, "People's Republic of China"), "CN");
    // Australian state abbreviations.
    let r = run("Bushfires burned near Gosford, NSW.");
    assert_eq!(country_of(&r, "NSW"), "AU");
}

#[test]
fn chains_and_outliers() {
    // The last name of a parenthesized chain is an administrative area: Bam province of
    // Burkina Faso, not the Iranian city.
    let r = run("Volunteers killed three people in the village of Biliga-Fulbe (Nassere, Bam).");
    assert_eq!(country_of(&r, "Bam"), "BF");
    // A variant spelling of a town abroad, with nothing else to go on, is dropped
    // ("Inata" is a Burkinabè mine; Japan's Inada has it as an alternate name).
    let t = Text::new("Le poste de gendarmerie d'Inata a été attaqué jeudi.");
    let m = find_places(&t, "fr", Gazetteer::embedded());
    assert!(m.iter().all(|m| m.country != "JP"), "{m:?}");
    // Villages of a later GeoNames snapshot.
    let r = run("A returnee was killed in Watamu, Kilifi.");
    assert_eq!(country_of(&r, "Watamu"), "KE");
    // A district's name before the word for its seat town, when no town has that name.
    let r = run("Journalists formed a human chain in front of the press club in Meherpur Sadar on Sunday.");
    assert_eq!(country_of(&r, "Meherpur"), "BD");
    // A name listed with countries is the country, not a province named like it.
    let r = run("Health officials in Nigeria said the outbreak has also reached Mali, Niger and Senegal.");
    assert_eq!(country_of(&r, "Niger"), "NE");
    // A small town abroad before a capital, after a mere comma, is a quarter of the
    // capital the gazetteer lacks (Eastleigh is also an English town).
    let r = run("Police shot dead two suspects in Eastleigh, Nairobi on Monday.");
    assert_eq!(country_of(&r, "Eastleigh"), "KE");
    // A small town abroad named in running text is outweighed by one other place of the
    // document: "Jubilee" (a Canadian village) names a party at a rally in Kilifi.
    let r = run("Supporters of the ODM and Jubilee candidates clashed in Kilifi on voting day.");
    assert!(r.iter().all(|m| m.2 == "KE") && !r.is_empty(), "{r:?}");
}

/// (text, gazetteer name, country, geo precision, feature) of the places found in French.
fn run_fr(s: &str) -> Vec<(String, String, String, u8, String)> {
    let t = Text::new(s);
    find_places(&t, "fr", Gazetteer::embedded())
        .into_iter()
        .map(|m| (t.slice(m.start, m.end).to_string(), m.name, m.country, m.geo_precision, m.feature))
        .collect()
}

#[test]
fn french_unit_phrases_name_areas() {
    // "province de l'Oudalan", "province de la Tapoa": the article after "de" keeps the
    // cue, so the bare province name is found as the province.
    let r = run_fr("Des hommes armés ont incendié une école dans la province de l'Oudalan.");
    assert!(r.iter().any(|m| m.0 == "Oudalan" && m.2 == "BF" && m.4 == "ADM2"), "{r:?}");
    let r = run_fr("Un engin a explosé dans la province de la Tapoa mardi.");
    assert!(r.iter().any(|m| m.0 == "Tapoa" && m.2 == "BF" && m.4 == "ADM2"), "{r:?}");
    // A town in parentheses after a name the gazetteer lacks is no sentence start, and
    // "province de" after the comma continues the chain.
    let r = run_fr("Des combattants se sont affrontés près de Kwaréba (Déou, province de l'Oudalan).");
    assert!(r.iter().any(|m| m.0 == "Déou" && m.2 == "BF"), "{r:?}");
}

#[test]
fn chains_skip_unknown_names_and_units() {
    // "(Markoye, Oudalan)": an unknown name inside the parenthesis is skipped, so the
    // chain reaches the province, and a namesake abroad gives way to it.
    let r = run("Militants stole cattle near Dambam (Markoye, Oudalan) on Sunday.");
    assert!(r.iter().all(|m| m.2 == "BF") && !r.is_empty(), "{r:?}");
    // "X district, Y": Y is the province that holds the district, not its capital town.
    let r = run("A soldier was killed in Imam Sahib district, Kunduz.");
    let kunduz = r.iter().find(|m| m.0 == "Kunduz").expect("Kunduz");
    assert_eq!((kunduz.2.as_str(), kunduz.3), ("AF", 3), "{r:?}");
    // A name its chain placed elsewhere is that place at every mention.
    let r = run("Rival groups clashed in Lalpur upazila (Natore, Rajshahi). Shops were closed in Lalpur.");
    assert!(r.iter().filter(|m| m.0 == "Lalpur").all(|m| m.2 == "BD"), "{r:?}");
}

#[test]
fn areas_named_as_such_and_names_abroad() {
    // The last name of a chain is the division, not its capital city.
    let r = run("Traders blocked a road in Raipura upazila (Narsingdi, Dhaka) on Monday.");
    let dhaka = r.iter().find(|m| m.0 == "Dhaka").expect("Dhaka");
    assert_eq!((dhaka.2.as_str(), dhaka.3), ("BD", 3), "{r:?}");
    // A city of any size is not in a province of another country: "Pensa" here is a
    // Burkinabè village, not the Russian Penza.
    let r = run("Gunmen attacked a market in the area of Pensa (Pensa, Sanmatenga) on Friday.");
    assert!(r.iter().all(|m| m.2 == "BF"), "{r:?}");
    // Nor is a district of one country in a province of another.
    let r = run("A soldier was wounded in Ghaziabad district, Kunar.");
    assert!(r.iter().all(|m| m.2 == "AF"), "{r:?}");
    // The Persian "-e" joins a name.
    let r = run("Two soldiers were killed in Pul-e Khumri district, Baghlan.");
    assert_eq!(r[0].0, "Pul-e Khumri", "{r:?}");
    assert_eq!(r[0].2, "AF", "{r:?}");
}

#[test]
fn unit_forms_and_longer_unknown_names() {
    // "Sourou Province" is the province's full name, no variant spelling: a country
    // named in the same sentence does not make it an outlier.
    let r = run("Bandits robbed traders near Tougan, Sourou Province, close to the border with Mali.");
    assert!(r.iter().any(|m| m.0 == "Sourou Province" && m.2 == "BF"), "{r:?}");
    // The Persian "-i-" joins a name: "Qala" of "Qala-i-Kohna" is no Maltese village.
    let r = run("Fighting was reported in Qala-i-Kohna village, Farah.");
    assert!(r.iter().all(|m| m.2 == "AF"), "{r:?}");
}

#[test]
fn an_area_of_a_district() {
    // "the X area of Y district, Z": Y holds X, so Malta's Qala is not meant.
    let r = run("A roadside bomb wounded two policemen in the Shah Qala area of Qarabagh district, Kabul.");
    assert!(r.iter().all(|m| m.2 == "AF"), "{r:?}");
}

#[test]
fn an_admin_area_does_not_vote_for_itself() {
    // Costa Rica's province "San José" adds no Costa Rica to the evidence against the
    // Californian city: the county and town named with it decide.
    let r =
        run("Water officials in Santa Clara County met in San Jose and Sunnyvale. San Jose residents must cut back.");
    assert!(r.iter().all(|m| m.2 == "US"), "{r:?}");
}

#[test]
fn a_village_abroad_is_dropped_in_a_story_about_another_country() {
    // The gazetteer has no island of Java: Georgia's village of that name is no reading.
    let r = run("More than 600 people died after a tsunami hit the Indonesian island of Java. \
                 Rescuers in Indonesia searched Java's southern coast.");
    assert!(r.iter().all(|m| m.2 == "ID") && r.len() == 2, "{r:?}");
    // Its people named, not the country: a village of the story's own country stays.
    let r = run("On Sept 17th 2019, in Garba Tula, Borana and Somalis clashed over Somali herds.");
    assert_eq!(country_of(&r, "Garba Tula"), "KE");
    // However often named.
    let r = run("Fog disrupted flights in England on Saturday. Heathrow cancelled forty flights; \
                 Heathrow staff said more would go. Passengers at Heathrow were told to check \
                 with airlines, officials in the United Kingdom said.");
    assert!(r.iter().all(|m| m.2 == "GB"), "{r:?}");
}

#[test]
fn the_capital_of_a_country_named_beats_a_namesake_town_of_the_state() {
    let r = run("LEXINGTON, Ky. - A doctor from Kentucky is in France on a family trip. \
                 Police in Paris closed the avenue after the shooting.");
    assert_eq!(country_of(&r, "Paris"), "FR");
}

#[test]
fn a_town_abroad_yields_to_the_area_of_the_country_named() {
    // No town of England is called Cornwall: the county, not the Ontario town.
    let r = run("Three people died in a caravan park in Cornwall, in the south west of England, on Saturday.");
    let t = Text::new("Three people died in a caravan park in Cornwall, in the south west of England, on Saturday.");
    let m = find_places(&t, "en", Gazetteer::embedded());
    assert_eq!(country_of(&r, "Cornwall"), "GB");
    assert_eq!(m[0].geo_precision, 3);
    // Two such towns do not vouch for each other.
    let r = run("Bird flu was confirmed on a farm in Suffolk, officials in the United Kingdom said. \
                 Farms in Norfolk are being watched.");
    assert!(r.iter().all(|m| m.2 == "GB") && r.len() == 3, "{r:?}");
}

#[test]
fn a_name_after_a_title_is_a_person() {
    // Elizabeth, New Jersey is a large town: a title before it still makes it a name.
    let r = run("One is dead when supporters of Senator Elizabeth Ongoro clash with police in Mathare.");
    assert!(r.iter().all(|m| m.0 != "Elizabeth"), "{r:?}");
    let r = run("Gov. Jackson said the roads of Dayton would reopen.");
    assert!(r.iter().all(|m| m.0 != "Jackson") && r.iter().any(|m| m.0 == "Dayton"), "{r:?}");
    // A sentence's period is no abbreviation's: the town after it stays.
    let r = run("The council heard the judge. Columbus officers then left.");
    assert!(r.iter().any(|m| m.0 == "Columbus"), "{r:?}");
}

#[test]
fn a_given_name_before_a_capitalized_word_is_a_person() {
    // Eugene, Oregon; Warren, Michigan: here first names.
    let r = run("The coordinator for South Sudan, Eugene Owusu, met Warren Buffett in Juba.");
    assert!(r.iter().all(|m| m.0 != "Eugene" && m.0 != "Warren") && r.iter().any(|m| m.0 == "Juba"), "{r:?}");
    // Before a word for a kind of place, the name is the place's.
    let r = run("Flooding closed roads across Warren County, Ohio.");
    assert!(r.iter().any(|m| m.0.starts_with("Warren")), "{r:?}");
}

#[test]
fn a_large_city_beats_a_province_abroad_the_text_gives_no_sign_of() {
    // Gaza City, not Mozambique's province of Gaza.
    let r = run("Muslims protested against the raids in Gaza.");
    assert_eq!(country_of(&r, "Gaza"), "PS");
    // Named with its country, the province stays.
    let r = run("Floods hit the province of Gaza in southern Mozambique.");
    assert_eq!(country_of(&r, "Gaza"), "MZ");
}

#[test]
fn a_name_written_without_its_apostrophe() {
    let r = run("Pupils protested in Muranga on Monday.");
    assert_eq!(r.iter().map(|m| (m.1.as_str(), m.2.as_str())).collect::<Vec<_>>(), [("Murang’a", "KE")], "{r:?}");
    // A Russian soft sign written as an apostrophe is not dropped: "Mar'ina" is no "Marina".
    let r = run("Firefighters saved both passengers at the Miami Beach Marina on March 31.");
    assert!(r.iter().any(|m| m.0 == "Miami Beach"), "{r:?}");
}
