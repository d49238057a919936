//! `jaarcyclus sjabloon --format yaml`: the next cycle year from last year's files, written into
//! the data root, never over an existing file unless asked.

use crate::common::*;

#[test]
fn the_next_year_is_scaffolded_and_never_overwritten_silently() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&root().join("data"), dir.path());
    let data = dir.path().to_str().unwrap();
    let o = run(&["sjabloon", "--data", data, "--jaar", "2028", "--format", "yaml", "--organisatie", "geonovum"]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let plan = dir.path().join("2028/geonovum/plan.yaml");
    let text = std::fs::read_to_string(&plan).unwrap();
    assert!(text.contains("status: concept") && text.contains("jaar: 2028"));
    assert!(!dir.path().join("2028/kadaster-obo").exists(), "only the party asked for");
    // The new year checks without errors.
    let (status, json) = check_json(dir.path(), &["--jaar", "2028", "--peildatum", "2027-06-01"]);
    let errors: Vec<_> = findings(&json).into_iter().filter(|(c, _, _)| c.starts_with('E')).collect();
    assert_eq!((status, errors), (0, vec![]));
    // A second run refuses and leaves the edited file alone.
    std::fs::write(&plan, format!("{text}# eigen aanpassing\n")).unwrap();
    let o = run(&["sjabloon", "--data", data, "--jaar", "2028", "--format", "yaml", "--organisatie", "geonovum"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("bestaan al; niets geschreven"));
    assert!(std::fs::read_to_string(&plan).unwrap().ends_with("# eigen aanpassing\n"));
    let args = [
        "sjabloon",
        "--data",
        data,
        "--jaar",
        "2028",
        "--format",
        "yaml",
        "--organisatie",
        "geonovum",
        "--overschrijven",
    ];
    assert_eq!(run(&args).status.code(), Some(0));
    assert_eq!(std::fs::read_to_string(&plan).unwrap(), text);
    // Nothing to start from.
    let o = run(&["sjabloon", "--data", data, "--jaar", "2040", "--format", "yaml"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("geen jaarmap 2039"));
}
