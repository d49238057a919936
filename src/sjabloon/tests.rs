//! The scaffolded year loads without errors and carries last year's estimates, goals, results
//! and risks over exactly.

use super::*;
use std::path::Path;

fn copy(from: &Path, to: &Path) {
    for e in walkdir::WalkDir::new(from) {
        let e = e.unwrap();
        let target = to.join(e.path().strip_prefix(from).unwrap());
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(e.path(), &target).unwrap();
        }
    }
}

#[test]
fn the_next_year_loads_cleanly_with_last_years_estimates() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let peil = jiff::civil::date(2026, 11, 29);
    let (tree, _) = crate::load_and_check(&root, &Scope::default(), peil).unwrap();
    let (files, without) = next_year(&tree, 2028, None);
    assert!(without.is_empty());
    assert_eq!(files.len(), 10, "plan and begroting for five parties");
    let dir = tempfile::tempdir().unwrap();
    copy(&root, dir.path());
    for f in &files {
        let path = dir.path().join(&f.rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, &f.text).unwrap();
    }
    let (next, diags) = crate::load_and_check(dir.path(), &Scope::default(), peil).unwrap();
    let errors: Vec<String> = diags
        .items()
        .iter()
        .filter(|d| d.code.as_str().starts_with('E') && d.file.as_deref().is_some_and(|f| f.starts_with("2028/")))
        .map(|d| format!("{} {:?}: {}", d.code.as_str(), d.file, d.message))
        .collect();
    assert_eq!(errors, Vec::<String>::new());
    for (id, sub) in &next.years[&2028] {
        let old = &tree.years[&2027][id];
        let (b, ob) = (sub.begroting.as_ref().unwrap(), old.begroting.as_ref().unwrap());
        assert_eq!(b.header.status, Status::Concept);
        assert!(b.header.ingediend_op.is_none());
        for r in &b.regels {
            let o = ob.regels.iter().find(|o| o.id.value == r.id.value).unwrap();
            assert_eq!(r.omschrijving, o.omschrijving);
            for j in 2028..=2030 {
                assert_eq!(r.amount(j), o.amount(j), "{id} {} {j}", r.id.value);
            }
            assert_eq!(r.amount(2031), o.amount(2030), "{id} {}: 2031 repeats 2030", r.id.value);
        }
        assert_eq!(b.alternatieven.len(), ob.alternatieven.len());
        let (p, op) = (sub.plan.as_ref().unwrap(), old.plan.as_ref().unwrap());
        let ids = |p: &Plan| p.doelen.iter().map(|d| (d.id.value.clone(), d.omschrijving.clone())).collect::<Vec<_>>();
        assert_eq!(ids(p), ids(op));
        assert_eq!(p.resultaten.len(), op.resultaten.len());
        assert_eq!(p.risicos.len(), op.risicos.len());
        assert!(p.doorkijk.iter().all(|d| d.jaar.value > 2028));
    }
}

#[test]
fn one_party_only_and_parties_without_last_year() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let (tree, _) = crate::load_and_check(&root, &Scope::default(), jiff::civil::date(2026, 11, 29)).unwrap();
    let (files, _) = next_year(&tree, 2028, Some("geonovum"));
    let rels: Vec<&str> = files.iter().map(|f| f.rel.as_str()).collect();
    assert_eq!(rels, ["2028/geonovum/plan.yaml", "2028/geonovum/begroting.yaml"]);
    let (files, without) = next_year(&tree, 2040, None);
    assert!(files.is_empty());
    assert_eq!(without.len(), 5);
}
