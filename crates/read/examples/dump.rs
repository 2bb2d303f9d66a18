//! Prints what the reader reads: `cargo run -p sitrep-read --example dump -- INPUT…`.
fn main() {
    let inputs: Vec<std::path::PathBuf> = std::env::args_os().skip(1).map(Into::into).collect();
    for item in sitrep_read::Reader::new(sitrep_read::ReadOptions::default(), inputs) {
        match item {
            sitrep_read::Item::Doc(d) => {
                println!(
                    "== {} [{}] published={:?} lang={:?} url={:?} source={:?} warnings={:?}",
                    d.id,
                    d.origin,
                    d.published.map(|p| p.to_string()),
                    d.lang.as_ref().map(|l| l.code().to_string()),
                    d.url,
                    d.source,
                    d.warnings
                );
                println!("{}", d.text);
            }
            sitrep_read::Item::Problem(p) => eprintln!("{p}"),
        }
    }
}
