//! `sitrep`: news articles in, ACLED-style events out. See the README and `sitrep --help`.

mod args;
mod bench;
mod bench_store;
mod config;
mod gazetteer;
mod output;
mod run;
mod serve_cmd;
mod store_cmd;
mod train;

use std::process::ExitCode;

/// mimalloc: the coder allocates many small, short-lived strings and vectors, which it
/// serves in fewer instructions than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cmd = match args::parse(std::env::args_os().skip(1)) {
        Ok(cmd) => cmd,
        Err(e) => {
            eprintln!("sitrep: {e}");
            eprintln!("run 'sitrep --help' for usage");
            return ExitCode::from(2);
        }
    };
    match cmd {
        args::Command::Help => {
            print!("{}", args::USAGE.replace("{STORE}", store_cmd::USAGE));
            ExitCode::SUCCESS
        }
        args::Command::Version => {
            println!("sitrep {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        args::Command::Run(mut opts) => {
            // Flags win over the configuration file.
            match config::Config::discover(opts.config.as_deref()) {
                Ok(c) => {
                    opts.gazetteer = opts.gazetteer.take().or(c.gazetteer);
                    opts.model = opts.model.take().or(c.model);
                }
                Err(e) => return config_error(&e),
            }
            run::run(&opts)
        }
        args::Command::Bench(opts) => bench::bench(&opts),
        args::Command::GazetteerImport(opts) => gazetteer::import(&opts),
        args::Command::Train(opts) => train::train(&opts),
        args::Command::Serve(mut opts) => {
            let c = match config::Config::discover(opts.config.as_deref()) {
                Ok(c) => c,
                Err(e) => return config_error(&e),
            };
            if opts.db.is_empty() {
                opts.db = c.db.unwrap_or_else(|| sitrep_store::DEFAULT_PATH.to_string());
            }
            if let (false, Some(addr)) = (opts.addr_given, c.addr) {
                match addr.parse() {
                    Ok(a) => opts.addr = a,
                    Err(_) => {
                        eprintln!("sitrep: configuration: addr '{addr}' is not an address like 127.0.0.1:8080");
                        return ExitCode::from(2);
                    }
                }
            }
            serve_cmd::serve(&opts)
        }
        args::Command::Store(mut opts) => {
            let c = match config::Config::discover(opts.config.as_deref()) {
                Ok(c) => c,
                Err(e) => return config_error(&e),
            };
            if opts.db.is_empty() {
                opts.db = c.db.unwrap_or_else(|| sitrep_store::DEFAULT_PATH.to_string());
            }
            opts.gazetteer = opts.gazetteer.take().or(c.gazetteer);
            opts.model = opts.model.take().or(c.model);
            store_cmd::run(&opts)
        }
    }
}

/// A configuration file that cannot be used stops the run before it starts.
fn config_error(e: &str) -> ExitCode {
    eprintln!("sitrep: configuration: {e}");
    ExitCode::from(2)
}
