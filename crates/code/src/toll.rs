//! How many died: the reading of a kill word's neighbourhood that the coder's
//! `quantities` needs beyond a number next to it. Every function reads folded text (see
//! `sitrep_text::Text::folded`): `before` ends just before the kill word, `after` starts
//! just after it.
//!
//! ACLED counts every death of an event, on all sides, and only deaths: a figure that
//! counts the killers ("four gunmen shot dead a trader"), an age ("a 12-year-old boy"), a
//! date, or a death the event is about ("protest over the killing of a student") is no
//! toll. One victim named without a number ("a trader was shot dead", "gunmen kill police
//! officer") is one death.

use sitrep_text::WordList;

/// A range of characters of the original text, end exclusive.
pub(crate) type Span = (usize, usize);

/// Words after a kill verb that show it has no object: "were killed in", "killed and three
/// injured", "killed by".
const NO_OBJECT: &[&str] = &[
    "in",
    "at",
    "on",
    "by",
    "near",
    "during",
    "when",
    "while",
    "after",
    "before",
    "as",
    "and",
    "or",
    "but",
    "following",
    "outside",
    "inside",
    "over",
    "across",
    "from",
    "with",
    "within",
    "for",
    "since",
    "today",
    "yesterday",
    "overnight",
    "instantly",
    "immediately",
    "later",
    "reportedly",
    "allegedly",
    "last",
    "this",
    "that",
    "earlier",
    "early",
    "late",
    "around",
    "along",
    "into",
    "under",
    "to",
    "is",
    "was",
    "were",
    "are",
    "has",
    "have",
    "had",
    "will",
    "would",
    "could",
    "may",
    "might",
    "said",
    "says",
    "the day",
    "on",
    "amid",
    "because",
    "due",
    "despite",
    "there",
    "here",
    "too",
    "also",
    "each",
    "both",
    "respectively",
    "so",
    "if",
    "than",
    "then",
    "which",
    "who",
    "whom",
    "where",
    "whose",
    "according",
    "including",
    "among",
    "mostly",
    "mainly",
    "total",
    "altogether",
    "together",
];

/// Words that end the noun phrase a kill verb takes as its object ("killed the deputy
/// governor of Kilifi"): its head noun is the word before.
const PHRASE_END: &[&str] = &[
    ",",
    "of",
    "in",
    "at",
    "on",
    "by",
    "near",
    "during",
    "when",
    "while",
    "after",
    "before",
    "as",
    "and",
    "or",
    "but",
    "who",
    "whom",
    "which",
    "that",
    "from",
    "with",
    "for",
    "outside",
    "inside",
    "to",
    "into",
    "over",
    "along",
    "following",
    "whose",
    "identified",
    "named",
    "said",
    "reportedly",
    "allegedly",
    "they",
    "he",
    "she",
    "we",
    "belonging",
    "working",
    "living",
    "riding",
    "travelling",
    "traveling",
    "returning",
    "using",
];

/// Determiners that open a phrase of one person or thing.
const ONE_DETERMINERS: &[&str] = &["a", "an", "the", "his", "her", "its", "one", "another", "this", "that"];

/// Nouns that name several people without a plural form, or a group.
const NOT_ONE: &[&str] = &[
    "people",
    "police",
    "men",
    "women",
    "children",
    "youth",
    "personnel",
    "staff",
    "militia",
    "army",
    "military",
    "mob",
    "group",
    "gang",
    "crowd",
    "family",
    "families",
    "public",
    "community",
    "clan",
    "tribe",
    "number",
    "total",
    "dozen",
    "few",
    "couple",
    "series",
    "spate",
    "several",
    "many",
    "some",
    "all",
    "both",
    "none",
    "others",
    "other",
    "they",
    "them",
    "we",
    "us",
    "you",
    "who",
    "which",
    "that",
    "what",
    "these",
    "those",
    "each",
    "more",
    "folk",
    "cattle",
    "livestock",
    "sheep",
    "fish",
    "deer",
    "herdsmen",
    "gunmen",
    "policemen",
    "tribesmen",
    "kinsmen",
    "clansmen",
    "servicemen",
    "fishermen",
    "militiamen",
    "countrymen",
    "forces",
    "troops",
    "security",
    "unknown",
    "unidentified",
    "undisclosed",
    "undetermined",
    "least",
    "about",
    "around",
    "nearly",
    "almost",
    "over",
];

/// Words that count or quantify: a phrase with one of them is not one person.
const QUANTITY: &[&str] =
    &["several", "many", "some", "all", "both", "dozen", "dozens", "few", "number", "more", "numerous", "scores"];

/// Words that are no noun: what may stand between a subject and its verb, or before a
/// kill word that is no verb of a subject.
const NOT_NOUN: &[&str] = &[
    "a",
    "an",
    "the",
    "and",
    "or",
    "but",
    "was",
    "were",
    "is",
    "are",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "shot",
    "stabbed",
    "hacked",
    "beaten",
    "burnt",
    "burned",
    "found",
    "later",
    "then",
    "also",
    "reportedly",
    "allegedly",
    "subsequently",
    "eventually",
    "both",
    "who",
    "which",
    "that",
    "when",
    "after",
    "before",
    "in",
    "at",
    "on",
    "of",
    "by",
    "to",
    "with",
    "for",
    "from",
    "not",
    "no",
    "being",
    "got",
    "get",
    "gets",
    "feared",
    "presumed",
    "confirmed",
    "reported",
    "believed",
    "left",
    "lay",
    "lying",
    "dead",
    "it",
    "there",
    "here",
    "said",
    "say",
    "says",
    "injured",
    "wounded",
    "seriously",
    "fatally",
    "critically",
    "instantly",
    "had",
];

/// Words before a death that make it what the event is about, not its toll: "protest over
/// the killing of", "in revenge for the murder of", "accused of killing", "to kill".
const CAUSE_BEFORE: &[&str] = &[
    "over",
    "against",
    "into",
    "of",
    "revenge",
    "avenge",
    "retaliation",
    "protest",
    "protesting",
    "protested",
    "protests",
    "condemning",
    "condemned",
    "condemn",
    "denounce",
    "denouncing",
    "denounced",
    "mourn",
    "mourning",
    "sentenced",
    "sentence",
    "threatened",
    "threatening",
    "threats",
    "threat",
    "demanding",
    "demand",
    "demanded",
    "justice",
    "regarding",
    "concerning",
    "behind",
    "response",
    "planning",
    "plotting",
    "plot",
    "attempted",
    "attempting",
    "tried",
    "trying",
];

/// Words before "to" that make a death an aim or a cause: "attempted to kill", "in response
/// to the killing".
const INTENT: &[&str] = &[
    "attempted",
    "attempting",
    "attempt",
    "tried",
    "trying",
    "try",
    "planning",
    "planned",
    "plan",
    "plotting",
    "plot",
    "threatened",
    "threatening",
    "sentenced",
    "response",
    "want",
    "wanted",
    "wanting",
    "intended",
    "intending",
    "vowed",
    "order",
    "ordered",
    "policy",
    "shoot",
    "tries",
    "bid",
    "attempts",
    "seeking",
    "sought",
    "plans",
    "plotted",
];

/// Words before a death that make it a protest's or a riot's cause: "riots after local
/// politician killed", "a protest for the murder of".
const PROTEST_CAUSE_BEFORE: &[&str] = &["for", "after", "following", "about", "since", "because", "over"];

/// Determiners and possessives that may stand between a cause word and the death it names.
const CAUSE_DETERMINERS: &[&str] =
    &["the", "a", "an", "his", "her", "their", "its", "alleged", "recent", "brutal", "and", "having", "have"];

/// Words before a number that make its people part of a count told beside it: "12 killed,
/// including 3 students".
const SUBSET: &[&str] = &[
    "including",
    "includes",
    "included",
    "among them",
    "among whom",
    "among the dead",
    "of whom",
    "of them",
    "of which",
    "incl",
    "dont",
    "parmi eux",
    "parmi lesquels",
    "parmi les victimes",
    "notamment",
];

/// Words after "others" that tell another fate than death: "five were killed and four
/// others reported missing".
const OTHER_FATE: &[&str] = &[
    "injured",
    "wounded",
    "hurt",
    "missing",
    "reported",
    "abducted",
    "kidnapped",
    "arrested",
    "detained",
    "went",
    "escaped",
    "fled",
    "rescued",
    "survived",
    "were",
    "are",
    "sustained",
    "suffered",
    "blesse",
    "disparu",
    "enleve",
    "arrete",
    "ont",
    "sont",
];

/// The words of `s`.
pub(crate) fn words_after(s: &str) -> impl DoubleEndedIterator<Item = &str> {
    words(s)
}

const PHRASE_END_SET: WordList = WordList::of(PHRASE_END);
const NOT_ONE_SET: WordList = WordList::of(NOT_ONE);
const NOT_NOUN_SET: WordList = WordList::of(NOT_NOUN);
const CAUSE_BEFORE_SET: WordList = WordList::of(CAUSE_BEFORE);
const NO_OBJECT_SET: WordList = WordList::of(NO_OBJECT);
const INTENT_SET: WordList = WordList::of(INTENT);
const GROUPS_SET: WordList = WordList::of(GROUPS);

fn words(s: &str) -> impl DoubleEndedIterator<Item = &str> {
    s.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-').filter(|w| !w.is_empty())
}

/// The words of `before` back to the last clause break (a comma, a semicolon, a colon, a
/// bracket or a full stop), nearest last.
fn clause_before(before: &str) -> Vec<&str> {
    let start = before.rfind([',', ';', ':', '(', ')', '.', '[', ']']).map_or(0, |i| i + 1);
    words(&before[start..]).collect()
}

/// The words of `after` up to the next clause break.
fn clause_after(after: &str) -> Vec<&str> {
    let end = after.find([',', ';', ':', '(', ')', '.', '[', ']']).unwrap_or(after.len());
    words(&after[..end]).collect()
}

/// Whether `w` reads as one person or thing: a singular noun or "he", "she".
fn singular_noun(w: &str) -> bool {
    if matches!(w, "he" | "she" | "him" | "her") {
        return true;
    }
    if w.len() < 3 || !w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'') {
        return false;
    }
    if NOT_ONE_SET.contains(w) || NOT_NOUN_SET.contains(w) || w.ends_with("ly") || w.ends_with("ing") {
        return false;
    }
    // "employees", "raiders": plural; "boss", "bus", "analysis": not.
    !(w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is"))
}

/// Kill words that are no verb and take no object: "dead", "deaths", "bodies".
const NOT_VERB: &[&str] =
    &["dead", "died", "death", "deaths", "fatality", "fatalities", "body", "bodies", "lives", "casualties"];

/// Whether a kill word is a participle or an adjective that tells what happened to its
/// subject ("was killed", "shot dead", "died"), not a noun ("the killing", "deaths").
pub(crate) fn participle(cue: &str) -> bool {
    let c = cue.trim();
    c.ends_with("ed") || c.ends_with("dead") || c.ends_with("died") || c.ends_with("down") || c.ends_with("to death")
}

/// Whether a kill word (folded) is a verb that may take an object ("killed", "shot dead").
pub(crate) fn verb(cue: &str) -> bool {
    !NOT_VERB.contains(&cue.trim())
}

/// Whether a figure follows a kill word at once: "killed 5", "FATALITIES: 15".
pub(crate) fn figure_follows(after: &str) -> bool {
    after.trim_start_matches([' ', ':']).starts_with(|c: char| c.is_ascii_digit())
}

/// Words that may stand between a kill verb and its figure: "killed around 40 civilians".
pub(crate) fn quantifier(between: &str) -> bool {
    matches!(
        between.trim(),
        "around" | "about" | "over" | "nearly" | "some" | "approximately" | "almost" | "roughly" | "an estimated"
    )
}

/// Words that open a figure: "killing at least 7".
const QUANTIFIERS: &[&str] = &["at least", "at the least", "more than", "between ", "up to "];

/// Nouns after "a" that name a group, not one person: "a mob of", "a group".
const GROUPS: &[&str] = &[
    "mob", "group", "gang", "crowd", "number", "total", "dozen", "few", "couple", "series", "spate", "family", "band",
    "handful", "score", "team", "unit", "convoy",
];

/// Whether a kill verb is followed by a second verb that shares its object: "killing and
/// robbing him", "lynches and burns a suspected thief".
pub(crate) fn coordinated(cue: &str, after: &str) -> bool {
    let Some(rest) = after.trim_start().strip_prefix("and ") else { return false };
    // The second verb has the first one's form: "killing and robbing", "kills and burns".
    let form = |x: &str| {
        if cue.ends_with("ing") {
            x.ends_with("ing")
        } else if cue.ends_with("ed") {
            x.ends_with("ed")
        } else {
            cue.ends_with('s') && x.ends_with('s') && !x.ends_with("ss")
        }
    };
    words(rest).next().is_some_and(|x| form(x) && !NOT_ONE_SET.contains(x) && !x.ends_with("ers"))
}

/// Whether a kill verb has an object after it ("killed two", "shot dead a trader"), rather
/// than ending its clause ("were killed in", "killed and three injured").
pub(crate) fn takes_object(cue: &str, after: &str) -> bool {
    let rest = after.trim_start_matches([' ', ':']);
    if rest.starts_with(|c: char| c.is_ascii_digit()) {
        return true;
    }
    if QUANTIFIERS.iter().any(|q| rest.starts_with(q)) {
        return true;
    }
    // "killing and robbing him": a second verb shares the object.
    if coordinated(cue, after) {
        return true;
    }
    if after.trim_start().starts_with(|c: char| !c.is_alphanumeric()) {
        return false;
    }
    match words(after).next() {
        Some(w) => !NO_OBJECT_SET.contains(w),
        None => false,
    }
}

/// Determiners that open a second person joined by "and": "a policeman and an
/// accompanying civilian", "a councilman and his brother".
const JOINED_ONE: &[&str] = &["a", "an", "his", "her", "the", "another", "one", "its"];

/// How many people the object of a kill verb names when it names them one by one: "him",
/// "a trader", "the deputy governor of Kilifi", "police officer" (a headline, `bare`), "a
/// policeman and an accompanying civilian" (two). 0 when it names a group or a number.
pub(crate) fn object_count(after: &str, bare: bool) -> u32 {
    // "a village chief, his son and a militiaman": a list joins by commas too.
    let end = after.find([';', '.', '(', ')', '[', ']', ':']).unwrap_or(after.len());
    let mut w: Vec<&str> = Vec::new();
    for (k, segment) in after[..end].split(',').enumerate() {
        let sw: Vec<&str> = words(segment).collect();
        if k > 0 {
            match sw.first() {
                Some(&"and") => {}
                Some(x) if JOINED_ONE.contains(x) && *x != "one" => w.push(","),
                _ => break,
            }
        }
        w.extend(sw);
    }
    // "the killing of a member": the noun's object.
    if w.first() == Some(&"of") {
        w.remove(0);
    }
    // "lynches and burns a suspected thief": a second verb shares the object.
    if w.first() == Some(&"and")
        && w.get(1).is_some_and(|x| x.ends_with("ing") || x.ends_with("ed") || x.ends_with('s'))
    {
        w.drain(..2);
    }
    let mut count = 0;
    // The count before the first comma: "a Nyumba Kumi official, an unarmed officer" is
    // one person named twice unless an "and" closes the list.
    let mut before_comma = None;
    let mut i = 0;
    while let Some(n) = one_phrase(&w[i..], bare && count == 0) {
        count += 1;
        i += n;
        match w.get(i) {
            Some(&",") => {
                before_comma = before_comma.or(Some(count));
                i += 1;
            }
            Some(&"and") if w.get(i + 1).is_some_and(|x| JOINED_ONE.contains(x)) => {
                before_comma = None;
                i += 1;
            }
            _ => break,
        }
    }
    before_comma.unwrap_or(count)
}

/// Whether `before`, folded text just before a count, ends with one person joined to it by
/// "and": "a woman and [two children]", "shot dead the mayor and [three others]".
pub(crate) fn one_joined_before(before: &str) -> bool {
    let Some(head) = before.trim_end().strip_suffix(" and").or_else(|| before.trim_end().strip_suffix(" et")) else {
        return false;
    };
    // The phrase back to the clause's start or the verb before it: a determiner opens it.
    let w: Vec<&str> = words(head).collect();
    let Some(at) = w.iter().rposition(|x| ONE_DETERMINERS.contains(x) && *x != "one" && *x != "that") else {
        return false;
    };
    let phrase = &w[at..];
    phrase.len() <= 5
        && !phrase[1..].iter().any(|x| PHRASE_END_SET.contains(x) || ONE_DETERMINERS.contains(x))
        && phrase.last().is_some_and(|h| singular_noun(h))
        && one_phrase(phrase, false) == Some(phrase.len())
}

/// Whether the object of a kill verb is one person (see [`object_count`]).
#[cfg(test)]
fn one_object(after: &str, bare: bool) -> bool {
    object_count(after, bare) == 1
}

/// The length of the phrase that opens `w` when it names one person.
fn one_phrase(w: &[&str], bare: bool) -> Option<usize> {
    let &first = w.first()?;
    let len = 1 + w[1..].iter().take_while(|x| !PHRASE_END_SET.contains(x)).count();
    if matches!(first, "him" | "her") {
        return Some(1);
    }
    // "killed one of the attackers".
    if first == "one" && w.get(1) == Some(&"of") {
        return Some(w.len());
    }
    // "a trader", "an off-duty police officer", "a gang member"; not "a number of", "a
    // group".
    if matches!(first, "a" | "an") {
        let group = w.get(1).is_some_and(|x| GROUPS_SET.contains(x))
            && w.get(2).is_none_or(|x| *x == "of" || PHRASE_END_SET.contains(x));
        let one = w.get(1).is_some_and(|x| !matches!(*x, "few" | "number" | "dozen" | "couple")) && !group;
        return one.then_some(len);
    }
    let phrase: Vec<&str> = w.iter().copied().take_while(|x| !PHRASE_END_SET.contains(x)).take(8).collect();
    let head = phrase.iter().rev().find(|x| !x.ends_with("ed") && !x.ends_with("ing"))?;
    let determined = ONE_DETERMINERS.contains(&first);
    // "police officer": a word that names many may qualify the head.
    let one = (determined
        || bare && !NOT_NOUN_SET.contains(first) && (phrase.len() > 1 || !NOT_ONE_SET.contains(first)))
        && phrase.len() < 8
        && singular_noun(head)
        && !phrase.iter().any(|x| QUANTITY.contains(x) || x.starts_with(|c: char| c.is_ascii_digit()));
    one.then_some(len)
}

/// How many people the subject of a death told with no number names: one for "a trader
/// was shot dead", "the driver is killed", "six-year-old boy killed"; two for "a police
/// officer and a civilian died"; 0 when the words do not say.
pub(crate) fn subject_count(before: &str) -> u32 {
    let w = clause_before(before);
    for (i, &x) in w.iter().enumerate().rev() {
        match x {
            "was" | "is" | "has" => return 1,
            "can" | "could" | "would" | "will" | "may" | "might" | "should" | "must" | "to" => return 0,
            "were" | "are" | "have" => return joined_count(&w[..i]),
            _ if NOT_NOUN_SET.contains(x) || x.ends_with("ly") || x.ends_with("ed") || x.ends_with("ing") => {}
            // The word just before a headline's participle is its subject's head.
            _ if singular_noun(x) => return joined_count(&w[..=i]).max(1),
            _ => return 0,
        }
    }
    0
}

/// How many people a subject names one by one, joined by "and" ("a man and his son"): 0
/// unless two or more.
fn joined_count(w: &[&str]) -> u32 {
    let parts: Vec<&[&str]> = w.split(|x| *x == "and").collect();
    if parts.len() < 2 || parts.len() > 4 {
        return 0;
    }
    let one = |p: &[&str]| {
        p.first().is_some_and(|f| JOINED_ONE.contains(f) && *f != "one")
            && p.last().is_some_and(|h| singular_noun(h))
            && !p
                .iter()
                .any(|x| QUANTITY.contains(x) || x.starts_with(|c: char| c.is_ascii_digit()) && !x.contains('-'))
    };
    if parts.iter().all(|p| one(p)) {
        u32::try_from(parts.len()).unwrap_or(0)
    } else {
        0
    }
}

/// Whether the subject of a death told with no number is one person (see
/// [`subject_count`]).
#[cfg(test)]
fn one_subject(before: &str) -> Option<bool> {
    Some(subject_count(before) == 1)
}

/// Whether a death is what the event is about rather than its toll: "protest over the
/// killing of a student", "in revenge for the death of", "sentenced to death", "killed or
/// wounded" (no one knows which).
pub(crate) fn is_cause(before: &str, after: &str, protest: bool) -> bool {
    let a = after.trim_start();
    if a.starts_with("or wounded") || a.starts_with("or injured") || a.starts_with("or hurt") {
        return true;
    }
    let w = clause_before(before);
    // "riots after local politician killed": for a protest, a death in a clause of cause.
    // "following which demonstrators killed 6": what followed, not a cause.
    let consequence = w.windows(2).any(|p| p[1] == "which" && matches!(p[0], "following" | "after"));
    if protest
        && !consequence
        && w.iter().any(|x| PROTEST_CAUSE_BEFORE.contains(x) || CAUSE_BEFORE_SET.contains(x) && *x != "of")
    {
        return true;
    }
    // "a man who had allegedly killed his father", "a car that allegedly killed": what
    // the target is accused of.
    let mut back = w.iter().rev().skip_while(|x| x.ends_with("ly") || **x == "just");
    let alleged = w.iter().rev().take_while(|x| x.ends_with("ly") || **x == "just").any(|x| *x == "allegedly");
    match back.next() {
        Some(&"had") if back.next().is_some_and(|x| matches!(*x, "who" | "that")) => return true,
        Some(&("who" | "that")) if alleged => return true,
        _ => {}
    }
    // "nearly lynch a pastor", "almost killed": no death.
    if w.last().is_some_and(|x| matches!(*x, "nearly" | "almost" | "narrowly")) {
        return true;
    }
    let skip =
        |x: &&&str| CAUSE_DETERMINERS.contains(x) || x.ends_with("ly") || x.ends_with("ing") && **x != "following";
    let determined = w.iter().rev().take_while(skip).any(|x| !x.ends_with("ly") && !x.ends_with("ing") && *x != "and");
    let mut it = w.iter().rev().skip_while(skip);
    match it.next() {
        // "attempted to kill", "in response to the killing"; not "claimed to have killed".
        Some(&"to") => it.next().is_some_and(|x| INTENT_SET.contains(x)),
        // "lynched for allegedly killing a youth": what he was punished for; not "claimed
        // responsibility for the killing of".
        Some(&"for") => protest || !determined,
        Some(x) => CAUSE_BEFORE_SET.contains(x) || protest && PROTEST_CAUSE_BEFORE.contains(x),
        None => false,
    }
}

/// Whether a death is told in brackets or in a clause of time or cause ("two days after the
/// militia executed 20", "(3 killed)"): another event, whose deaths do not add to the
/// toll told before.
pub(crate) fn aside(before: &str) -> bool {
    let open = before.matches(['(', '[']).count() > before.matches([')', ']']).count();
    open || clause_before(before).iter().any(|x| {
        matches!(
            *x,
            "after" | "before" | "since" | "following" | "revenge" | "retaliation" | "when" | "previous" | "earlier"
        )
    })
}

/// Whether a death says it adds to a toll told before: "were also killed", "four more
/// bodies", "another".
pub(crate) fn adds(before: &str, after: &str) -> bool {
    let w = clause_before(before);
    let a = clause_after(after);
    w.iter()
        .chain(a.iter().take(3))
        .any(|x| matches!(*x, "also" | "more" | "another" | "other" | "additional" | "further" | "aussi" | "egalement"))
}

/// Whether a sentence gives a toll's new total: "the death toll rose to six", "Total 4
/// fatalities".
pub(crate) fn total(sentence: &str) -> bool {
    words(sentence).any(|x| matches!(x, "toll" | "total" | "rose" | "risen" | "altogether" | "bringing" | "overall"))
}

/// Whether a sentence gives another report's figure or an unsure one: "The Star reports 4
/// dead", "Conflicting reports have eight deaths", "may have been killed (unconfirmed)".
pub(crate) fn hedged(sentence: &str) -> bool {
    sentence.contains('(')
        || words(sentence).any(|x| {
            matches!(
                x,
                "report"
                    | "reports"
                    | "conflicting"
                    | "unconfirmed"
                    | "confirmed"
                    | "may"
                    | "might"
                    | "feared"
                    | "estimate"
                    | "estimates"
                    | "estimated"
                    | "according"
                    | "alternative"
                    | "sources"
                    | "earlier"
                    | "previous"
                    | "previously"
                    | "separate"
                    | "separately"
                    | "elsewhere"
                    | "coded"
            )
        })
}

/// The length of `s` without what its balanced brackets hold.
pub(crate) fn unbracketed_len(s: &str) -> usize {
    let mut depth = 0usize;
    let mut len = 0;
    for c in s.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' if depth > 0 => depth -= 1,
            _ if depth == 0 => len += 1,
            _ => {}
        }
    }
    len
}

/// Whether a number counts part of a group told before it: "5 of these were killed", "16
/// of them". `after` starts after the number.
pub(crate) fn part_of(after: &str) -> bool {
    let a = after.trim_start();
    ["of these", "of those", "of them", "of the dead", "of the deceased", "of whom", "of which", "d'entre eux"]
        .iter()
        .any(|s| a.starts_with(s))
}

/// Whether the people of a number are named as part of a count told before: "12 killed,
/// including 3 students". `before` ends just before the number.
pub(crate) fn subset(before: &str) -> bool {
    let b = before.trim_end_matches([' ', ':', ',']);
    let b = b.strip_suffix("at least").map_or(b, str::trim_end);
    SUBSET.iter().any(|s| b.ends_with(s))
}

/// Whether "others" that follow a count meet another fate than death: "and four others
/// reported missing". `after` starts after the number.
pub(crate) fn other_fate(after: &str) -> bool {
    let mut w = words(after).skip_while(|x| matches!(*x, "other" | "others" | "autres" | "people" | "persons"));
    w.next().is_some_and(|x| OTHER_FATE.iter().any(|f| x.starts_with(f)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_person_joined_before_a_count() {
        assert!(one_joined_before(" the mayor and "));
        assert!(one_joined_before("on 3 may 2015, a woman and "));
        assert!(one_joined_before(" a police officer et "));
        assert!(!one_joined_before(" the mayor, "));
        assert!(!one_joined_before(" two soldiers and "));
        assert!(!one_joined_before(" the villages and "));
    }

    #[test]
    fn objects() {
        assert!(takes_object("killed", " two soldiers"));
        assert!(takes_object("killed", " a trader in"));
        assert!(takes_object("killed", " at least 7"));
        assert!(takes_object("killing", " and robbing him"));
        assert!(!takes_object("killed", " in an ambush"));
        assert!(!takes_object("killed", ", and motorbikes"));
        assert!(!takes_object("killed", " and dozens wounded"));
        assert!(one_object(" a trader in Mombasa", false));
        assert!(one_object(" the former deputy governor of kilifi", false));
        assert!(one_object(" police officer from rival group", true));
        assert!(!one_object(" police officer from rival group", false));
        assert!(one_object(" and burns a suspected thief", false));
        assert!(one_object(" a police officer", false));
        assert!(one_object(" a gang member", false));
        assert!(!one_object(" a mob of", false));
        assert!(!one_object(" civilians and steal livestock", true));
        assert!(!one_object(" a number of people", true));
    }

    #[test]
    fn subjects() {
        assert_eq!(one_subject("a christian church leader is "), Some(true));
        assert_eq!(one_subject("two thieves were "), Some(false));
        assert_eq!(one_subject("six year old boy "), Some(true));
        assert_eq!(one_subject("mps bodyguard shot and "), Some(true));
        assert_eq!(one_subject("raiders "), Some(false));
        assert_eq!(subject_count("a police officer and a civilian "), 2);
        assert_eq!(subject_count("a man and his 12-year-old son were "), 2);
        assert_eq!(subject_count("two thieves were "), 0);
        assert_eq!(object_count(" a policeman and an accompanying civilian in djibo", false), 2);
        assert_eq!(object_count(" a man and seriously injured his wife", false), 1);
        assert_eq!(object_count(" a merchant and seized his belongings", false), 1);
        assert_eq!(object_count(" a village chief, his son and a militiaman in niafo", false), 3);
        assert_eq!(object_count(" a deacon, seized a vehicle", false), 1);
        assert_eq!(object_count(" a soldier, the army said", false), 1);
        assert_eq!(object_count(" a nyumba kumi official, an unarmed officer, at barsheba", false), 1);
    }

    #[test]
    fn causes() {
        assert!(is_cause("protest over the ", " of a student", false));
        assert!(is_cause("a girl who was sentenced ", "", false));
        assert!(is_cause("1 soldier was ", " or wounded by", false));
        assert!(is_cause("lynched for allegedly shooting and ", " a youth", false));
        assert!(is_cause("riots after local politician ", "", true));
        assert!(!is_cause("riots after local politician ", "", false));
        assert!(!is_cause("gunmen ", " two", false));
        assert!(subset("12 people, including at least "));
        assert!(part_of(" of these were killed"));
        assert_eq!(unbracketed_len(" men (who were accused) were "), 11);
        assert!(!is_cause("al shabaab claimed to have ", " two", false));
        assert!(is_cause("in response to the ", " of", false));
        assert!(is_cause("villagers nearly ", " a pastor", false));
        assert!(is_cause("a mob attacked a man who had allegedly ", " his father", false));
        assert!(is_cause("angry mob burned a car that allegedly ", " a motorcyclist", false));
        assert!(is_cause("mob tries to ", " man", false));
        assert!(other_fate(" others reported missing"));
        assert!(!other_fate(" other militants"));
    }
}
