//! The configuration file: defaults for flags a user would otherwise repeat on every run.
//!
//! sitrep reads the first of: `--config FILE`, `$SITREP_CONFIG`, `./sitrep.toml`, and
//! `$XDG_CONFIG_HOME/sitrep/config.toml` (else `~/.config/sitrep/config.toml`). Flags
//! given on the command line win over the file. Relative paths in the file are relative to
//! the file's own folder, so a project folder can carry its configuration with it.
//!
//! ```toml
//! gazetteer = "gazetteers/iraq.tsv.gz"   # merged over the embedded gazetteer
//! model = "models/acled.model"           # from `sitrep train`
//! db = "events.db"                       # or "postgres://user@host/db"
//! addr = "127.0.0.1:8080"                # `sitrep serve`
//! ```

use std::path::{Path, PathBuf};

use serde::Deserialize;

/// What the configuration file may set. Unknown keys are an error, so a typo is not
/// silently ignored.
#[derive(Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// A gazetteer file merged over the embedded one.
    pub gazetteer: Option<PathBuf>,
    /// A model from `sitrep train`.
    pub model: Option<PathBuf>,
    /// The event store: a SQLite file or a `postgres://` URL.
    pub db: Option<String>,
    /// Where `sitrep serve` listens.
    pub addr: Option<String>,
    /// The file this was read from, if any (not a key of the file).
    #[serde(skip)]
    pub source: Option<PathBuf>,
}

impl Config {
    /// The configuration in effect: `explicit` (from `--config`) must exist; the other
    /// places are used only when a file is there.
    pub fn discover(explicit: Option<&Path>) -> Result<Config, String> {
        if let Some(path) = explicit {
            return Config::load(path);
        }
        if let Some(path) = std::env::var_os("SITREP_CONFIG").filter(|p| !p.is_empty()) {
            return Config::load(Path::new(&path));
        }
        let mut candidates = vec![PathBuf::from("sitrep.toml")];
        if let Some(dir) = std::env::var_os("XDG_CONFIG_HOME").filter(|p| !p.is_empty()) {
            candidates.push(PathBuf::from(dir).join("sitrep/config.toml"));
        } else if let Some(home) = std::env::var_os("HOME").filter(|p| !p.is_empty()) {
            candidates.push(PathBuf::from(home).join(".config/sitrep/config.toml"));
        }
        match candidates.into_iter().find(|p| p.is_file()) {
            Some(path) => Config::load(&path),
            None => Ok(Config::default()),
        }
    }

    /// Reads and checks one file.
    pub fn load(path: &Path) -> Result<Config, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let mut config = Config::parse(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        let base = path.parent().unwrap_or(Path::new(""));
        for p in [&mut config.gazetteer, &mut config.model].into_iter().flatten() {
            if p.is_relative() {
                *p = base.join(&*p);
            }
        }
        if let Some(db) = config.db.as_mut().filter(|d| !d.contains("://") && Path::new(d.as_str()).is_relative()) {
            *db = base.join(&*db).to_string_lossy().into_owned();
        }
        config.source = Some(path.to_path_buf());
        Ok(config)
    }

    /// Parses the text of a configuration file; errors name the line.
    pub fn parse(text: &str) -> Result<Config, String> {
        toml::from_str(text).map_err(|e| {
            let line = e.span().map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1);
            let message = e.message().to_string();
            match line {
                Some(n) => format!("line {n}: {message}"),
                None => message,
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_key() {
        let c = Config::parse(
            "# a comment\ngazetteer = \"iq.tsv.gz\"\nmodel = \"m.model\"\ndb = \"postgres://u@h/d\"\naddr = \
             \"127.0.0.1:9000\"\n",
        )
        .unwrap();
        assert_eq!(c.gazetteer.as_deref(), Some(Path::new("iq.tsv.gz")));
        assert_eq!(c.model.as_deref(), Some(Path::new("m.model")));
        assert_eq!(c.db.as_deref(), Some("postgres://u@h/d"));
        assert_eq!(c.addr.as_deref(), Some("127.0.0.1:9000"));
    }

    #[test]
    fn an_empty_file_sets_nothing() {
        assert_eq!(Config::parse("").unwrap(), Config::default());
    }

    #[test]
    fn a_typo_is_an_error_with_its_line() {
        let e = Config::parse("model = \"m\"\ngazeteer = \"x\"\n").unwrap_err();
        assert!(e.starts_with("line 2:"), "{e}");
        assert!(e.contains("gazeteer"), "{e}");
    }

    #[test]
    fn a_wrong_type_is_an_error_with_its_line() {
        let e = Config::parse("\n\ndb = 3\n").unwrap_err();
        assert!(e.starts_with("line 3:"), "{e}");
    }

    #[test]
    fn relative_paths_follow_the_file() {
        let dir = std::env::temp_dir().join(format!("sitrep-config-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("sitrep.toml");
        std::fs::write(&path, "gazetteer = \"g/iq.tsv.gz\"\ndb = \"events.db\"\n").unwrap();
        let c = Config::load(&path).unwrap();
        assert_eq!(c.gazetteer.unwrap(), dir.join("g/iq.tsv.gz"));
        assert_eq!(c.db.unwrap(), dir.join("events.db").to_string_lossy());
        assert_eq!(c.source.as_deref(), Some(path.as_path()));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_missing_explicit_file_is_an_error() {
        let e = Config::discover(Some(Path::new("/nonexistent/sitrep.toml"))).unwrap_err();
        assert!(e.contains("/nonexistent/sitrep.toml"), "{e}");
    }
}
