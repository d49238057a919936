use jaarcyclus::load::raw::*;
use std::time::Instant;
fn opts(budget: bool) -> serde_saphyr::Options {
    let mut o =
        serde_saphyr::options! { strict_booleans: true, merge_keys: serde_saphyr::options::MergeKeyPolicy::Error };
    if budget {
        if let Some(b) = o.budget.as_mut() {
            b.max_aliases = 1000;
            b.max_anchors = 1000;
            b.max_depth = 64;
            b.max_events = 2_000_000;
        }
    } else {
        o.budget = None;
    }
    o.with_snippet = false;
    o
}
#[derive(serde::Deserialize)]
#[allow(dead_code)]
struct PlainRegel {
    id: String,
    omschrijving: String,
    beleidsdoel: String,
    component: String,
    kostensoort: String,
    feature: String,
    resultaten: Vec<String>,
    bedragen: std::collections::BTreeMap<i64, String>,
}
#[derive(serde::Deserialize)]
#[allow(dead_code)]
struct PlainBegroting {
    organisatie: String,
    jaar: i64,
    status: String,
    ingediend_op: String,
    regels: Vec<PlainRegel>,
    alternatieven: Vec<serde_json::Value>,
}
fn main() {
    let root = std::env::args().nth(1).unwrap();
    let mut texts = Vec::new();
    for e in walkdir::WalkDir::new(&root) {
        let e = e.unwrap();
        if e.file_name() == "begroting.yaml" {
            texts.push(std::fs::read_to_string(e.path()).unwrap());
        }
    }
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    println!("{} files, {} bytes", texts.len(), bytes);
    for budget in [true, false] {
        let t = Instant::now();
        for s in &texts {
            let _r: RawBegroting = serde_saphyr::from_str_with_options(s, opts(budget)).unwrap();
        }
        let e = t.elapsed().as_secs_f64();
        println!("raw spanned budget={budget}: {:.3}s {:.1} MB/s", e, bytes as f64 / e / 1e6);
    }
    let t = Instant::now();
    for s in &texts {
        let _r: PlainBegroting = serde_saphyr::from_str_with_options(s, opts(false)).unwrap();
    }
    let e = t.elapsed().as_secs_f64();
    println!("plain: {:.3}s {:.1} MB/s", e, bytes as f64 / e / 1e6);
}
