//! Dutch at the edge: a wrong call, an unknown command or option and an unreadable data folder
//! each give one Dutch message (`fout: …`) with status 2 — none of clap's or the operating
//! system's English, and never the help glued to an error.

use crate::common::*;

/// Words of clap's and the OS's own English that must never reach a Dutch user.
const ENGLISH: &[&str] = &[
    "error:",
    "invalid",
    "Usage:",
    "required",
    "unrecognized",
    "unexpected",
    "os error",
    "No such file",
    "Permission denied",
    "For more information",
    "found in string",
    "[OPTIONS]",
];

/// Runs a wrong call and returns its stderr, after checking status 2, an empty stdout, one
/// `fout:` line first, and no English.
fn refused(args: &[&str]) -> String {
    let out = run(args);
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
    assert!(out.stdout.is_empty(), "{args:?}: stdout {}", String::from_utf8_lossy(&out.stdout));
    assert!(err.starts_with("fout: "), "{args:?}: {err}");
    assert_eq!(err.matches("fout:").count(), 1, "{args:?}: one message, not several: {err}");
    for word in ENGLISH {
        assert!(!err.contains(word), "{args:?}: English `{word}` in: {err}");
    }
    assert!(!err.contains("Toon deze hulp"), "{args:?}: the help glued to the error: {err}");
    err
}

#[test]
fn a_bad_value_names_the_option_and_what_it_wants() {
    let err = refused(&["build", "--jaar", "abc"]);
    assert!(err.contains("`abc` is geen geldige waarde voor --jaar"), "{err}");
    assert!(err.contains("jaartal"), "{err}");
    assert!(err.contains("Gebruik: jaarcyclus build [OPTIES]"), "{err}");
    assert!(err.contains("Meer uitleg: jaarcyclus build --help"), "{err}");
    let err = refused(&["sjabloon", "--jaar", "2028", "--format", "xlsx", "--kwartaal", "4"]);
    assert!(err.contains("--kwartaal") && err.contains("1, 2 of 3"), "{err}");
    let err = refused(&["check", "--format", "xml"]);
    assert!(err.contains("kies uit human, json, sarif of github"), "{err}");
}

#[test]
fn an_unknown_command_or_option_is_named_with_a_suggestion() {
    let err = refused(&["bouw"]);
    assert!(err.contains("onbekende opdracht `bouw`"), "{err}");
    assert!(err.contains("bedoelt u `build`?") || err.contains("de opdrachten zijn"), "{err}");
    let err = refused(&["build", "--opniew"]);
    assert!(err.contains("onbekende optie `--opniew`"), "{err}");
    assert!(err.contains("bedoelt u `--opnieuw`?"), "{err}");
}

#[test]
fn a_missing_required_option_is_said_once_without_the_help() {
    let err = refused(&["sjabloon", "--jaar", "2028"]);
    assert!(err.contains("--format") && err.contains("verplicht"), "{err}");
    assert!(err.contains("Gebruik: jaarcyclus sjabloon"), "{err}");
}

#[test]
fn a_missing_data_folder_is_said_in_dutch() {
    let dir = tempfile_dir("cli-geen-data");
    let missing = dir.join("bestaat-niet");
    let err = refused(&["check", "--data", missing.to_str().unwrap()]);
    assert!(err.contains("gegevensmap"), "{err}");
    assert!(err.contains("bestand of map bestaat niet"), "{err}");
}

/// A fresh, empty folder under the target's temporary folder.
fn tempfile_dir(name: &str) -> std::path::PathBuf {
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn every_help_is_dutch() {
    let top = String::from_utf8(run(&["--help"]).stdout).unwrap();
    let commands: Vec<&str> = top
        .lines()
        .skip_while(|l| !l.starts_with("Opdrachten:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert!(commands.len() >= 9, "{top}");
    for c in commands {
        let out = run(&[c, "--help"]);
        assert_eq!(out.status.code(), Some(0), "{c}");
        let help = String::from_utf8(out.stdout).unwrap();
        assert!(help.contains("Gebruik: jaarcyclus "), "{c}: {help}");
        for english in ["Usage:", "Options:", "Arguments:", "possible values", "[OPTIONS]", "default:"] {
            assert!(!help.contains(english), "{c} --help has `{english}`: {help}");
        }
    }
}
