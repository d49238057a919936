//! The commands of the binary: each calls the library, prints for people or machines, and
//! returns the exit status of contract §9.

pub mod build;
pub mod check;
pub mod herkomst;
pub mod import;
pub mod ontvang;
pub mod schema;
pub mod sjabloon;
pub mod stukken;
pub mod uitleg;
pub mod usage;

use jaarcyclus::diag::{Diagnostics, Root, Sources, render_github, render_human, render_json, render_sarif};
use jaarcyclus::pipeline::{Refusal, Why};
use jiff::civil::Date;
use std::io::IsTerminal;
use std::process::ExitCode;

/// The exit status of contract §9.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    /// No errors (warnings allowed).
    Ok = 0,
    /// The input has errors.
    Input = 1,
    /// The command could not run.
    CannotRun = 2,
}

impl From<Exit> for ExitCode {
    fn from(e: Exit) -> ExitCode {
        ExitCode::from(e as u8)
    }
}

/// The output of `check` and `import` (`--format`, contract §9 and §15).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Like rustc, for people (the default).
    Human,
    /// One JSON object (§9).
    Json,
    /// SARIF 2.1.0, for code scanning (§15).
    Sarif,
    /// GitHub Actions workflow commands: annotations (§15).
    Github,
}

impl Format {
    /// The format clap accepted (`human`, `json`, `sarif`, `github`).
    pub fn parse(s: &str) -> Format {
        match s {
            "json" => Format::Json,
            "sarif" => Format::Sarif,
            "github" => Format::Github,
            _ => Format::Human,
        }
    }

    /// The findings as this format prints them, ending in a line break; `root` holds the data
    /// root as given (SARIF's base, and the start of GitHub's paths).
    pub fn render(self, diags: &Diagnostics, sources: &Sources, root: Root) -> String {
        match self {
            Format::Human => render_human(diags, sources, color()),
            Format::Json => render_json(diags) + "\n",
            Format::Sarif => render_sarif(diags, root) + "\n",
            Format::Github => render_github(diags, root),
        }
    }
}

/// Says why the command could not run, on stderr.
pub fn fail(msg: impl std::fmt::Display) -> Exit {
    eprintln!("fout: {msg}");
    Exit::CannotRun
}

/// Reads `--peildatum`, or today (UTC) when absent.
pub fn peildatum(arg: Option<&str>) -> Result<Date, Exit> {
    match arg {
        Some(s) => jaarcyclus::load::parse_date(s)
            .ok_or_else(|| fail(format!("`{s}` is geen geldige peildatum; schrijf JJJJ-MM-DD"))),
        None => Ok(jiff::tz::Offset::UTC.to_datetime(jiff::Timestamp::now()).date()),
    }
}

/// Whether stdout is a terminal that wants colour.
pub fn color() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

/// Prints why a command refused and returns its exit status; `what` names the command's
/// output in the message ("build", "stukken").
pub fn refused(r: Refusal, what: &str) -> Exit {
    match r {
        Refusal::CannotRun(e) => fail(jaarcyclus::nl::error_chain(e.as_ref())),
        Refusal::Input { checked, shown, why } => {
            eprint!("{}", render_human(&shown, &checked.tree.sources, false));
            match why {
                Why::Untrustworthy => eprintln!(
                    "fout: {what} geweigerd: de invoer bevat fouten (E0–E2) die de bedragen onbetrouwbaar maken; er is niets geschreven"
                ),
                Why::Decisions(rel) => eprintln!(
                    "fout: {what} geweigerd: een besluitpunt van `{rel}` heeft te weinig alternatieven of een alternatief zonder risico (E307); er is niets geschreven"
                ),
            }
            Exit::Input
        }
        Refusal::Templates(errs) => {
            for (main, es) in errs {
                for e in es {
                    eprintln!("fout in sjabloon ({main}): {e}");
                }
            }
            fail("de sjablonen konden niet worden gezet; er is niets geschreven")
        }
    }
}
