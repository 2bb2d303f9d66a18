//! Fresh databases for tests, on every backend available: a SQLite file always, and a
//! PostgreSQL database when `SITREP_TEST_PG` names a server (a new database per test).
//! With `SITREP_REQUIRE_PG=1` (as in CI) a missing server fails the test instead of
//! skipping it.

#![allow(dead_code)]

use std::path::PathBuf;

use sitrep_core::{Document, Lang, PartialDate};

pub fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sitrep-store-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The URL of a new, empty PostgreSQL database named after the test, or `None` (with a
/// notice) when no server is configured.
pub fn postgres(name: &str) -> Option<String> {
    let Ok(admin) = std::env::var("SITREP_TEST_PG") else {
        if std::env::var("SITREP_REQUIRE_PG").is_ok_and(|v| v == "1") {
            panic!("SITREP_REQUIRE_PG=1 but SITREP_TEST_PG is not set: run .ci/postgres.sh first");
        }
        eprintln!("notice: SITREP_TEST_PG is not set; the PostgreSQL half of '{name}' is skipped");
        return None;
    };
    let db = format!("t_{}_{}", name.replace(|c: char| !c.is_ascii_alphanumeric(), "_"), std::process::id());
    let mut c = postgres::Client::connect(&admin, postgres::NoTls).expect("the test server answers");
    c.batch_execute(&format!("DROP DATABASE IF EXISTS {db} WITH (FORCE)")).unwrap();
    c.batch_execute(&format!("CREATE DATABASE {db}")).unwrap();
    let (base, _) = admin.rsplit_once('/').unwrap();
    Some(format!("{base}/{db}"))
}

/// Every backend's fresh database for test `name`: a SQLite path, then a PostgreSQL URL.
pub fn databases(name: &str) -> Vec<String> {
    let mut v = vec![temp_dir(name).join("test.db").to_string_lossy().into_owned()];
    v.extend(postgres(name));
    v
}

pub fn doc(id: &str, lang: &str, published: &str, text: &str) -> Document {
    let mut d = Document::new(text.to_string(), None);
    d.id = id.to_string();
    d.lang = Some(Lang::from_code(lang));
    d.published = PartialDate::parse_iso(published);
    d
}

/// Reports written for these tests: an attack and a clash told in English and in
/// French, and a protest the same day in another town.
pub fn reports() -> Vec<Document> {
    vec![
        doc("en1", "en", "2021-03-13", "On 12 March 2021, unidentified gunmen attacked the village of Kaya in Burkina Faso, killing five civilians."),
        doc("fr1", "fr", "2021-03-13", "Le 12 mars 2021, des hommes armés non identifiés ont attaqué le village de Kaya et tué cinq civils."),
        doc("en2", "en", "2021-03-13", "On 12 March 2021, soldiers clashed with JNIM militants near Djibo in Burkina Faso; two soldiers were killed."),
        doc("fr2", "fr", "2021-03-14", "Vendredi, des militaires ont affronté des combattants du JNIM près de Djibo. Deux soldats ont été tués."),
        doc("en3", "en", "2021-03-13", "On 12 March 2021, traders held a peaceful protest in Ouagadougou against new market taxes."),
    ]
}

/// The shared folder (seeds, evaluation sets): `../shared` beside the repository, or
/// `SITREP_SHARED`.
pub fn shared() -> Option<PathBuf> {
    let beside = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    [std::env::var_os("SITREP_SHARED").map(PathBuf::from), Some(beside)]
        .into_iter()
        .flatten()
        .find(|p| p.join("seeds").is_dir())
}
