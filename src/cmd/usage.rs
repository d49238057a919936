//! clap's refusals in Dutch: one message per wrong call, the usage line of the command that was
//! meant, and where the help is. clap's own text is English ("error: invalid value 'abc' for
//! '--jaar <JAAR>': invalid digit found in string"), so each error kind is written anew here
//! from clap's context (the argument, the value, the suggestions), never from its wording.

use clap::error::{ContextKind, ContextValue, ErrorKind};

/// The Dutch message for a wrong call, ending in a newline: `fout: …`, a hint where clap has a
/// suggestion, the usage line and the help to read. `cli` is the program's definition and
/// `args` the arguments it was given (without the program name), to tell which command was meant.
pub fn message(e: &clap::Error, cli: &clap::Command, args: &[String]) -> String {
    let arg = string(e, ContextKind::InvalidArg).map(|a| a.split_whitespace().next().unwrap_or_default().to_string());
    let value = string(e, ContextKind::InvalidValue);
    let mut out = String::from("fout: ");
    out.push_str(&match e.kind() {
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let arg = arg.unwrap_or_default();
            let value = value.unwrap_or_default();
            let what = match strings(e, ContextKind::ValidValue) {
                valid if !valid.is_empty() => format!("kies uit {}", or_list(&valid)),
                _ => expected(&arg, e),
            };
            if value.is_empty() {
                format!("{arg} mist een waarde; {what}")
            } else {
                format!("`{value}` is geen geldige waarde voor {arg}; {what}")
            }
        }
        ErrorKind::UnknownArgument => format!("onbekende optie `{}`", arg.unwrap_or_default()),
        ErrorKind::InvalidSubcommand => {
            let mut valid = strings(e, ContextKind::ValidSubcommand);
            if valid.is_empty() {
                valid = cli.get_subcommands().filter(|c| !c.is_hide_set()).map(|c| c.get_name().to_string()).collect();
            }
            let mut m =
                format!("onbekende opdracht `{}`", string(e, ContextKind::InvalidSubcommand).unwrap_or_default());
            if !valid.is_empty() {
                m.push_str(&format!("; de opdrachten zijn {}", and_list(&valid)));
            }
            m
        }
        ErrorKind::MissingRequiredArgument => {
            let missing = strings(e, ContextKind::InvalidArg);
            if missing.len() == 1 {
                format!("{} is verplicht en ontbreekt", missing[0])
            } else {
                format!("{} zijn verplicht en ontbreken", and_list(&missing))
            }
        }
        ErrorKind::MissingSubcommand => "geef een opdracht".to_string(),
        ErrorKind::ArgumentConflict => format!(
            "{} gaat niet samen met {}",
            arg.unwrap_or_default(),
            string(e, ContextKind::PriorArg).unwrap_or_default()
        ),
        ErrorKind::NoEquals => format!("{} vraagt `=` voor de waarde", arg.unwrap_or_default()),
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => match arg {
            Some(arg) => format!("{arg} kreeg een verkeerd aantal waarden"),
            None => "te veel of te weinig waarden".to_string(),
        },
        ErrorKind::InvalidUtf8 => "een argument is geen geldige tekst (UTF-8)".to_string(),
        _ => "ongeldige aanroep".to_string(),
    });
    out.push('\n');
    let suggested = [ContextKind::SuggestedSubcommand, ContextKind::SuggestedArg, ContextKind::SuggestedValue]
        .into_iter()
        .flat_map(|k| strings(e, k))
        .collect::<Vec<_>>();
    if !suggested.is_empty() {
        out.push_str(&format!(
            "  bedoelt u {}?\n",
            or_list(&suggested.iter().map(|s| format!("`{s}`")).collect::<Vec<_>>())
        ));
    }
    // The command meant: the first argument that names one (`--data X build` means build).
    let sub = args.iter().find_map(|a| cli.find_subcommand(a));
    let (usage, help) = match sub {
        Some(c) => (c.clone().render_usage().to_string(), format!("jaarcyclus {} --help", c.get_name())),
        None => (cli.clone().render_usage().to_string(), "jaarcyclus --help".to_string()),
    };
    let usage = usage.trim().trim_start_matches("Usage:").trim();
    out.push_str(&format!("\nGebruik: {usage}\nMeer uitleg: {help}\n"));
    out
}

/// What an argument's value must look like, when clap's parser refused it.
fn expected(arg: &str, e: &clap::Error) -> String {
    let name = arg.split_whitespace().next().unwrap_or(arg);
    match name {
        "--jaar" | "--jaarschijf" => "schrijf een jaartal, bijvoorbeeld 2027".to_string(),
        "--kwartaal" => "kies 1, 2 of 3".to_string(),
        _ => match std::error::Error::source(e) {
            Some(s) if s.is::<std::num::ParseIntError>() => "schrijf een geheel getal".to_string(),
            _ => "zie --help".to_string(),
        },
    }
}

fn string(e: &clap::Error, kind: ContextKind) -> Option<String> {
    match e.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::Strings(v) => v.first().cloned(),
        _ => None,
    }
}

fn strings(e: &clap::Error, kind: ContextKind) -> Vec<String> {
    match e.get(kind) {
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::StyledStrs(v)) => v.iter().map(|s| s.to_string()).collect(),
        Some(ContextValue::StyledStr(s)) => vec![s.to_string()],
        _ => Vec::new(),
    }
}

/// "a, b of c".
fn or_list(items: &[String]) -> String {
    joined(items, "of")
}

/// "a, b en c".
fn and_list(items: &[String]) -> String {
    joined(items, "en")
}

fn joined(items: &[String], last: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., tail] => format!("{} {last} {tail}", init.join(", ")),
    }
}
