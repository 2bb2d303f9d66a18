//! One case per coding rule, on sentences written for these tests. Each names the rule it
//! guards; a change that breaks one should say why in its commit.

use sitrep_code::Engine;
use sitrep_core::{Document, Event, Lang, PartialDate};

fn code(text: &str, lang: Lang, published: &str) -> Vec<Event> {
    static ENGINE: std::sync::OnceLock<Engine> = std::sync::OnceLock::new();
    let engine = ENGINE.get_or_init(Engine::new);
    let mut doc = Document::new(text.to_string(), None);
    doc.lang = Some(lang);
    doc.published = PartialDate::parse_iso(published);
    engine.analyze(&doc).events()
}

fn fr(text: &str, published: &str) -> Vec<Event> {
    code(text, Lang::Fr, published)
}

fn en(text: &str, published: &str) -> Vec<Event> {
    code(text, Lang::En, published)
}

#[test]
fn generic_attack_on_civilians_is_violence_against_civilians() {
    let e =
        &en("On 3 May 2022, unidentified gunmen attacked the village of Kaya and killed four civilians.", "2022-05-04")
            [0];
    assert_eq!(e.sub_event_type, "Attack");
    assert_eq!(e.event_date.as_deref(), Some("2022-05-03"));
    assert_eq!(e.fatalities, 4);
    assert!(e.actor1.as_deref().unwrap().starts_with("Unidentified Armed Group"));
    assert!(e.actor2.as_deref().unwrap().starts_with("Civilians"));
}

#[test]
fn generic_attack_on_soldiers_is_an_armed_clash() {
    let e =
        &fr("Des hommes armés ont attaqué mardi un poste militaire près de Djibo, tuant deux soldats.", "2021-03-11")
            [0];
    assert_eq!(e.sub_event_type, "Armed clash");
    assert_eq!(e.fatalities, 2);
}

#[test]
fn a_bomb_thrown_by_hand_is_street_violence_not_a_remote_explosive() {
    let e = en("On 2 June 2023, party supporters exploded crude bombs near a market in Tangail city.", "2023-06-03");
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].sub_event_type, "Mob violence", "{e:?}");
    let e = en("On 2 June 2023, a roadside bomb exploded near a market in Tangail city.", "2023-06-03");
    assert_eq!(e[0].sub_event_type, "Remote explosive/landmine/IED", "{e:?}");
}

#[test]
fn violence_a_protest_is_about_does_not_make_it_violent() {
    let e =
        en("On 4 June 2023, traders staged a protest in Jessore against the vandalism of their shops.", "2023-06-05");
    assert_eq!(e[0].sub_event_type, "Peaceful protest", "{e:?}");
    let e = en("On 4 June 2023, traders protested in Jessore against a new levy, burning tyres.", "2023-06-05");
    assert_eq!(e[0].sub_event_type, "Violent demonstration", "{e:?}");
    let e = en("A protest against the new levy turned violent in Jessore on 4 June 2023.", "2023-06-05");
    assert_eq!(e[0].sub_event_type, "Violent demonstration", "{e:?}");
}

#[test]
fn a_trigger_that_is_itself_passive_makes_the_side_before_it_the_target() {
    let e =
        &en("Two police officers were shot dead in Mombasa on 3 March 2012 while on traffic duty.", "2012-03-04")[0];
    assert!(e.actor2.as_deref().unwrap().starts_with("Police Forces"), "{e:?}");
    assert_eq!(e.sub_event_type, "Armed clash", "{e:?}");
}

#[test]
fn a_rally_the_violence_comes_ahead_of_is_its_backdrop() {
    let e = en(
        "On 10 May 2023, supporters of the Awami League assaulted two activists in Bogra city ahead of a BNP rally.",
        "2023-05-11",
    );
    assert_eq!(e[0].sub_event_type, "Mob violence", "{e:?}");
    let e = en(
        "On 10 May 2023, opposition supporters set fire to a bus in Bogra city ahead of the nationwide blockade.",
        "2023-05-11",
    );
    assert_eq!(e[0].sub_event_type, "Violent demonstration", "{e:?}");
}

#[test]
fn a_beating_by_unnamed_people_with_no_arms_in_view_is_mob_violence() {
    let e = en("On 4 March 2023, assailants assaulted and injured a journalist in Kushtia city.", "2023-03-05");
    assert_eq!(e[0].sub_event_type, "Mob violence", "{e:?}");
    assert!(e[0].actor1.as_deref().unwrap().starts_with("Rioters"), "{e:?}");
    let e = en("On 4 March 2023, assailants armed with machetes assaulted a journalist in Kushtia city.", "2023-03-05");
    assert_eq!(e[0].sub_event_type, "Attack", "{e:?}");
}

#[test]
fn a_participle_before_a_count_is_active() {
    let e =
        &en("On 2 March 2020, soldiers reportedly killed at least two people in the village of Loura.", "2020-03-03")
            [0];
    assert_eq!(e.sub_event_type, "Attack", "{e:?}");
    assert!(e.actor1.as_deref().unwrap().starts_with("Military Forces"), "{e:?}");
}

#[test]
fn the_assailants_after_an_armed_subject_are_that_subject() {
    let e = &en(
        "On 29 April 2019, JNIM militants attacked the village of Nassere, the assailants burned the market and killed two people.",
        "2019-04-30",
    )[0];
    assert_eq!(e.sub_event_type, "Attack", "{e:?}");
    assert!(e.actor2.as_deref().unwrap_or("").starts_with("Civilians"), "{e:?}");
}

#[test]
fn an_event_the_note_says_is_coded_separately_is_another_record() {
    let e = en(
        "2 herders killed by cattle raiders (coded separately). Police intervened, killing 3 raiders near Hola.",
        "2008-12-22",
    );
    assert_eq!(e[0].sub_event_type, "Armed clash", "{e:?}");
    assert!(e[0].actor1.as_deref().unwrap().starts_with("Police Forces"), "{e:?}");
}

#[test]
fn shots_in_the_air_to_disperse_a_crowd_are_the_intervention() {
    let e = en(
        "On 3 May 2017, protesters demonstrated in Nakuru. Police used teargas and shot in the air to disperse the crowd.",
        "2017-05-04",
    );
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].sub_event_type, "Protest with intervention", "{e:?}");
}

#[test]
fn a_kicker_that_names_the_kind_of_event_states_its_type() {
    let e = en("Defusal: a bomb was found and destroyed by police near the market in Garissa.", "2014-05-02");
    assert_eq!(e[0].sub_event_type, "Disrupted weapons use", "{e:?}");
    let e = en("Movement of forces: 200 militants were seen moving through Boni Forest.", "2014-05-02");
    assert_eq!(e[0].sub_event_type, "Change to group/activity", "{e:?}");
    let e = en("Arrests: Police arrest dozens of men in Mombasa after the bombing.", "2014-05-02");
    assert_eq!(e[0].sub_event_type, "Arrests", "{e:?}");
    // The same words inside a sentence are no trigger.
    assert!(en("The defusal of tensions took weeks in Garissa.", "2014-05-02").is_empty());
}

#[test]
fn property_wrecked_with_no_owner_named_is_civilians_property() {
    let e = &en("Property destruction: Shops were set alight in Gorofani on 3 June 2016.", "2016-06-04")[0];
    assert_eq!(e.sub_event_type, "Looting/property destruction", "{e:?}");
    assert!(e.actor2.as_deref().unwrap_or("").starts_with("Civilians"), "{e:?}");
}

#[test]
fn an_unnamed_author_is_the_one_armed_group_the_text_names() {
    let e = &en(
        "On 3 March 2020, four soldiers were killed by the explosion of an IED near Banh. The device was likely planted by JNIM.",
        "2020-03-04",
    )[0];
    assert_eq!(e.actor1.as_deref(), Some("JNIM: Group for Support of Islam and Muslims"), "{e:?}");
    assert!(e.evidence.iter().any(|x| x.field == "actor1" && x.text == "JNIM"), "{e:?}");
}

#[test]
fn a_force_a_riot_meets_is_its_other_side() {
    let e = &en("On 6 October 2017, police and opposition demonstrators clashed in Homa Bay town.", "2017-10-07")[0];
    assert_eq!(e.sub_event_type, "Violent demonstration", "{e:?}");
    assert!(e.actor2.as_deref().unwrap_or("").starts_with("Police Forces"), "{e:?}");
}

#[test]
fn rioters_who_act_show_the_violence_a_weak_riot_word_needs() {
    let e = en("On 22 May 2024, supporters of the Awami League vandalized houses in Goaldanga village.", "2024-05-23");
    assert_eq!(e[0].sub_event_type, "Mob violence", "{e:?}");
}

#[test]
fn an_explosive_that_opens_a_fight_is_part_of_the_armed_clash() {
    let e = en(
        "On November 30, JNIM militants ambushed a gendarmerie convoy near Boungou; the ambush was initiated by an IED detonation followed by small arms fire.",
        "2019-12-01",
    );
    assert_eq!(e[0].sub_event_type, "Armed clash", "{e:?}");
    let e = en("On November 30, an IED exploded under a gendarmerie vehicle near Boungou.", "2019-12-01");
    assert_eq!(e[0].sub_event_type, "Remote explosive/landmine/IED", "{e:?}");
}

#[test]
fn a_word_that_only_modifies_a_protest_never_displaces_an_events_trigger() {
    let e = en(
        "On 30 November 2019, JNIM militants killed a marabout in the village of Diabatou, vandalized tombs, and burned houses.",
        "2019-12-01",
    );
    assert_eq!(e[0].sub_event_type, "Attack", "{e:?}");
}

#[test]
fn a_toll_beside_what_was_taken_is_the_events_toll() {
    let e = en(
        "On 30 November 2019, Pokot raiders attacked Kapedo village. Eight people were killed and 300 cattle were stolen.",
        "2019-12-01",
    );
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].sub_event_type, "Attack", "{e:?}");
    assert_eq!(e[0].fatalities, 8, "{e:?}");
}

#[test]
fn rioters_who_make_a_demand_are_demonstrating() {
    let e = en(
        "On 3 May 2019, opposition supporters lit bonfires in Homa Bay demanding the removal of the electoral commission chief.",
        "2019-05-04",
    );
    assert_eq!(e[0].sub_event_type, "Violent demonstration", "{e:?}");
}

#[test]
fn passive_voice_makes_the_subject_the_target() {
    let e = &en("Three police officers were killed in an ambush by suspected militants near Mandera.", "2020-01-10")[0];
    assert_eq!(e.sub_event_type, "Armed clash");
    assert!(e.actor2.as_deref().unwrap().starts_with("Police Forces"), "{e:?}");
    assert_eq!(e.fatalities, 3);
}

#[test]
fn a_named_group_absorbs_the_word_for_its_fighters() {
    let e = &fr("Des combattants présumés d'Ansaroul Islam ont enlevé hier trois commerçants.", "2019-06-02")[0];
    assert_eq!(e.sub_event_type, "Abduction/forced disappearance");
    assert_eq!(e.actor1.as_deref(), Some("Ansaroul Islam"));
}

#[test]
fn protest_sub_types_follow_the_intervention() {
    let peaceful = &en("Hundreds of teachers protested on Monday in Nairobi over unpaid salaries.", "2019-02-12")[0];
    assert_eq!(peaceful.sub_event_type, "Peaceful protest");
    assert!(peaceful.actor1.as_deref().unwrap().starts_with("Protesters"));
    let dispersed =
        &en("Traders protested in Kisumu on Monday; police fired tear gas to disperse them.", "2019-02-12")[0];
    assert_eq!(dispersed.sub_event_type, "Protest with intervention");
    let violent = &en("Students protested in Eldoret and set fire to a bus on Monday.", "2019-02-12")[0];
    assert_eq!(violent.sub_event_type, "Violent demonstration");
    assert!(violent.actor1.as_deref().unwrap().starts_with("Rioters"));
}

#[test]
fn what_a_protest_is_about_is_not_an_event() {
    let events =
        en("Journalists staged a protest in Dhaka demanding justice for the killing of a reporter.", "2023-02-02");
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].sub_event_type, "Peaceful protest");
}

#[test]
fn a_mob_is_rioting() {
    let e = &en("A mob lynched a suspected thief in Kiambu on Sunday.", "2018-05-14")[0];
    assert_eq!(e.sub_event_type, "Mob violence");
    assert!(e.actor1.as_deref().unwrap().starts_with("Rioters"));
}

#[test]
fn party_members_who_clash_are_rioters_with_their_party_as_associate() {
    let e = &en("On 5 June 2023, members of Awami League clashed with each other in Comilla town.", "2023-06-06")[0];
    assert_eq!(e.sub_event_type, "Mob violence");
    assert_eq!(e.actor1.as_deref(), Some("Rioters (Bangladesh)"));
    assert_eq!(e.assoc_actor_1.as_deref(), Some("AL: Bangladesh Awami League"));
}

#[test]
fn a_defused_device_is_a_disrupted_weapons_use() {
    let e =
        &fr("Une équipe de déminage a neutralisé un engin explosif improvisé sur l'axe Djibo-Arbinda.", "2020-05-20")
            [0];
    assert_eq!(e.sub_event_type, "Disrupted weapons use");
    let held = fr("Les gendarmes ont interpellé un homme en possession d'engins explosifs à Fada.", "2020-05-20");
    assert_eq!(held[0].sub_event_type, "Arrests");
}

#[test]
fn no_casualties_is_a_known_zero() {
    let events = fr(
        "Un engin explosif a visé jeudi un convoi de l'armée près de Kirkouk. L'explosion n'a pas fait de victimes.",
        "2022-03-18",
    );
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0].fatalities, 0);
    assert!(events[0].fatalities_known);
    assert_eq!(events[0].sub_event_type, "Remote explosive/landmine/IED");
}

#[test]
fn sentences_about_one_attack_merge_into_one_event() {
    let events = fr(
        "Une attaque a visé mercredi 22 septembre un convoi dans le sud du pays. Un engin explosif a explosé près du convoi.",
        "2021-09",
    );
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0].sub_event_type, "Remote explosive/landmine/IED");
    assert_eq!(events[0].event_date.as_deref(), Some("2021-09-22"));
}

#[test]
fn history_is_background() {
    let events = fr(
        "Des manifestants ont défilé lundi à Bamako. Ils rappelaient l'attaque de janvier 2019 qui avait tué dix soldats.",
        "2021-06-15",
    );
    let old = events.iter().find(|e| e.event_date.as_deref() == Some("2019-01")).expect("the 2019 attack is coded");
    assert!(old.background);
    assert!(events.iter().any(|e| e.sub_event_type == "Peaceful protest" && !e.background));
}

#[test]
fn a_claim_names_its_author() {
    let e = &en(
        "The Taliban claimed responsibility for a roadside bomb that killed two soldiers in Ghazni on Monday.",
        "2020-03-10",
    )[0];
    assert_eq!(e.status, sitrep_core::Status::Claimed);
    assert_eq!(e.claimed_by.as_deref(), Some("Taliban"));
    assert_eq!(e.sub_event_type, "Remote explosive/landmine/IED");
}

#[test]
fn accusations_and_earlier_events_are_not_coded() {
    let events = en(
        "Police arrested an opposition activist suspected of attacking a police station in Embu on Friday.",
        "2019-10-26",
    );
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0].sub_event_type, "Arrests");
    assert!(
        en("Police arrested a man suspected of stealing a car in Embu on Friday.", "2019-10-26").is_empty(),
        "ordinary crime"
    );
}

#[test]
fn natural_disasters_are_not_events() {
    assert!(en("Floods displaced 2,000 families in the Tana River basin last week.", "2019-10-26").is_empty());
    assert!(fr("Les pluies diluviennes ont fait trois morts à Ouagadougou.", "2019-10-26").is_empty());
}

#[test]
fn dates_without_an_event_set_the_scene() {
    let events = en("On 12 March 2021, police took two boys to a station. They shot them dead.", "2021-03-20");
    assert_eq!(events[0].event_date.as_deref(), Some("2021-03-12"), "{events:?}");
}

#[test]
fn undated_news_takes_the_dateline_as_a_week() {
    let e = &en("Gunmen killed three herders in Baringo.", "2018-07-04")[0];
    assert_eq!(e.event_date.as_deref(), Some("2018-07-04"));
    assert_eq!(e.date_precision, Some(sitrep_core::Precision::Week));
}

#[test]
fn a_later_dispersal_escalates_the_protest_before_it() {
    let events =
        en("Teachers protested over pay in Kisumu on Monday. Police fired tear gas to disperse them.", "2019-02-12");
    assert_eq!(events.len(), 1, "{events:?}");
    assert_eq!(events[0].sub_event_type, "Protest with intervention");
    assert!(en("Police fired tear gas in Kisumu on Monday.", "2019-02-12").is_empty(), "a dispersal alone is no event");
}

#[test]
fn in_a_protest_the_police_intervene_and_the_people_protest() {
    let e = &en("Police fired tear gas to disperse traders who protested on Thursday in Kisumu.", "2024-02-16")[0];
    assert_eq!(e.sub_event_type, "Protest with intervention");
    assert_eq!(e.actor1.as_deref(), Some("Protesters (Kenya)"));
    assert_eq!(e.actor2.as_deref(), Some("Police Forces of Kenya"));
}

#[test]
fn a_bomb_hits_those_before_it_and_its_claimer_set_it() {
    let events = en(
        "Two soldiers were killed when their vehicle hit a roadside bomb near Ghazni on Monday. The Taliban claimed responsibility for the attack.",
        "2024-02-20",
    );
    assert_eq!(events.len(), 1, "{events:?}");
    let e = &events[0];
    assert_eq!(e.sub_event_type, "Remote explosive/landmine/IED");
    assert_eq!(e.actor1.as_deref(), Some("Taliban"));
    assert!(e.actor2.as_deref().unwrap().starts_with("Military Forces"));
    assert_eq!(e.status, sitrep_core::Status::Claimed);
    assert_eq!(e.fatalities, 2);
}

#[test]
fn a_foiled_attack_is_a_disrupted_weapons_use_and_no_claim_is_no_claim() {
    let foiled = fr("L'armée a déjoué lundi un attentat à la voiture piégée à Kaya.", "2022-03-15");
    assert_eq!(foiled[0].sub_event_type, "Disrupted weapons use");
    let unclaimed = fr(
        "Un engin explosif a visé lundi un convoi près de Kirkouk. Aucun groupe n'a revendiqué l'attaque.",
        "2022-03-15",
    );
    assert_eq!(unclaimed.len(), 1);
    assert_eq!(unclaimed[0].status, sitrep_core::Status::Reported);
}

#[test]
fn others_hurt_are_not_added_to_the_dead() {
    let e = &en(
        "Two soldiers were killed and three others wounded when their vehicle hit a mine near Ghazni.",
        "2024-02-20",
    )[0];
    assert_eq!(e.fatalities, 2);
    assert_eq!(e.injured, Some(3));
    let sum = &fr("Il a réussi à abattre un dirigeant de Daech et deux autres éléments à Bagdad.", "2021-09")[0];
    assert_eq!(sum.fatalities, 3);
}

#[test]
fn what_a_trial_is_about_is_not_news() {
    let e = fr(
        "La cour d'assises de Lyon juge depuis hier trois hommes pour l'assassinat d'un gardien en 2019.",
        "2021-03-11",
    );
    assert!(e.is_empty(), "{e:?}");
    let e = en("He was convicted of attacking two guards in 2015.", "2021-03-11");
    assert!(e.is_empty(), "{e:?}");
}

#[test]
fn violence_words_in_a_disease_story_need_violence_in_view() {
    let story =
        "The outbreak of cholera has spread to four districts. Health officials say the disease kills quickly. \
                 The virus attacks the immune system of patients, and the epidemic is not slowing.";
    let e = en(story, "2021-03-11");
    assert!(e.is_empty(), "{e:?}");
    // The same words with an armed side in the sentence still code.
    let e = en(
        "The outbreak of cholera has spread to four districts. The epidemic is not slowing. Patients fled after \
         militants attacked the clinic in Kaya on Monday.",
        "2021-03-11",
    );
    assert_eq!(e.len(), 1, "{e:?}");
}

#[test]
fn the_attack_named_again_is_the_same_attack() {
    let e = en(
        "On Saturday, gunmen killed six aid workers near Yei. The bodies were found by villagers. Officials said \
         the convoy had been clearly marked. The governor condemned the attack.",
        "2021-03-14",
    );
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].fatalities, 6);
}

#[test]
fn a_noun_in_a_prepositional_phrase_keeps_the_verbs_sides() {
    let e = &en(
        "On 15 May 2019, militiamen shot and wounded three police officers in an ambush near Marsabit.",
        "2019-05-16",
    )[0];
    assert_eq!(e.sub_event_type, "Armed clash");
    assert!(e.actor1.as_deref().unwrap().contains("Militia"), "{e:?}");
    assert!(e.actor2.as_deref().unwrap().starts_with("Police Forces"), "{e:?}");
}

#[test]
fn the_violence_a_protest_is_about_is_not_the_protests_own() {
    let e = en("On 2 June 2019, residents of Kabarnet protested an attack on a school by bandits.", "2019-06-03");
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].sub_event_type, "Peaceful protest");
    // "engaged" alone is no fighting.
    let e = en("On 2 June 2019, students in Banfora engaged in a peaceful march to demand better food.", "2019-06-03");
    assert_eq!(e[0].sub_event_type, "Peaceful protest", "{e:?}");
}

#[test]
fn a_crowd_that_attacks_with_no_protest_in_view_is_mob_violence() {
    let e = &en("On 4 May 2021, students attacked and injured a teacher in Kisumu.", "2021-05-05")[0];
    assert_eq!(e.sub_event_type, "Mob violence", "{e:?}");
    assert!(e.actor1.as_deref().unwrap().starts_with("Rioters"), "{e:?}");
}

#[test]
fn others_hurt_after_their_own_verb_are_not_dead() {
    let e = &en(
        "On 25 December 2019, Al Shabaab killed two police officers and injured three others in Mandera.",
        "2019-12-26",
    )[0];
    assert_eq!(e.fatalities, 2, "{e:?}");
    assert_eq!(e.injured, Some(3), "{e:?}");
}

#[test]
fn a_crowd_dispersed_is_a_protest_met_with_intervention() {
    let e = &en("On 12 March 2017, police dispersed Jubilee supporters in Mumias.", "2017-03-12")[0];
    assert_eq!(e.sub_event_type, "Protest with intervention", "{e:?}");
    assert!(e.actor2.as_deref().unwrap().starts_with("Police Forces"), "{e:?}");
    // A dispersal with no crowd named is still not an event of its own.
    assert!(en("On 12 March 2017, police dispersed them.", "2017-03-12").is_empty());
}

#[test]
fn territory_taken_with_or_without_a_fight() {
    let e = &fr(
        "Des jihadistes présumés ont pris dimanche le contrôle d'un site d'orpaillage près de Djibo.",
        "2021-03-09",
    );
    assert_eq!(e[0].sub_event_type, "Non-violent transfer of territory", "{e:?}");
    let e = &fr(
        "Après de violents combats, des jihadistes ont pris lundi le contrôle de la localité de Tin-Akoff.",
        "2021-03-09",
    );
    assert_eq!(e[0].sub_event_type, "Non-state actor overtakes territory", "{e:?}");
}

#[test]
fn an_attack_on_property_that_harms_no_one_is_property_destruction() {
    let e = &en(
        "On 2 May, gunmen attacked the village of Kain and burned the school. No casualties were reported.",
        "2020-05-04",
    );
    assert_eq!(e[0].sub_event_type, "Looting/property destruction", "{e:?}");
    let e =
        &en("On 2 May, gunmen attacked the village of Kain, killing two farmers, and burned the school.", "2020-05-04");
    assert_eq!(e[0].sub_event_type, "Attack", "{e:?}");
    let e = &en(
        "On 2 May, gunmen attacked the police station in Kain and burned it. No casualties were reported.",
        "2020-05-04",
    );
    assert_eq!(e[0].sub_event_type, "Armed clash", "{e:?}");
}

#[test]
fn a_community_beside_a_word_for_fighters_is_its_militia() {
    let e = &en("On 4 May, Pokot raiders attacked a village near Kapedo, killing two herders.", "2019-05-06")[0];
    assert_eq!(e.actor1.as_deref(), Some("Pokot Ethnic Militia (Kenya)"), "{e:?}");
    let e = &fr("Des miliciens peuls ont attaqué lundi un village près de Djibo, tuant trois civils.", "2019-01-09")[0];
    assert_eq!(e.actor1.as_deref(), Some("Fulani Ethnic Militia (Burkina Faso)"), "{e:?}");
    // Alone, or beside the people attacked, a community's name names no militia.
    let e = &en("On 4 May, gunmen killed two Pokot herders near Kapedo.", "2019-05-06")[0];
    assert!(e.actor2.as_deref().unwrap().starts_with("Civilians"), "{e:?}");
}

#[test]
fn any_attack_is_no_attack() {
    assert!(fr("Le ministre a exclu toute attaque contre l'Irak sans mandat de l'ONU.", "2002-09-20").is_empty());
    assert!(en("The minister ruled out any attack on Iraq without a UN mandate.", "2002-09-20").is_empty());
}

#[test]
fn a_possessive_date_names_the_event_told_before() {
    let e = en(
        "A two-hour gun battle between the army and gunmen left 18 dead in Acapulco on Saturday. \
         The soldiers were met by gunmen lobbing hand grenades. \
         Tourist hotels stood in the neighbourhood of Saturday's gun battle.",
        "2009-06-08",
    );
    assert_eq!(e.iter().filter(|e| e.sub_event_type == "Armed clash").count(), 1, "{e:?}");
}

#[test]
fn excessive_force_is_lethal_or_severe() {
    let hurt = |t: &str| fr(t, "2019-10-26")[0].sub_event_type;
    assert_eq!(
        hurt("Des habitants qui manifestaient vendredi à Bobo-Dioulasso ont été dispersés par la police ; une femme a été légèrement blessée."),
        "Protest with intervention"
    );
    assert_eq!(
        hurt("Des habitants qui manifestaient vendredi à Bobo-Dioulasso ont été dispersés par la police ; plusieurs ont été grièvement blessés."),
        "Excessive force against protesters"
    );
}

#[test]
fn workers_attacked_are_civilians() {
    let e = &en("Gunmen shot dead two quarry workers near Mandera on Friday.", "2019-05-06")[0];
    assert_eq!(e.sub_event_type, "Attack");
    assert!(e.actor2.as_deref().unwrap().starts_with("Civilians"), "{e:?}");
}

#[test]
fn the_clash_after_a_riot_is_the_riot() {
    let e = en(
        "On 16 February 2024, supporters of a Jubo League leader clashed with supporters of an Awami League member in Sonargaon. \
         1 person was killed and at least 8 others were injured in the clash. Police fired tear gas shells to stop the clash.",
        "2024-02-16",
    );
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].sub_event_type, "Mob violence");
    assert_eq!(e[0].fatalities, 1);
}

#[test]
fn a_note_that_states_its_coded_fatalities_is_taken_at_its_word() {
    let e = &en(
        "On 15 March 2020, Taliban militants attacked an Afghan military post, killing 15 soldiers, in Nad Ali district, Helmand. Fatalities coded as 0 (VoJ reported 15).",
        "2020-03-16",
    )[0];
    assert_eq!((e.fatalities, e.fatalities_known), (0, true), "{e:?}");
    let e = &en(
        "On 4 March 2020, 4 militants were killed by military airstrikes in Chawkay and Narang districts, Kunar. Fatalities are split across 2 events (2).",
        "2020-03-05",
    )[0];
    assert_eq!(e.fatalities, 2, "{e:?}");
}

#[test]
fn killed_him_is_one_death() {
    let e = &en(
        "On 30 April, unidentified assailants hit the editor with blunt objects near Eldoret and killed him.",
        "2015-05-01",
    )[0];
    assert_eq!((e.fatalities, e.fatalities_known), (1, true), "{e:?}");
}

#[test]
fn a_mining_site_is_territory_in_both_languages() {
    let e = &en(
        "On July 8, suspected militants seized control of an artisanal mining site in the area of Djibo.",
        "2019-07-09",
    );
    assert_eq!(e[0].sub_event_type, "Non-violent transfer of territory", "{e:?}");
}

#[test]
fn a_toll_in_the_next_sentence_is_the_events_toll() {
    let e = en(
        "On 19 July 2024, student demonstrators clashed with police in Savar, hurling bricks. 1 person was killed.",
        "2024-07-20",
    );
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!((e[0].sub_event_type, e[0].fatalities), ("Violent demonstration", 1));
}

#[test]
fn a_country_places_an_event_only_when_no_other_place_does() {
    let e = en("On 20 June, in Nairobi, a protest was held by the Kenya Traders Forum.", "2020-06-21");
    assert_eq!(e[0].location.as_deref(), Some("Nairobi"));
}

#[test]
fn what_militants_seize_is_looting_and_what_police_seize_is_not() {
    let e =
        en("On 14 September 2020, presumed ISGS militants seized several bags of millet in Tangangari.", "2020-09-15");
    assert_eq!(e[0].sub_event_type, "Looting/property destruction", "{e:?}");
    let e = en("Police arrested four vendors near Bobo-Dioulasso and seized 3,000 kilos of rotten meat.", "2020-09-15");
    assert!(e.iter().all(|e| e.sub_event_type != "Looting/property destruction"), "{e:?}");
}

#[test]
fn the_state_that_takes_a_place_takes_it_back() {
    let e = fr(
        "Le 29 septembre 2015, l'armée a fait usage de ses armes pour prendre le contrôle de la caserne de Naba Koom à Ouagadougou.",
        "2015-09-30",
    );
    assert_eq!(e[0].sub_event_type, "Government regains territory", "{e:?}");
}

#[test]
fn protesters_who_smash_or_light_fires_riot() {
    let e =
        en("On 3 May, students protesting fees at Kossodo University smashed windows in Ouagadougou.", "2019-05-04");
    assert_eq!(e[0].sub_event_type, "Violent demonstration", "{e:?}");
}

#[test]
fn counts_joined_by_and_add_up() {
    let e = en(
        "Al Shabaab fighters attack Fino, Mandera. Four police and one reservist killed, two police missing.",
        "2014-06-01",
    );
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].fatalities, 5, "{e:?}");
}

#[test]
fn a_headline_participle_is_passive() {
    let e = &en("Teenage boy killed by raiders near Isiolo", "2019-05-04")[0];
    assert!(e.actor1.as_deref().unwrap().starts_with("Unidentified Communal Militia"), "{e:?}");
    assert!(e.actor2.as_deref().unwrap().starts_with("Civilians"), "{e:?}");
    let e = &en("Two policemen killed in an ambush near Mandera", "2019-05-04")[0];
    assert_eq!(e.sub_event_type, "Armed clash", "{e:?}");
    assert!(e.actor2.as_deref().unwrap().starts_with("Police Forces"), "{e:?}");
}

#[test]
fn a_cause_clause_tells_an_earlier_event() {
    let e = en("Police killed two bandits near Isiolo after they attacked villages.", "2008-01-02");
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].sub_event_type, "Armed clash", "{e:?}");
}

#[test]
fn students_who_burn_with_no_protest_in_view_are_a_mob() {
    let e = en("On 10 July, students set fire to their school in Kisumu.", "2019-07-11");
    assert_eq!(e[0].sub_event_type, "Mob violence", "{e:?}");
    let e = en("On 10 July, students demonstrated in Kisumu and set fire to their school.", "2019-07-11");
    assert_eq!(e[0].sub_event_type, "Violent demonstration", "{e:?}");
}

#[test]
fn a_dispersal_in_any_form_is_an_intervention() {
    let e = en("Approximately 100 people protested in Nairobi against the closure of a TV station. Police used tear-gas to disperse the protesters.", "2018-02-01");
    assert_eq!(e[0].sub_event_type, "Protest with intervention", "{e:?}");
    let e = en("On 4 April, police teargassed university staff who were protesting over pay in Nairobi.", "2018-04-05");
    assert_eq!(e[0].sub_event_type, "Protest with intervention", "{e:?}");
}

#[test]
fn a_grenade_seized_is_a_disrupted_weapons_use() {
    let e = fr(
        "Une perquisition menée hier à Kirkouk a permis de mettre la main sur une grenade et des kalachnikovs.",
        "2021-09-23",
    );
    assert_eq!(e[0].sub_event_type, "Disrupted weapons use", "{e:?}");
}

#[test]
fn an_undetermined_number_is_no_figure() {
    let e = &fr(
        "L'armée de l'air a mené lundi des frappes près de Djibo, tuant un nombre indéterminé de jihadistes.",
        "2020-03-10",
    )[0];
    assert!(!e.fatalities_known, "{e:?}");
}

#[test]
fn a_camp_overrun_is_territory_taken() {
    let e = fr(
        "Le 30 janvier, des jihadistes ont attaqué le camp militaire de Kompiembiga : ils l'ont submergé et incendié.",
        "2019-01-31",
    );
    assert_eq!(e[0].sub_event_type, "Non-state actor overtakes territory", "{e:?}");
}

#[test]
fn off_duty_or_civilian_members_of_a_force_are_civilians() {
    let e = &en(
        "Unidentified gunmen shot and killed an off-duty police officer in Kibokoni, outside of Mombasa.",
        "2019-05-06",
    )[0];
    assert_eq!(e.sub_event_type, "Attack", "{e:?}");
    let e = &en("On 29 April, militants shot dead a civilian school guard in Logobou.", "2020-04-30")[0];
    assert_eq!(e.sub_event_type, "Attack", "{e:?}");
    let e = &en("On 27 May 2017, Ansaroul Islam shot and killed a retired policeman in Djibo.", "2017-05-28")[0];
    assert_eq!(e.sub_event_type, "Attack", "{e:?}");
}

#[test]
fn clans_or_tribes_that_fight_clash() {
    let e = en("On 13 March, 3 people were killed in an ethnic clash between two rival groups in Saku.", "2019-03-14");
    assert_eq!(e[0].sub_event_type, "Armed clash", "{e:?}");
    let e = en("On 13 March, 3 people were killed when two rival groups clashed in Saku.", "2019-03-14");
    assert_eq!(e[0].sub_event_type, "Mob violence", "{e:?}");
}

// --- Fatalities: how many died (crates/code/src/toll.rs) ---

#[test]
fn one_victim_named_without_a_number_is_one_death() {
    for text in [
        "On 3 May 2021, gunmen shot dead the chairman of a village council near Garissa.",
        "Bandits kill herder near Isiolo",
        "On 3 May 2021, a trader is killed by unknown assailants in Mombasa.",
        "On 3 May 2021, a vigilante group attacked and killed a suspected thief in Kisumu.",
    ] {
        let e = &en(text, "2021-05-04")[0];
        assert_eq!((e.fatalities, e.fatalities_known), (1, true), "{text}: {e:?}");
    }
    let e = &en("On 3 May 2021, raiders killed villagers near Isiolo.", "2021-05-04")[0];
    assert!(!e.fatalities_known, "{e:?}");
}

#[test]
fn a_count_before_a_verb_with_an_object_counts_the_killers() {
    let e = &en("On 3 May 2021, four gunmen shot dead a shopkeeper in Mandera.", "2021-05-04")[0];
    assert_eq!(e.fatalities, 1, "{e:?}");
    let e = &en("On 3 May 2021, about 30 attackers killed at least 7 people in Mandera.", "2021-05-04")[0];
    assert_eq!(e.fatalities, 7, "{e:?}");
}

#[test]
fn a_death_a_protest_is_about_is_not_its_toll() {
    let e = &en(
        "On 3 May 2021, students rioted and burned tyres in Kisumu over the killing of a classmate by police.",
        "2021-05-04",
    )[0];
    assert_eq!(e.fatalities, 0, "{e:?}");
    let e = &en("On 3 May 2021, a soldier was killed or wounded by a sniper near Djibo.", "2021-05-04")[0];
    assert_eq!(e.fatalities, 0, "{e:?}");
}

#[test]
fn dates_brackets_and_parts_are_no_toll() {
    let e = &en("12 June 2019: militants killed a soldier in Lamu county.", "2019-06-13")[0];
    assert_eq!(e.fatalities, 1, "{e:?}");
    let e =
        &en("On 3 May 2021, three herders (out of a group of nine) were killed by raiders near Isiolo.", "2021-05-04")
            [0];
    assert_eq!(e.fatalities, 3, "{e:?}");
    let e = &en(
        "On 3 May 2021, 12 people, including 4 police officers, were killed when militants attacked Mandera.",
        "2021-05-04",
    )[0];
    assert_eq!(e.fatalities, 12, "{e:?}");
}

#[test]
fn the_deaths_of_one_sentence_add_up_but_not_their_parts() {
    let e = &en(
        "On 3 May 2021, militants attacked an army post in Djibo and killed four soldiers, and the army said it killed nine militants.",
        "2021-05-04",
    )[0];
    assert_eq!(e.fatalities, 13, "{e:?}");
    let e = &en(
        "On 3 May 2021, 20 people were killed in clashes in Savar, 12 died on the spot and 8 died in hospital.",
        "2021-05-04",
    )[0];
    assert_eq!(e.fatalities, 20, "{e:?}");
}

#[test]
fn a_range_counts_its_low_end() {
    let e = &en("On 3 May 2021, gunmen killed between 11 and 20 people at a market in Fada.", "2021-05-04")[0];
    assert_eq!(e.fatalities, 11, "{e:?}");
}

#[test]
fn a_toll_in_a_sentence_with_no_event_is_the_previous_events() {
    let e = en(
        "On 3 May 2021, three bombs exploded at a market in Garissa. At least six are dead and scores injured.",
        "2021-05-04",
    );
    assert_eq!(e[0].fatalities, 6, "{e:?}");
    let e = en(
        "On 3 May 2021, militants ambushed a police patrol near Garissa, injuring four officers. Al Shabaab claims 7 dead.",
        "2021-05-04",
    );
    assert_eq!(e[0].fatalities, 0, "{e:?}");
}

#[test]
fn lynched_in_the_passive_counts_and_a_near_lynching_does_not() {
    let e = &en("On 3 May 2021, two suspected thieves were lynched by residents in Kisumu.", "2021-05-04")[0];
    assert_eq!(e.fatalities, 2, "{e:?}");
    let e = &en("On 3 May 2021, villagers nearly lynch a pastor in Kisumu before police intervene.", "2021-05-04")[0];
    assert_eq!(e.fatalities, 0, "{e:?}");
}

#[test]
fn people_named_one_by_one_add_up() {
    let e = &en("On 3 May 2021, gunmen shot dead a teacher and his brother in Djibo.", "2021-05-04")[0];
    assert_eq!(e.fatalities, 2, "{e:?}");
    let e =
        &en("On 3 May 2021, a soldier and a civilian died in a firefight with militants near Djibo.", "2021-05-04")[0];
    assert_eq!(e.fatalities, 2, "{e:?}");
    let e = &en("On 3 May 2021, gunmen killed a trader and seized his goods in Djibo.", "2021-05-04")[0];
    assert_eq!(e.fatalities, 1, "{e:?}");
}

#[test]
fn deaths_told_in_the_next_sentences_add_to_the_toll() {
    let e = en(
        "On 3 May 2021, militants ambushed an army patrol near Djibo and killed a soldier. The army said it killed six militants while repelling the ambush.",
        "2021-05-04",
    );
    assert_eq!(e[0].fatalities, 7, "{e:?}");
    let e = en(
        "On 3 May 2021, gunmen attacked a bus near Mandera. Four civilians were killed. Conflicting reports have eight deaths.",
        "2021-05-04",
    );
    assert_eq!(e[0].fatalities, 4, "{e:?}");
}

#[test]
fn a_list_of_people_is_counted_and_an_apposition_is_not() {
    let e =
        &en("On 3 May 2021, militants assassinated a village chief, his son and a teacher in Niafo.", "2021-05-04")[0];
    assert_eq!(e.fatalities, 3, "{e:?}");
    let e = &en("On 3 May 2021, gunmen killed a local official, an unarmed watchman, in Kisauni.", "2021-05-04")[0];
    assert_eq!(e.fatalities, 1, "{e:?}");
}

#[test]
fn a_bracket_between_a_count_and_its_verb_is_no_distance() {
    let e = &en(
        "On 3 May 2021, 2 fighters (who were accused of killing five people during the same week and of several arson attacks) were shot dead by police in Molo.",
        "2021-05-04",
    )[0];
    assert_eq!(e.fatalities, 2, "{e:?}");
    let e = &en("On 3 May 2021, an ethnic militia guns down two police officers near Moyale.", "2021-05-04")[0];
    assert_eq!(e.fatalities, 2, "{e:?}");
}

#[test]
fn a_post_closed_for_insecurity_is_a_change_of_activity_and_one_closed_for_repairs_is_nothing() {
    let e = en(
        "On 12 March 2020, the police station in Tongomayel closed down amid a deteriorating security situation.",
        "2020-03-13",
    );
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].sub_event_type, "Change to group/activity", "{e:?}");
    let e = en("On 12 March 2020, the town library in Tongomayel closed down for repairs.", "2020-03-13");
    assert!(e.is_empty(), "{e:?}");
    let e = fr("Le 12 mars, la mairie de Tongomayel a fermé ses portes en raison de l'insécurité.", "2020-03-13");
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].sub_event_type, "Change to group/activity", "{e:?}");
}

#[test]
fn a_dispersal_done_violently_is_excessive_force_not_a_riot() {
    let e = en(
        "On 4 September 2014, residents demonstrating for road repairs in Gorom-Gorom were violently dispersed by security services.",
        "2014-09-05",
    );
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].sub_event_type, "Excessive force against protesters", "{e:?}");
}

#[test]
fn one_person_named_before_joined_participles_is_their_victim_not_a_crowd() {
    let e = &en("On 3 October 2016, a farmer is attacked and killed over land in Naivasha.", "2016-10-04")[0];
    assert_eq!(e.sub_event_type, "Attack", "{e:?}");
    assert!(e.actor1.as_deref().unwrap().starts_with("Unidentified Armed Group"), "{e:?}");
    assert!(e.actor2.as_deref().unwrap().starts_with("Civilians"), "{e:?}");
    let e = &en("On 3 October 2016, villagers attacked and injured two herders in Naivasha.", "2016-10-04")[0];
    assert_eq!(e.sub_event_type, "Mob violence", "{e:?}");
}

#[test]
fn a_force_hit_beside_civilians_makes_the_attack_a_fight() {
    let e = &en(
        "On 17 March 2020, a policeman and a civilian were killed in an ambush by Taliban militants in Balkh.",
        "2020-03-18",
    )[0];
    assert_eq!(e.sub_event_type, "Armed clash", "{e:?}");
    let e = &en(
        "On 17 March 2020, gunmen attacked a market near Djibo, killing one civilian and one police officer.",
        "2020-03-18",
    )[0];
    assert_eq!(e.sub_event_type, "Armed clash", "{e:?}");
    let e = &en("On 17 March 2020, gunmen attacked a market near Djibo, killing one civilian.", "2020-03-18")[0];
    assert_eq!(e.sub_event_type, "Attack", "{e:?}");
}

#[test]
fn others_who_assault_protesters_break_up_the_protest_and_protesters_who_clash_riot() {
    let e = en(
        "On 18 July 2024, members of Chhatra League assaulted student demonstrators in Naogaon city, demanding an end to the quota.",
        "2024-07-19",
    );
    assert_eq!(e[0].sub_event_type, "Protest with intervention", "{e:?}");
    let e = en("On 23 May 2016, police clashed with protesters in Kakamega.", "2016-05-24");
    assert_eq!(e[0].sub_event_type, "Violent demonstration", "{e:?}");
    let e = en("On 13 October 2017, police shot dead two protesters in Siaya.", "2017-10-14");
    assert_eq!(e[0].sub_event_type, "Excessive force against protesters", "{e:?}");
}

#[test]
fn a_negation_heads_the_list_of_violence_it_denies() {
    let e = en(
        "On 11 August 2017, opposition supporters protested in Mombasa. No reports of violence or clashes with police.",
        "2017-08-12",
    );
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].sub_event_type, "Peaceful protest", "{e:?}");
}

#[test]
fn a_crowds_word_done_by_an_armed_group_is_its_attack() {
    let e = en("On 2 May 2013, gunmen stormed a hotel in Juja and sprayed a car with bullets.", "2013-05-03");
    assert_eq!(e[0].sub_event_type, "Attack", "{e:?}");
    let e = en("On 2 May 2013, traders stormed the county offices in Juja, demanding lower fees.", "2013-05-03");
    assert_eq!(e[0].event_type, "Protests", "{e:?}");
}

#[test]
fn what_happens_as_a_rule_or_as_an_aim_is_no_event() {
    let e = en("The parasite's attacks are typically repelled by a factor in human blood.", "2010-01-01");
    assert!(e.is_empty(), "{e:?}");
    let e = fr(
        "Il n'autoriserait pas l'usage des bases américaines pour une attaque unilatérale contre l'Irak.",
        "2002-09-22",
    );
    assert!(e.is_empty(), "{e:?}");
    let e = fr("Trois personnes ont été tuées hier dans une attaque au sud d'Hébron.", "2003-01-24");
    assert_eq!(e.len(), 1, "{e:?}");
}

#[test]
fn a_body_is_a_killing_when_it_is_found_not_when_it_is_an_organization() {
    let e = en("On 8 April 2015, the bodies of two men were found in Kamirithu village.", "2015-04-09");
    assert_eq!(e[0].sub_event_type, "Attack", "{e:?}");
    let e = en(
        "On 9 September 2023, members of a rights body of garment workers staged a human chain in Dhaka, demanding wages.",
        "2023-09-10",
    );
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].sub_event_type, "Peaceful protest", "{e:?}");
}

#[test]
fn an_armed_groups_checkpoint_is_its_activity_and_the_setting_of_what_follows() {
    let e = en(
        "On 9 December 2018, presumed JNIM militants entered the Arly park, running a checkpoint controlling road users.",
        "2018-12-10",
    );
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].sub_event_type, "Change to group/activity", "{e:?}");
    let e = en(
        "On 18 September 2020, suspected ISGS militants held a checkpoint near Tanwalbougou. One man was shot dead.",
        "2020-09-19",
    );
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].sub_event_type, "Attack", "{e:?}");
    let e = en("On 18 September 2020, police set up a checkpoint near Tanwalbougou.", "2020-09-19");
    assert!(e.is_empty(), "{e:?}");
}

#[test]
fn a_fight_that_leaves_people_dead_shows_its_violence_and_a_fight_against_a_disease_does_not() {
    let e = en("On 14 August 2016, six people died in fighting between two clans in Wajir.", "2016-08-15");
    assert_eq!(e[0].sub_event_type, "Armed clash", "{e:?}");
    let e = en(
        "On 14 August 2016, six people died of cholera in Wajir despite the fight against the disease.",
        "2016-08-15",
    );
    assert!(e.is_empty(), "{e:?}");
}

#[test]
fn a_force_withdrawn_for_insecurity_changes_its_activity() {
    let e =
        en("On 13 September 2019, the police in Djibo withdrew from the town amid security concerns.", "2019-09-14");
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].sub_event_type, "Change to group/activity", "{e:?}");
}

#[test]
fn what_a_protest_calls_for_is_its_topic_not_an_event() {
    let e = en(
        "On 1 February 1997, students demonstrated in Ouagadougou for the release of two students who were arrested the previous week.",
        "1997-02-02",
    );
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].sub_event_type, "Peaceful protest", "{e:?}");
    assert_eq!(e[0].event_date.as_deref(), Some("1997-02-01"), "{e:?}");
}

#[test]
fn an_accusation_or_a_flight_names_violence_it_does_not_report() {
    let e = en("Last night he left a message blaming the president for having him killed.", "2006-11-24");
    assert!(e.is_empty(), "{e:?}");
    let e = en("Chad now hosts 150,000 displaced people fleeing from attacks on villages.", "2007-05-02");
    assert!(e.is_empty(), "{e:?}");
    let e = fr("Trois hommes ont été condamnés hier pour avoir tué un policier.", "2007-05-02");
    assert!(e.is_empty(), "{e:?}");
}

#[test]
fn the_same_two_sides_fighting_in_the_next_sentence_are_the_same_fight() {
    let e = en(
        "On Saturday a two-hour gun battle between the Mexican Army and drug hitmen ended in 18 fatalities in Acapulco. The army was met by hitmen lobbing hand grenades.",
        "2009-06-08",
    );
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].sub_event_type, "Armed clash", "{e:?}");
}

#[test]
fn a_protest_foiled_charged_or_followed_by_arrests_met_an_intervention() {
    let e = en(
        "On 10 December 2023, members of BNP staged a protest in Munshiganj, demanding fresh elections. Police forces foiled the protest.",
        "2023-12-11",
    );
    assert_eq!(e[0].sub_event_type, "Protest with intervention", "{e:?}");
    let e = en(
        "On 21 February 2023, members of Ganosamhati Andolan staged a procession in Narayanganj city, demanding fair wages. Police forces charged batons.",
        "2023-02-22",
    );
    assert_eq!(e[0].sub_event_type, "Protest with intervention", "{e:?}");
    let e = en(
        "On 29 July 2024, students staged a protest in Dhaka, demanding the release of detainees. Police forces arrested 12 students.",
        "2024-07-30",
    );
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].sub_event_type, "Protest with intervention", "{e:?}");
}

#[test]
fn two_communities_a_fight_is_between_are_its_two_militias() {
    let e =
        &en("On 23 December 2016, clashes between Kikuyu and Maasai left eight people dead in Naivasha.", "2016-12-24")
            [0];
    assert_eq!(e.sub_event_type, "Armed clash", "{e:?}");
    let sides = [e.actor1.as_deref().unwrap(), e.actor2.as_deref().unwrap()];
    assert!(sides.iter().all(|a| a.contains("Ethnic Militia")), "{e:?}");
}

#[test]
fn deaths_told_before_the_fight_they_came_from_are_its_toll() {
    // The fight's sides follow "between", the second with a word for its fighters; the
    // dead before it are its toll, not an earlier attack, nor a side.
    let e = &en(
        "On 3 March 2014, five people were killed in Moyale after clashes between Borana and Gabra clans.",
        "2014-03-04",
    )[0];
    assert_eq!(e.sub_event_type, "Armed clash", "{e:?}");
    assert_eq!(e.fatalities, 5);
    assert_eq!(e.actor1.as_deref(), Some("Borana Ethnic Militia (Kenya)"), "{e:?}");
    assert_eq!(e.actor2.as_deref(), Some("Gabra Ethnic Militia (Kenya)"), "{e:?}");
    // Wounds too.
    let e = &en(
        "On 3 March 2014, three people were injured in Kapedo after clashes between Pokot and Turkana.",
        "2014-03-04",
    )[0];
    assert_eq!(e.sub_event_type, "Armed clash", "{e:?}");
    // A killer named before keeps the clause an earlier event of its own.
    let e =
        &en("On 3 March 2014, police killed two bandits after clashes between Borana and Gabra clans.", "2014-03-04")
            [0];
    assert!(e.actor1.as_deref().unwrap().starts_with("Police Forces"), "{e:?}");
}

#[test]
fn a_conflict_between_communities_named_in_the_plural_is_theirs() {
    let e = &en(
        "One person was killed in an inter-communal conflict between Kalenjins and Maasais in Narok.",
        "2019-01-01",
    )[0];
    assert_eq!(e.sub_event_type, "Armed clash", "{e:?}");
    let sides = [e.actor1.as_deref().unwrap(), e.actor2.as_deref().unwrap()];
    assert!(sides.contains(&"Maasai Ethnic Militia (Kenya)"), "{e:?}");
}

#[test]
fn the_force_that_breaks_up_a_protest_in_the_next_sentence_is_its_other_side() {
    let e = &en(
        "On 11 April 2016, students of Daystar University protested in Nairobi to demand the removal of the Vice Chancellor. Police used tear gas against the protesters.",
        "2016-04-12",
    )[0];
    assert_eq!(e.sub_event_type, "Protest with intervention", "{e:?}");
    assert!(e.actor2.as_deref().unwrap().starts_with("Police Forces"), "{e:?}");
    let e = &en("On 11 April 2016, teachers protested over pay in Nairobi. Police fired tear gas.", "2016-04-12")[0];
    assert!(e.actor2.as_deref().unwrap().starts_with("Police Forces"), "{e:?}");
}

#[test]
fn two_sides_joined_before_a_fight_word_are_its_two_sides_unless_both_are_the_states() {
    let e = &en("On 3 May 2016, police and traders clashed in Nairobi over the removal of stalls.", "2016-05-04")[0];
    let sides = [e.actor1.as_deref().unwrap_or(""), e.actor2.as_deref().unwrap_or("")];
    assert!(sides.iter().any(|a| a.starts_with("Police Forces")), "{e:?}");
    assert!(sides.iter().any(|a| a.starts_with("Rioters")), "{e:?}");
}

#[test]
fn an_unnamed_communal_side_is_named_by_what_the_text_calls_the_fight() {
    let e = &en("On 3 May 2016, five people were killed in a tribal clash over land in Marsabit.", "2016-05-04")[0];
    assert_eq!(e.sub_event_type, "Armed clash", "{e:?}");
    assert!(e.actor1.as_deref().unwrap().starts_with("Unidentified Ethnic Militia"), "{e:?}");
}

#[test]
fn cattle_raiders_are_a_communal_militia() {
    let e = &en("On 3 May 2016, cattle raiders attacked a village in Turkana and killed two herders.", "2016-05-04")[0];
    assert_eq!(e.sub_event_type, "Attack", "{e:?}");
    assert!(e.actor1.as_deref().unwrap().starts_with("Unidentified Communal Militia"), "{e:?}");
}

#[test]
fn a_fights_other_side_may_stand_before_the_word() {
    let e = &en("On 3 May 2016, police pursued cattle raiders near Lodwar and exchanged fire.", "2016-05-04")[0];
    assert_eq!(e.sub_event_type, "Armed clash", "{e:?}");
    let sides = [e.actor1.as_deref().unwrap_or(""), e.actor2.as_deref().unwrap_or("")];
    assert!(sides.iter().any(|a| a.starts_with("Police Forces")), "{e:?}");
    assert!(sides.iter().any(|a| a.starts_with("Unidentified Communal Militia")), "{e:?}");
}

#[test]
fn a_participle_set_off_by_a_comma_is_passive() {
    let e =
        &en("Gendarmerie post in Inata (gold-mining site), attacked overnight, 1 gendarme wounded", "2017-10-06")[0];
    assert_eq!(e.sub_event_type, "Armed clash", "{e:?}");
    assert!(e.actor2.as_deref().unwrap().starts_with("Police Forces"), "{e:?}");
}

#[test]
fn a_presidential_guard_is_the_army_and_mutinous_troops_its_mutiny() {
    let e = &en(
        "On 3 June 2011, the presidential guard went on the offensive against mutinous troops in Bobo-Dioulasso.",
        "2011-06-04",
    )[0];
    assert_eq!(e.sub_event_type, "Armed clash", "{e:?}");
    assert!(e.actor1.as_deref().unwrap().starts_with("Military Forces"), "{e:?}");
    assert!(e.actor2.as_deref().unwrap().starts_with("Mutiny of Military Forces"), "{e:?}");
}

#[test]
fn a_group_named_for_its_home_town_places_what_it_does_when_the_text_names_no_place() {
    let e = &en(
        "Recruitment: the separatist Mombasa Republican Council has gone public about its recruitment of youth.",
        "2010-11-15",
    )[0];
    assert_eq!(e.location.as_deref(), Some("Mombasa"), "{e:?}");
    assert!(e.geo_precision.unwrap() >= 2, "{e:?}");
    // A community's militia is named for a people, not a home town.
    let e = &en("Turkana raiders kill a girl and steal cattle.", "2016-05-04")[0];
    assert_eq!(e.location, None, "{e:?}");
}

#[test]
fn a_partys_or_leaders_name_gives_the_country_a_text_names_no_place_for() {
    let e = en("On 3 May 2022, police fired tear gas at ODM supporters protesting the arrest of an MP.", "2022-05-04");
    assert_eq!(e[0].country.as_deref(), Some("KE"), "{e:?}");
    assert!(e[0].actor2.as_deref().is_some_and(|a| a.ends_with("(Kenya)") || a.ends_with("of Kenya")), "{e:?}");
    let e = fr("Des partisans de Blaise Compaoré ont manifesté jeudi devant le siège du parti.", "2015-09-18");
    assert_eq!(e[0].country.as_deref(), Some("BF"), "{e:?}");
    // A place the text names outweighs such a name.
    let e = en("On 3 May 2022, ODM supporters protested in Kampala against the arrest of an MP.", "2022-05-04");
    assert_eq!(e[0].country.as_deref(), Some("UG"), "{e:?}");
}

#[test]
fn violence_listed_in_what_a_protest_is_against_is_its_topic() {
    let e = en(
        "On 2 August 2023, students staged a protest on campus in Dhaka, against the rising incidents of clashes and vandalism at the university.",
        "2023-08-03",
    );
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].sub_event_type, "Peaceful protest", "{e:?}");
    // A past tense after "and" opens a clause of its own: the protesters burned tyres.
    let e = en("On 2 August 2023, traders protested in Dhaka against the levy and burned tyres.", "2023-08-03");
    assert_eq!(e[0].sub_event_type, "Violent demonstration", "{e:?}");
    let e = en("On 14 May 2019, teachers staged a march in Tioyo in reaction to an assault by students.", "2019-05-15");
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].sub_event_type, "Peaceful protest", "{e:?}");
}

#[test]
fn burning_an_effigy_is_a_peaceful_protest() {
    let e = en(
        "On 11 July 2023, party leaders burned effigy of the minister at Dhaka university during their demonstration.",
        "2023-07-12",
    );
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].sub_event_type, "Peaceful protest", "{e:?}");
}

#[test]
fn others_who_assault_the_protest_itself_intervene_in_it() {
    let e = en(
        "On 1 September 2023, police personnel assaulted the demonstrating members of BNP in Gaibandha town.",
        "2023-09-02",
    );
    assert_eq!(e[0].sub_event_type, "Protest with intervention", "{e:?}");
    let e = en(
        "On 19 May 2023, members of Awami League attacked the protest rally of BNP members in Feni city.",
        "2023-05-20",
    );
    assert_eq!(e[0].sub_event_type, "Protest with intervention", "{e:?}");
}

#[test]
fn a_protest_the_text_calls_violent_is_a_violent_demonstration() {
    let e = en("One person died during violent protest against the election results in Homa Bay.", "2017-08-10");
    assert_eq!(e[0].sub_event_type, "Violent demonstration", "{e:?}");
    let e = en("On 3 May 2022, traders protested in Kisumu. The protest became violent in the evening.", "2022-05-04");
    assert!(e.iter().any(|e| e.sub_event_type == "Violent demonstration"), "{e:?}");
    let e = fr("Une manifestation violente a eu lieu jeudi à Bobo-Dioulasso contre la vie chère.", "2022-05-06");
    assert_eq!(e[0].sub_event_type, "Violent demonstration", "{e:?}");
}

#[test]
fn herders_who_attack_or_fight_are_a_communal_militia_not_a_mob() {
    let e = en("On September 8th, pastoralists attacked civilians in Kitui East, killing 2.", "2018-09-10");
    assert_eq!(e[0].sub_event_type, "Attack", "{e:?}");
    assert!(e[0].actor1.as_deref().is_some_and(|a| a.starts_with("Unidentified Communal Militia")), "{e:?}");
    assert_eq!(e[0].inter1, Some(4), "{e:?}");
    let e = en("Fighting between rival pastoralists left 5 dead near Marsabit.", "2019-01-01");
    assert_eq!(e[0].sub_event_type, "Armed clash", "{e:?}");
    // Acted upon, they are civilians.
    let e = en("On 3 May 2022, gunmen attacked herders near Marsabit, killing two.", "2022-05-04");
    assert!(e[0].actor2.as_deref().is_some_and(|a| a.starts_with("Civilians")), "{e:?}");
}

#[test]
fn a_crowd_that_is_the_agent_of_a_passive_is_rioting() {
    let e = en("A suspected cattle thief was killed by residents of Ochude in Teso South district.", "2019-01-01");
    assert_eq!(e[0].sub_event_type, "Mob violence", "{e:?}");
    assert!(e[0].actor1.as_deref().is_some_and(|a| a.starts_with("Rioters")), "{e:?}");
    // Not people the text leaves unknown, nor those who fight back against armed men.
    let e = en("A trader was killed by unidentified men in Teso South district.", "2019-01-01");
    assert_ne!(e[0].sub_event_type, "Mob violence", "{e:?}");
    let e = en("Five raiders were killed by residents who fought back during a raid in Baringo.", "2019-01-01");
    assert_eq!(e[0].sub_event_type, "Armed clash", "{e:?}");
}

#[test]
fn people_named_by_their_animals_are_counted_and_people_who_die_are_dead() {
    let e = en("Police shot dead 9 cattle rustlers in Baringo on Monday.", "2019-01-01");
    assert_eq!(e[0].fatalities, 9, "{e:?}");
    // The animals themselves are no toll.
    let e = en("Raiders stole 40 cattle and killed two herders in Baringo.", "2019-01-01");
    assert_eq!(e[0].fatalities, 2, "{e:?}");
    let e = en("Four people die in clashes between police and rioters in Kisumu.", "2019-01-01");
    assert_eq!(e[0].fatalities, 4, "{e:?}");
}

#[test]
fn hostages_held_slit_throats_and_detonations_are_events() {
    let e = en("Al Shabaab militants continue to hold hostages for the third day in the Westgate Mall.", "2013-09-23");
    assert_eq!(e[0].sub_event_type, "Abduction/forced disappearance", "{e:?}");
    let e = en(
        "On March 28, presumed militants slit the throats of three gold miners in the village of Belhouro.",
        "2019-03-29",
    );
    assert_eq!(e[0].sub_event_type, "Attack", "{e:?}");
    let e = en("Suspected al Shabaab militants detonate an explosive at a police building in Mandera.", "2014-05-02");
    assert_eq!(e[0].sub_event_type, "Remote explosive/landmine/IED", "{e:?}");
}

#[test]
fn a_mutiny_told_as_an_act_is_a_violent_demonstration() {
    let e = en("Firing by mutinying police was reported in Bobo-Dioulasso on Friday.", "2011-06-04");
    assert_eq!(e[0].sub_event_type, "Violent demonstration", "{e:?}");
    let e =
        en("A mutiny launched by soldiers in Ouagadougou spread to the southern town of Po on Sunday.", "2011-04-18");
    assert_eq!(e[0].sub_event_type, "Violent demonstration", "{e:?}");
    let e = fr("Le 7 novembre 2015, des habitants de Ouagadougou ont manifesté contre le mauvais état des routes, bloquant la chaussée.", "2015-11-08");
    assert_eq!(e[0].sub_event_type, "Violent demonstration", "{e:?}");
}

#[test]
fn people_attacked_on_their_way_to_or_from_a_protest_are_no_protest() {
    let e = en(
        "On 11 February 2023, members of Awami League assaulted two members of BNP in Gurudaspur when they were returning from an anti-government demonstration.",
        "2023-02-12",
    );
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].sub_event_type, "Mob violence", "{e:?}");
    let e = en(
        "On 5 June 2023, members of Awami League assaulted 3 activists in Bogra city for participating in a human chain.",
        "2023-06-06",
    );
    assert_eq!(e[0].sub_event_type, "Mob violence", "{e:?}");
}

#[test]
fn people_who_block_a_named_road_protest() {
    let e = en(
        "On Jan 30th residents of Gitaru blocked the Gitaru-Wangige road to stop the seizure of logs.",
        "2019-02-01",
    );
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].sub_event_type, "Peaceful protest", "{e:?}");
    // Soldiers or a landslide that block a road are no protest.
    let e = en("On Jan 30th soldiers blocked the Gitaru-Wangige road during an operation.", "2019-02-01");
    assert!(e.iter().all(|e| e.event_type != "Protests"), "{e:?}");
}

#[test]
fn a_shooting_that_leaves_people_dead_is_an_attack() {
    let e = en("Shootings by a gang in Nairobi left two traders dead on Monday.", "2019-01-01");
    assert_eq!(e[0].sub_event_type, "Attack", "{e:?}");
    assert_eq!(e[0].fatalities, 2, "{e:?}");
    // In the air, it disperses.
    let e = en("Police dispersed the protesters in Kisumu, shooting into the air.", "2019-01-01");
    assert_eq!(e[0].sub_event_type, "Protest with intervention", "{e:?}");
}

#[test]
fn a_sentence_that_opens_on_protesters_and_names_no_event_tells_their_protest() {
    let e =
        en("Tens of thousands of protesters gather in front of the National Assembly in Ouagadougou.", "2014-10-30");
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].sub_event_type, "Peaceful protest", "{e:?}");
    // Protesters named later in a sentence about something else are no protest of theirs.
    let e = en("The minister met the families of the protesters in Ouagadougou on Friday.", "2014-10-30");
    assert!(e.is_empty(), "{e:?}");
}

#[test]
fn a_gunbattle_in_one_word_is_a_fight() {
    let e = en("Gunbattle between police and Somali militia at a border town near Mandera.", "2019-01-01");
    assert_eq!(e[0].sub_event_type, "Armed clash", "{e:?}");
}

#[test]
fn crowds_who_fight_each_other_at_a_rally_riot_as_mobs() {
    let e =
        en("NASA and Jubilee supporters clashed and threw stones at each other during a rally in Meru.", "2017-07-01");
    assert_eq!(e[0].sub_event_type, "Mob violence", "{e:?}");
    // Protesters, or the police, in view: the demonstration is violent.
    let e = en(
        "Demonstrators clashed with police during a rally in Kisumu against the electoral commission.",
        "2017-07-01",
    );
    assert_eq!(e[0].sub_event_type, "Violent demonstration", "{e:?}");
}

#[test]
fn a_death_reported_is_a_toll_and_executing_is_an_attack() {
    let e = en("Rioters clashed in Mathare on Monday. One death reported.", "2008-01-01");
    assert_eq!(e[0].fatalities, 1, "{e:?}");
    let e = en("Policemen were caught on camera executing three men on a busy Nairobi street.", "2016-04-01");
    assert_eq!(e[0].sub_event_type, "Attack", "{e:?}");
}

#[test]
fn gunfire_exchanged_and_a_group_routed_are_fights() {
    let e = en(
        "On April 18, presumed Ansaroul Islam militants exchanges gunfire with a police patrol near Bouroy.",
        "2019-04-19",
    );
    assert_eq!(e[0].sub_event_type, "Armed clash", "{e:?}");
    let e = en(
        "On 20 March 2020, Koglweogo militiamen routed a group of suspected ISGS militants in Pobe Mengao.",
        "2020-03-21",
    );
    assert_eq!(e[0].sub_event_type, "Armed clash", "{e:?}");
}

#[test]
fn a_clan_war_a_confrontation_with_people_hurt_and_a_captive_held_are_events() {
    let e = en("Another person dies in a clan war over land in Mandera on Monday.", "2019-01-01");
    assert_eq!(e[0].sub_event_type, "Armed clash", "{e:?}");
    let e =
        en("Six people were injured in a confrontation between ODM and Jubilee supporters in Kisumu.", "2017-06-01");
    assert_eq!(e[0].sub_event_type, "Mob violence", "{e:?}");
    let e = en("An ODM officer was held captive by party members at a polling station in Kisumu.", "2017-06-01");
    assert_eq!(e[0].sub_event_type, "Abduction/forced disappearance", "{e:?}");
}

#[test]
fn people_who_clash_with_the_police_riot() {
    let e = en("Police clash with market traders in Isiolo. Three injured, including a police officer.", "2016-01-01");
    assert_eq!(e[0].sub_event_type, "Mob violence", "{e:?}");
    assert!(e[0].actor1.as_deref().is_some_and(|a| a.starts_with("Rioters")), "{e:?}");
    assert!(e[0].actor2.as_deref().is_some_and(|a| a.starts_with("Police Forces")), "{e:?}");
}

#[test]
fn what_a_protest_answers_and_who_its_people_are_is_no_event_of_its_own() {
    let e = en(
        "On 13 December 2022, members of BNP staged a protest in Naogaon town, against the prior arrest of BNP members, and vandalism of the party office.",
        "2022-12-14",
    );
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].sub_event_type, "Peaceful protest", "{e:?}");
    let e = en("More than 5,000 victims of ethnic clashes held a demonstration in Elburgon town.", "2008-05-01");
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].sub_event_type, "Peaceful protest", "{e:?}");
    let e =
        en("On 1 June 2020, residents demonstrated in Pama in the wake of a deadly attack on a market.", "2020-06-02");
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].sub_event_type, "Peaceful protest", "{e:?}");
    // Victims of an attack, with no protest: the attack.
    let e = en(
        "Sixteen charred bodies were taken to the mortuary, victims of overnight arson attacks in Nakuru.",
        "2008-01-27",
    );
    assert!(e.iter().any(|e| e.event_type == "Violence against civilians"), "{e:?}");
}

#[test]
fn others_who_assault_people_during_their_protest_intervene_in_it() {
    let e = en(
        "On 11 March 2023, members of Chhatra League assaulted BNP members with sticks in Maulvibazar town, during BNP's demonstration against the government.",
        "2023-03-12",
    );
    assert_eq!(e[0].sub_event_type, "Protest with intervention", "{e:?}");
    let e = en(
        "On 15 March 2023, police officers assaulted six shop owners in Chittagong city, as they were protesting against a new tax.",
        "2023-03-16",
    );
    assert_eq!(e[0].sub_event_type, "Protest with intervention", "{e:?}");
}

#[test]
fn a_semicolon_ends_what_a_protest_is_about() {
    let e = en(
        "Public service operators stage protest over government actions; police arrest several protesters",
        "2012-01-01",
    );
    assert_eq!(e[0].sub_event_type, "Protest with intervention", "{e:?}");
}

#[test]
fn a_group_of_one_country_places_a_name_found_in_several() {
    // Mané is a town of Côte d'Ivoire and a village of Burkina Faso: Ansaroul Islam is
    // Burkinabe.
    let e = en("Ansaroul Islam militants attacked a gendarmerie post in Mané, killing two gendarmes.", "2019-01-02");
    assert_eq!(e[0].country.as_deref(), Some("BF"), "{e:?}");
    assert_eq!(e[0].location.as_deref(), Some("Mané"), "{e:?}");
}

#[test]
fn the_assailants_after_a_named_group_are_that_group() {
    let e = en(
        "On 17 November 2017, around twenty Ansaroul Islam militants raided the village of Tongomayel, the assailants fired in the air and abducted two villagers.",
        "2017-11-18",
    );
    assert_eq!(e[0].actor1.as_deref(), Some("Ansaroul Islam"), "{e:?}");
    // Who repels "the assailants" is not told by them.
    let e = en(
        "On April 12, presumed Ansaroul Islam militants attacked the police station in Djibo, the assailants were repelled, no casualties reported.",
        "2018-04-13",
    );
    assert_eq!(e[0].actor1.as_deref(), Some("Ansaroul Islam"), "{e:?}");
}

#[test]
fn a_passive_auxiliary_is_a_whole_word() {
    // "machete attacked" is no "été attacked": the gunman attacks the people.
    let e = en("A gunman with a machete attacked three people in Lamu.", "2019-12-29");
    assert_eq!(e[0].sub_event_type, "Attack", "{e:?}");
    assert!(e[0].actor2.as_deref().unwrap_or("").starts_with("Civilians"), "{e:?}");
}

#[test]
fn insurgents_and_commandos_are_armed_sides() {
    let e = en("Police killed an insurgent near Moyale in Kenya.", "2019-12-29");
    assert_eq!(e[0].sub_event_type, "Armed clash", "{e:?}");
    let e =
        en("On 2 March 2020, a commando was killed by a Taliban sniper in Murghab district, Badghis.", "2020-03-03");
    assert_eq!(e[0].sub_event_type, "Armed clash", "{e:?}");
    assert!(e[0].actor2.as_deref().unwrap_or("").starts_with("Military Forces"), "{e:?}");
}

#[test]
fn every_passive_trigger_of_a_sentence_is_passive() {
    // The second participle has its own auxiliary: the people killed do not seize.
    let e = en(
        "On 10 October 2020, presumed ISGS militants made an incursion into Markoye. Three people were killed and one motorbike was seized.",
        "2020-10-11",
    );
    assert_eq!(e[0].sub_event_type, "Attack", "{e:?}");
    assert_eq!(e[0].actor1.as_deref(), Some("Islamic State (Greater Sahara)"), "{e:?}");
}

#[test]
fn unidentified_persons_who_wreck_are_a_mob() {
    let e = en(
        "On 5 August 2024, unidentified persons vandalized and set ablaze the house of a local leader in Kasba upazila (Brahmanbaria, Chittagong).",
        "2024-08-06",
    );
    assert_eq!(e[0].sub_event_type, "Mob violence", "{e:?}");
    let e = en("A vigilante group lynches two on suspicion of witchcraft in Kisii.", "2019-05-02");
    assert_eq!(e[0].sub_event_type, "Mob violence", "{e:?}");
}

#[test]
fn people_who_vandalize_with_no_protest_in_view_are_a_mob() {
    let e = en(
        "On 25 June 2023, at least 50 villagers vandalized the local electricity office with rods and sticks in Narsingdi, amid power cuts.",
        "2023-06-26",
    );
    assert_eq!(e[0].sub_event_type, "Mob violence", "{e:?}");
    // Blocking a road is how people protest, not a mob's act.
    let e = en(
        "On 4 September, drivers were reported to have blocked roads near Nyeri. This was in protest at a new fuel tax.",
        "2018-09-05",
    );
    assert_eq!(e[0].sub_event_type, "Peaceful protest", "{e:?}");
}

#[test]
fn headline_verbs_in_the_present_are_triggers() {
    let e = en("Al Shabaab lines and executes 15 farmers by firing squad in Mado Gashi.", "2015-01-02");
    assert_eq!(e[0].sub_event_type, "Attack", "{e:?}");
    let e = en("Party meeting becomes chaotic when an argument breaks out and rivals engage in blows", "2013-01-02");
    assert_eq!(e[0].sub_event_type, "Mob violence", "{e:?}");
}

#[test]
fn the_assault_named_again_is_the_intervention_told() {
    let e = en(
        "On 8 April 2023, members of Jubo League assaulted the BNP demonstrators in Sharsha upazila (Jessore, Khulna), during BNP's demonstration against the rising prices of electricity. At least 10 people were injured in the assault.",
        "2023-04-09",
    );
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].sub_event_type, "Protest with intervention", "{e:?}");
}

#[test]
fn suspected_thieves_burnt_to_death_by_no_one_named_are_a_mobs_victims() {
    let e = en("20 May. Three suspected thieves were burnt to death in Kinangop.", "2018-05-21");
    assert_eq!(e[0].sub_event_type, "Mob violence", "{e:?}");
    assert_eq!(e[0].fatalities, 3, "{e:?}");
    // Burnt to death is a killing, not property destroyed.
    let e = en("One man was burned to death in his car by attackers in Naivasha.", "2008-01-28");
    assert_eq!(e[0].sub_event_type, "Attack", "{e:?}");
}

#[test]
fn an_abduction_whose_victim_is_then_killed_is_one_attack() {
    let e = en(
        "On December 15, presumed ISGS militants abducted a municipal councilor in the village of Nassougou. They brought him back to his village two days later and beheaded him.",
        "2018-12-20",
    );
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].sub_event_type, "Attack", "{e:?}");
    let e = en(
        "Al-Shabaab militants abducted two teachers in an overnight attack in Fafi, Garissa. One teacher is killed.",
        "2015-01-02",
    );
    assert_eq!(e[0].sub_event_type, "Attack", "{e:?}");
}

#[test]
fn protesters_shot_by_police_are_the_ones_acted_upon() {
    // "were shot" carries its own auxiliary: the police act on the protest.
    let e = en("Two demonstrators were shot by police in Mau Narok during a protest.", "2019-01-02");
    assert_eq!(e[0].event_type, "Protests", "{e:?}");
    assert!(e[0].actor1.as_deref().unwrap_or("").starts_with("Protesters"), "{e:?}");
}

#[test]
fn a_riots_first_side_is_the_rioters() {
    let e = en("Rioters were shot and injured by police in Kisumu during the demonstration.", "2019-01-02");
    let e = e.iter().find(|e| e.event_type == "Riots").expect("a riot");
    assert!(e.actor1.as_deref().unwrap_or("").starts_with("Rioters"), "{e:?}");
    assert!(e.actor2.as_deref().unwrap_or("").starts_with("Police"), "{e:?}");
}

#[test]
fn a_claim_made_the_next_day_is_of_the_attack_told() {
    let e = en(
        "Unidentified gunmen attacked a bus outside of Witu on Sunday, killing seven. The following morning al Shabaab claimed responsibility for the attack.",
        "2015-01-06",
    );
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].actor1.as_deref(), Some("Al Shabaab"), "{e:?}");
    // Dated by the attack, not by the claim.
    assert_eq!(e[0].event_date.as_deref(), Some("2015-01-04"), "{e:?}");
}

#[test]
fn a_war_told_as_ongoing_is_no_event() {
    let e = en(
        "Chad now has 150,000 internally displaced persons, fleeing from attacks on villages in the east where the government has been fighting an insurgency.",
        "2007-03-02",
    );
    assert!(e.is_empty(), "{e:?}");
}

#[test]
fn what_protesters_claim_of_others_is_what_their_protest_is_about() {
    let e = en(
        "On 30 July 2023, members of Chhatra League staged a protest at Dhaka university, against the BNP, claiming that they engaged in violent demonstrations.",
        "2023-07-31",
    );
    assert_eq!(e[0].sub_event_type, "Peaceful protest", "{e:?}");
}

#[test]
fn groups_named_as_organizers_are_no_rioters() {
    let e =
        en("Opposition political groups held protests over the death of a journalist in Ouagadougou.", "1998-12-20");
    assert_eq!(e[0].sub_event_type, "Peaceful protest", "{e:?}");
}

#[test]
fn an_event_dated_before_the_one_told_is_its_past() {
    let e = en(
        "On Jul 23rd 2019, a protest was held in Isiolo town by relatives and friends of the man beaten to death by police two weeks before.",
        "2019-07-24",
    );
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].sub_event_type, "Peaceful protest", "{e:?}");
}

#[test]
fn a_later_sentence_in_the_pluperfect_tells_what_came_before() {
    let e = en(
        "On 9 October, a man was attacked by a police officer in Baragoi, Samburu. He had been pelted with stones.",
        "2019-10-10",
    );
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].sub_event_type, "Attack", "{e:?}");
}

#[test]
fn the_pluperfect_in_french_too() {
    let e = fr(
        "Des élèves ont manifesté mardi à Koudougou pour réclamer justice. Un élève avait été tué par la police.",
        "2011-02-23",
    );
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].event_type, "Protests", "{e:?}");
}

#[test]
fn barricades_and_burning_tyres_are_a_demonstration_in_themselves() {
    let e = en(
        "On 7 February, residents in Karangasso-Sambla barricaded the mayor's office in Bobo-Dioulasso.",
        "2018-02-08",
    );
    assert_eq!(e[0].sub_event_type, "Violent demonstration", "{e:?}");
}

#[test]
fn an_agent_after_a_later_word_is_that_words_not_the_subjects_attack() {
    // "by the assailants" tells who burned the shops; the village's attackers are the
    // subject named first, and the attack stays one on civilians.
    let e = &en(
        "On 4 May 2019, suspected JNIM militants attacked the village of Tongomayel and killed six people, two shops were also burned by the assailants.",
        "2019-05-05",
    )[0];
    assert_eq!(e.sub_event_type, "Attack", "{e:?}");
    assert!(e.actor1.as_deref().unwrap().starts_with("JNIM"), "{e:?}");
    // Participles joined by "and" share their agent.
    let e = &en("On 4 May 2019, a nurse attacked and wounded by gunmen near Dadaab.", "2019-05-05")[0];
    assert!(e.actor1.as_deref().unwrap().starts_with("Unidentified Armed Group"), "{e:?}");
}

#[test]
fn a_community_that_attacks_is_its_militia() {
    let e = &en("On 2 June 2012, Pokot attacked Turkana herders near Lokori.", "2012-06-03")[0];
    assert_eq!(e.sub_event_type, "Attack", "{e:?}");
    assert_eq!(e.actor1.as_deref(), Some("Pokot Ethnic Militia (Kenya)"), "{e:?}");
    // A place of the same name is no subject, nor are people counted.
    let e = &en("On 2 June 2012, students of a boarding school in Kisii burnt down their dormitory.", "2012-06-03")[0];
    assert!(!e.actor1.as_deref().unwrap_or("").contains("Militia"), "{e:?}");
    let e = &en("On 2 June 2012, 3 Kalenjin killed near Eldoret.", "2012-06-03")[0];
    assert!(!e.actor1.as_deref().unwrap_or("").contains("Kalenjin"), "{e:?}");
}

#[test]
fn an_agentless_passive_after_an_armed_group_doing_nothing_yet_is_that_groups_act() {
    let e = &en(
        "On 23 September 2020, presumed ISGS militants entered the market of Sebba. Several traders were beaten and wounded.",
        "2020-09-24",
    )[0];
    assert_eq!(e.sub_event_type, "Attack", "{e:?}");
    assert_eq!(e.actor1.as_deref(), Some("Islamic State (Greater Sahara)"), "{e:?}");
}

#[test]
fn forces_named_by_their_country_are_its_military() {
    let e = &en("On 4 May 2020, Burkinabe forces killed ten militants near Djibo.", "2020-05-05")[0];
    assert_eq!(e.actor1.as_deref(), Some("Military Forces of Burkina Faso"), "{e:?}");
    let e = &en("On 4 May 2020, French forces of Operation Barkhane killed ten militants near Djibo.", "2020-05-05")[0];
    assert_eq!(e.actor1.as_deref(), Some("Military Forces of France"), "{e:?}");
    assert_eq!(e.inter1, Some(8), "{e:?}");
    // The police's forces are the police, one actor.
    let e = &en("On 4 May 2020, protesters clashed with police forces in Dhaka.", "2020-05-05")[0];
    assert!(e.actor2.as_deref().unwrap().starts_with("Police Forces"), "{e:?}");
}

#[test]
fn a_death_told_aside_after_a_toll_adds_nothing_to_it() {
    let e = &en(
        "Three people have been killed in a village in Baringo following the killing of a man on Sunday.",
        "2016-02-02",
    )[0];
    assert_eq!(e.fatalities, 3, "{e:?}");
}

#[test]
fn a_member_of_a_force_out_of_uniform_anywhere_in_the_noun_phrase_is_a_civilian() {
    let e = &en(
        "A senior, off-duty National Intelligence Service officer was shot dead by gunmen in Mombasa.",
        "2019-03-08",
    )[0];
    assert_eq!(e.sub_event_type, "Attack", "{e:?}");
    // Not a civilian named beside the force, nor one the force hurt.
    let e = &en("Gunmen attacked a patrol, killing one civilian and one police officer.", "2019-03-08")[0];
    assert_eq!(e.sub_event_type, "Armed clash", "{e:?}");
}

#[test]
fn a_noun_phrase_of_cause_however_long_tells_no_event() {
    let e = fr(
        "Des habitants de Laye ont saccagé puis incendié mercredi un centre de détention, après la découverte du corps d'une adolescente portant des traces de viol.",
        "2021-03-11",
    );
    assert!(e.iter().all(|e| e.sub_event_type != "Sexual violence"), "{e:?}");
    assert_eq!(e[0].sub_event_type, "Mob violence", "{e:?}");
    let e = en(
        "On 19 February 2020, residents in Laye torched a youth detention center amid the discovery of the body of a girl with traces of rape.",
        "2020-02-20",
    );
    assert!(e.iter().all(|e| e.sub_event_type != "Sexual violence"), "{e:?}");
    // What a toll told before it explains is its event.
    let e = &en(
        "Two people were injured after the vehicle they were travelling in ran over a landmine near Garsen.",
        "2015-11-23",
    )[0];
    assert_eq!(e.sub_event_type, "Remote explosive/landmine/IED", "{e:?}");
}

#[test]
fn wounded_by_a_bullet_is_a_shooting() {
    let e = &fr("Le 24 février 2011, un élève a été blessé par balle par la police à Kindi.", "2011-02-25")[0];
    assert_eq!(e.sub_event_type, "Attack", "{e:?}");
    assert!(e.actor1.as_deref().unwrap().starts_with("Police Forces"), "{e:?}");
}

#[test]
fn an_attack_on_a_post_no_one_was_in_destroys_property() {
    let e = &en(
        "On 11 October 2019, suspected JNIM militants attacked the police station in Sebba while it was unmanned.",
        "2019-10-12",
    )[0];
    assert_eq!(e.sub_event_type, "Looting/property destruction", "{e:?}");
    assert!(e.actor2.as_deref().unwrap().starts_with("Police Forces"), "{e:?}");
    let e = &fr(
        "Le 11 octobre 2019, des jihadistes ont attaqué le poste de police de Sebba, alors inoccupé.",
        "2019-10-12",
    )[0];
    assert_eq!(e.sub_event_type, "Looting/property destruction", "{e:?}");
    // Someone killed there was there.
    let e = &en(
        "On 11 October 2019, militants attacked the police station in Sebba while it was unmanned, killing a guard.",
        "2019-10-12",
    )[0];
    assert_ne!(e.sub_event_type, "Looting/property destruction", "{e:?}");
}

#[test]
fn a_protest_the_violence_relates_to_is_its_backdrop() {
    let e = &en(
        "On 17 July 2024, members of Chhatra League vandalized the party office of BNP in Gaibandha town, for supporting ongoing student demonstrations.",
        "2024-07-18",
    )[0];
    assert_eq!(e.sub_event_type, "Mob violence", "{e:?}");
    // Setting fire is violence enough beside it.
    let e = &en(
        "On 17 September 2023, members of Awami League set fire to a bus carrying members of BNP in Natore, when BNP members were on way to join a protest march.",
        "2023-09-18",
    )[0];
    assert_eq!(e.sub_event_type, "Mob violence", "{e:?}");
}

#[test]
fn a_second_verb_after_a_protest_is_no_object_of_it() {
    let e = &en("On 2 March 2011, students in Leo protested and clashed with gendarmes.", "2011-03-03")[0];
    assert_eq!(e.sub_event_type, "Violent demonstration", "{e:?}");
    // What the protest is against is its object.
    let e = &en("On 2 March 2011, residents of Leo protested an attack on their school.", "2011-03-03")[0];
    assert_eq!(e.sub_event_type, "Peaceful protest", "{e:?}");
}

#[test]
fn protesters_who_light_fires_or_burn_tires_demonstrate_violently() {
    let e = &en(
        "On 20 November 2015, students protested poor water services by blocking a road and lighting fires in Narok.",
        "2015-11-21",
    )[0];
    assert_eq!(e.sub_event_type, "Violent demonstration", "{e:?}");
    let e = &en("On 20 November 2015, traders protested in Kisumu, burning tires.", "2015-11-21")[0];
    assert_eq!(e.sub_event_type, "Violent demonstration", "{e:?}");
}

#[test]
fn herders_and_farmers_who_clash_are_two_sides() {
    let e = &en(
        "On 25 August 2019, in Safarisi, herders and farmers clashed over pasture. A man was killed.",
        "2019-08-26",
    )[0];
    assert_eq!(e.sub_event_type, "Armed clash", "{e:?}");
    assert!(e.actor1.as_deref().unwrap().contains("Communal Militia"), "{e:?}");
}

#[test]
fn a_toll_told_before_a_clause_of_cause_is_of_the_event_that_clause_tells() {
    let e = &en("One person was killed and another injured after a mob attacked them in Baringo.", "2014-09-18")[0];
    assert_eq!(e.sub_event_type, "Mob violence", "{e:?}");
    assert_eq!(e.fatalities, 1, "{e:?}");
    let e = &en("Three people were injured after a hand grenade was hurled at a kiosk in Mandera.", "2014-09-18")[0];
    assert_eq!(e.sub_event_type, "Grenade", "{e:?}");
    // Not the victims' own earlier lot, nor where the toll names its killers.
    let e = en("On 3 March 2020, a soldier was killed after being abducted by the Taliban in Kunduz.", "2020-03-04");
    assert_eq!(e.len(), 1, "{e:?}");
    let e =
        &en("Three militants were killed by police soon after the IED injured two officers in Kiunga.", "2019-07-16")
            [0];
    assert_eq!(e.sub_event_type, "Armed clash", "{e:?}");
}

#[test]
fn a_vigilante_militia_is_a_crowd_taking_the_law_in_hand() {
    let e = &en("On 3 May 2010, a vigilante militia killed two suspected thieves in Kibera.", "2010-05-04")[0];
    assert_eq!(e.sub_event_type, "Mob violence", "{e:?}");
}

#[test]
fn those_a_passive_word_says_were_hit_are_the_other_side_of_the_attack_told_after() {
    let e = &en(
        "A trader was killed and two soldiers were wounded when suspected militants attacked a convoy near Garissa.",
        "2015-03-02",
    )[0];
    assert_eq!(e.sub_event_type, "Armed clash", "{e:?}");
    assert!(e.actor2.as_deref().unwrap().starts_with("Military Forces of"), "{e:?}");
}

#[test]
fn farmers_and_herders_who_fight_are_two_communities_militias() {
    for text in [
        "On 20 September 2019, in Taveta, a fight between farmers and herders over a water source left two people injured.",
        "On 25 August 2019, in Taveta, herders and farmers clashed over pasture. A man was killed.",
    ] {
        let e = &en(text, "2019-09-26")[0];
        assert_eq!(e.sub_event_type, "Armed clash", "{e:?}");
        for a in [&e.actor1, &e.actor2] {
            assert!(a.as_deref().is_some_and(|a| a.starts_with("Unidentified Communal Militia")), "{e:?}");
        }
    }
}

#[test]
fn crowds_that_pour_into_the_streets_and_marches_told_in_the_passive_are_protests() {
    for text in [
        "On 3 May 2018, hundreds of traders poured into the streets of Nakuru over a new levy.",
        "On 3 May 2018, an anti-corruption march was held in Nairobi.",
    ] {
        let e = en(text, "2018-05-04");
        assert_eq!(
            e.first().map(|e| e.sub_event_type.to_string()).as_deref(),
            Some("Peaceful protest"),
            "{text}: {e:?}"
        );
    }
}

#[test]
fn fighting_between_tribes_or_clans_named_by_its_word_is_a_communal_battle() {
    for text in [
        "On 4 June 2013, four people died following inter-tribal conflict in Baragoi.",
        "On 4 June 2013, fighting between two tribes in Baragoi left three people dead.",
        "On 4 June 2013, warring between two clans caused the destruction of homes in Qabobey.",
    ] {
        let e = en(text, "2013-06-05");
        assert_eq!(e.first().map(|e| e.sub_event_type.to_string()).as_deref(), Some("Armed clash"), "{text}: {e:?}");
    }
}

#[test]
fn the_dead_named_one_after_the_other_add_up() {
    for (text, dead) in [
        ("On 24 February 2020, militants ambushed a patrol near Pissila, killing three policemen and one volunteer fighter, and wounding five others.", 4),
        ("On 3 May 2015, armed men attacked a patrol near Mandera, killing one civilian and one police officer.", 2),
        ("On 3 May 2015, militants shot dead the mayor and three others near Gaskinde.", 4),
        ("On 3 May 2015, a woman and two children were killed when their cart struck an IED near Titao.", 3),
        ("On 3 May 2015, two raiders were killed and two villagers were killed at Gudas.", 4),
        // A range is no list, and a place hit is no person.
        ("On 2 July 2020, soldiers reportedly killed between 2 and 6 people at the market in Tatiangou.", 2),
        ("On 3 May 2015, militants attacked the village of Gudas and two people were killed.", 2),
    ] {
        let e = &en(text, "2020-07-03")[0];
        assert_eq!(e.fatalities, dead, "{text}: {e:?}");
    }
}

#[test]
fn those_the_police_kill_quelling_a_riot_are_the_riots_toll() {
    let e = en("On 3 May 2015, riots broke out in Kisumu. Police shot one dead as they intervened.", "2015-05-04");
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].sub_event_type, "Violent demonstration", "{e:?}");
    assert_eq!(e[0].fatalities, 1, "{e:?}");
    assert!(e[0].actor2.as_deref().is_some_and(|a| a.starts_with("Police Forces")), "{e:?}");
}

#[test]
fn people_killed_in_an_attack_told_in_a_phrase_did_not_riot() {
    for text in [
        "On 9 September 2017, three people have been killed and eight others injured in a banditry attack in Baragoi.",
        "On 12 May 2017, two quarry workers were shot dead in a suspected extremist attack in Mandera.",
    ] {
        let e = &en(text, "2017-09-10")[0];
        assert_eq!(e.sub_event_type, "Attack", "{text}: {e:?}");
        assert!(!e.actor1.as_deref().unwrap_or("").starts_with("Rioters"), "{e:?}");
    }
}

#[test]
fn a_pronoun_before_the_word_is_the_sentences_armed_subject() {
    let e = &en("On 8 September 2017, armed raiders killed 2 students and injured 1 man when they attacked a community in Marakwet East.", "2017-09-09")[0];
    assert_eq!(e.sub_event_type, "Attack", "{e:?}");
    assert!(matches!(e.inter1, Some(2..=4)), "{e:?}");
}

#[test]
fn what_people_protesting_then_do_is_not_what_they_protest() {
    for text in [
        "On 9 July 2018, students protesting against their principal burnt their dormitory in Mumias.",
        "On 9 July 2018, students of Mumias Girls School, protesting against their principal, burn their dorm.",
        "On 9 July 2018, young people protesting to demand the resignation of the mayor of Pissila set fire to his residence.",
    ] {
        let e = &en(text, "2018-07-10")[0];
        assert_eq!(e.sub_event_type, "Violent demonstration", "{text}: {e:?}");
    }
    // What they protest stays the topic.
    let e = &en(
        "On 9 July 2018, students protesting against the burning of their dormitory marched in Mumias.",
        "2018-07-10",
    )[0];
    assert_eq!(e.sub_event_type, "Peaceful protest", "{e:?}");
}

#[test]
fn a_protest_called_violent_before_its_word_is_a_violent_demonstration() {
    let e = &en("On 10 August 2017, violent electoral protests broke out in Mathare.", "2017-08-11")[0];
    assert_eq!(e.sub_event_type, "Violent demonstration", "{e:?}");
}

#[test]
fn the_attack_named_again_after_a_destruction_is_that_destruction() {
    let e = en(
        "Property destruction: on 21 August 2017, militants attacked the village of Gamba in Tana River. The extent of the damage caused in the attack is not clear.",
        "2017-08-22",
    );
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].sub_event_type, "Looting/property destruction", "{e:?}");
    // Someone killed in it makes it an attack.
    let e = en(
        "On 9 April 2017, police set fire to a village in Baringo. An infant was killed in the attack.",
        "2017-04-10",
    );
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].sub_event_type, "Attack", "{e:?}");
    assert_eq!(e[0].fatalities, 1, "{e:?}");
}

#[test]
fn violence_a_protest_marks_or_names_as_its_object_does_not_make_it_violent() {
    for text in [
        "On 4 April 2015, Garissa residents protest a recent al Shabaab attack on a school in their town.",
        "On 15 January 2017, 1,500 people marched silently in Ouagadougou to mark the anniversary of the hotel attack.",
        "On 8 December 2018, residents of Tougan staged a protest march to express their support for soldiers subjected to armed attacks.",
    ] {
        let e = &en(text, "2019-01-01")[0];
        assert_eq!(e.sub_event_type, "Peaceful protest", "{text}: {e:?}");
    }
    // The means is no object: they burned tires.
    let e =
        &en("On 23 April 2024, students staged a demonstration by setting fire to tires in Raozan.", "2024-04-24")[0];
    assert_eq!(e.sub_event_type, "Violent demonstration", "{e:?}");
}

#[test]
fn what_befell_the_person_a_protest_is_for_is_no_event_of_its_own() {
    for text in [
        "On 8 August 2023, relatives of a school student who was killed by unidentified men staged a human chain protest in Shariatpur.",
        "On 24 May 2024, thousands of people, led by the daughter of an MP killed in India, staged a protest in Kaliganj.",
        "On 10 May 2019, protesters marched in silence to the grave of a journalist who was killed in 1998.",
    ] {
        let e = en(text, "2024-05-25");
        assert_eq!(e.first().map(|e| e.sub_event_type.to_string()).as_deref(), Some("Peaceful protest"), "{text}: {e:?}");
    }
    // Those who act are no such people: "members of BNP clashed with police".
    let e = &en(
        "On 1 November 2023, members of BNP clashed with police forces during a demonstration in Dhaka.",
        "2023-11-02",
    )[0];
    assert_eq!(e.sub_event_type, "Violent demonstration", "{e:?}");
}
