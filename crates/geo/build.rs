//! Reads the embedded gazetteer's source, `data/gazetteer/world.tsv.gz`, with the
//! crate's own parser and writes it in the compact form to `OUT_DIR/world.gaz`, which
//! `src/embedded.rs` embeds: loading it then folds and hashes no name.

use std::io::Read;

#[allow(dead_code, unused_imports)]
#[path = "src/key.rs"]
mod key;

#[allow(dead_code)]
#[path = "src/fxhash.rs"]
mod fxhash;

#[allow(dead_code, unused_imports)]
#[path = "src/gazetteer.rs"]
mod gazetteer;

const SOURCE: &str = "../../data/gazetteer/world.tsv.gz";

fn main() {
    for f in [SOURCE, "build.rs", "src/gazetteer.rs", "src/key.rs", "src/fxhash.rs"] {
        println!("cargo:rerun-if-changed={f}");
    }
    let gz = std::fs::read(SOURCE).unwrap_or_else(|e| panic!("{SOURCE}: {e}"));
    let mut tsv = String::new();
    flate2::read::GzDecoder::new(&gz[..]).read_to_string(&mut tsv).unwrap_or_else(|e| panic!("{SOURCE}: {e}"));
    let g = gazetteer::Gazetteer::from_tsv(&tsv).unwrap_or_else(|e| panic!("{SOURCE}: {e}"));
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR")).join("world.gaz");
    std::fs::write(&out, g.to_compact()).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
}
