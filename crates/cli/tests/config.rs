//! The configuration file, through the binary: its settings apply, flags win over it, and
//! a bad file stops the run with its name and line.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sitrep-config-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn sitrep(dir: &Path, args: &[&str], env: &[(&str, &Path)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_sitrep"));
    cmd.args(args).current_dir(dir).env_remove("SITREP_CONFIG").env("XDG_CONFIG_HOME", dir.join("xdg"));
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().unwrap()
}

const ARTICLE: &str = "Le 3 mai 2021, des hommes armés ont attaqué le village de Kaya, tuant quatre civils.\n";

#[test]
fn a_gazetteer_named_in_the_config_is_used_and_a_flag_wins() {
    let dir = scratch("gaz");
    std::fs::write(dir.join("a.txt"), ARTICLE).unwrap();
    // The configured gazetteer does not exist: the run must say so, naming it.
    std::fs::write(dir.join("sitrep.toml"), "gazetteer = \"missing.tsv\"\n").unwrap();
    let out = sitrep(&dir, &["code", "-q", "a.txt"], &[]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("missing.tsv"), "{err}");
    // A flag on the command line wins: here the empty-named gazetteer is replaced by a real one.
    let gaz = dir.join("g.tsv");
    std::fs::write(&gaz, "#sitrep-gazetteer\tv1\ttest\n900001\tKaya\tBF\t\t\t13.09\t-1.08\t60000\tPPLA\t\n").unwrap();
    let out = sitrep(&dir, &["code", "-q", "--gazetteer", gaz.to_str().unwrap(), "a.txt"], &[]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("\"Attack\""));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_bad_config_stops_the_run_with_its_file_and_line() {
    let dir = scratch("bad");
    std::fs::write(dir.join("a.txt"), ARTICLE).unwrap();
    let conf = dir.join("elsewhere.toml");
    std::fs::write(&conf, "model = \"m\"\ngazeteer = \"x\"\n").unwrap();
    for out in [
        sitrep(&dir, &["code", "-q", "--config", conf.to_str().unwrap(), "a.txt"], &[]),
        sitrep(&dir, &["code", "-q", "a.txt"], &[("SITREP_CONFIG", &conf)]),
    ] {
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("elsewhere.toml") && err.contains("line 2"), "{err}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn no_config_anywhere_is_fine() {
    let dir = scratch("none");
    std::fs::write(dir.join("a.txt"), ARTICLE).unwrap();
    let out = sitrep(&dir, &["code", "-q", "a.txt"], &[]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    std::fs::remove_dir_all(&dir).unwrap();
}
