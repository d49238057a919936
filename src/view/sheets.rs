//! Spreadsheet export: the roll-up tables as `table::Table`s, for CSV and XLSX — controllers
//! live in spreadsheets. Pure; exact amounts (the XLSX writer converts at the very last step).

use crate::model::{Tree, variance_percent};
use crate::rollup::{Progress, Rollup};
use crate::table::{Cell, Table};
use jiff::civil::Date;

/// The trend of a voortgangsrapportage (contract §14), made beside its view.
pub use super::progress::trend_tables;

fn money(m: crate::model::Money) -> Cell {
    Cell::Money(m.decimal())
}

/// The tables of one cycle year's roll-up: levels, caps with allocation, budget lines,
/// portfolio, and (when delivered) the realisation.
pub fn tables(r: &Rollup) -> Vec<Table> {
    let years: Vec<String> = r.jaren.iter().map(|y| y.to_string()).collect();
    let mut out = Vec::new();

    let mut headers =
        vec!["organisatie".to_string(), "rol".into(), "rapporteert_aan".into(), "soort".into(), "beleidsdoel".into()];
    headers.extend(years.iter().cloned());
    let mut rows = Vec::new();
    for node in &r.org.nodes {
        for (soort, grid) in [
            ("eigen", r.own.get(&node.id)),
            ("geconsolideerd", (!node.children.is_empty()).then(|| r.consolidated.get(&node.id)).flatten()),
        ] {
            let Some(grid) = grid else { continue };
            for p in grid.perspectives() {
                let mut row = vec![
                    Cell::Text(node.id.clone()),
                    Cell::Text(node.rol.as_str().into()),
                    Cell::Text(node.parent.clone().unwrap_or_default()),
                    Cell::Text(soort.into()),
                    Cell::Text(p.to_string()),
                ];
                row.extend(r.jaren.iter().map(|y| money(grid.get(p, *y))));
                rows.push(row);
            }
        }
    }
    out.push(Table { name: "niveaus".into(), headers, rows });

    let mut rows = Vec::new();
    for cap in &r.caps {
        for cy in &cap.jaren {
            let base = vec![
                Cell::Text(cap.beleidsdoel.clone()),
                Cell::Int(cy.jaar.into()),
                cy.cap.map(money).unwrap_or(Cell::Empty),
                money(cy.request),
                cy.difference.map(Cell::Money).unwrap_or(Cell::Empty),
            ];
            if cy.allocation.is_empty() {
                let mut row = base.clone();
                row.extend([Cell::Empty, Cell::Empty]);
                rows.push(row);
            }
            for (fin, share) in &cy.allocation {
                let mut row = base.clone();
                row.extend([Cell::Text(fin.clone()), Cell::Money(*share)]);
                rows.push(row);
            }
        }
    }
    let headers = ["beleidsdoel", "jaar", "taakstellend", "begroting", "verschil", "financier", "aandeel_verschil"];
    out.push(Table { name: "taakstellend".into(), headers: names(&headers), rows });

    let mut headers: Vec<String> =
        ["organisatie", "regel", "omschrijving", "beleidsdoel", "component", "kostensoort", "feature", "aard"]
            .iter()
            .map(|s| s.to_string())
            .collect();
    headers.extend(years.iter().cloned());
    let rows = r
        .lines
        .iter()
        .map(|l| {
            let mut row = vec![
                Cell::Text(l.party.clone()),
                Cell::Text(l.id.clone()),
                Cell::Text(l.omschrijving.clone()),
                Cell::Text(l.beleidsdoel.clone()),
                Cell::Text(l.component.clone()),
                Cell::Text(l.kostensoort.as_str().into()),
                Cell::Text(l.feature.clone().unwrap_or_default()),
                Cell::Text(l.aard.as_str().into()),
            ];
            row.extend(r.jaren.iter().map(|y| money(l.bedragen.get(y).copied().unwrap_or_default())));
            row
        })
        .collect();
    out.push(Table { name: "begrotingsregels".into(), headers, rows });

    let mut headers: Vec<String> = vec!["beleidsdoel".into(), "feature".into()];
    headers.extend(years.iter().cloned());
    let rows = r
        .by_feature
        .iter()
        .map(|f| {
            let mut row = vec![Cell::Text(f.beleidsdoel.clone()), Cell::Text(f.feature.clone().unwrap_or_default())];
            row.extend(r.jaren.iter().map(|y| money(f.bedragen.get(y).copied().unwrap_or_default())));
            row
        })
        .collect();
    out.push(Table { name: "portfolio".into(), headers, rows });

    if !r.verantwoording.parties.is_empty() {
        let headers = [
            "organisatie",
            "regel",
            "omschrijving",
            "beleidsdoel",
            "begroting",
            "mutaties",
            "begroting_na_wijziging",
            "gerealiseerd",
            "verschil",
            "verschil_procent",
            "boven_norm",
            "toelichting",
        ];
        let mut rows = Vec::new();
        for p in &r.verantwoording.parties {
            for v in &p.lines {
                rows.push(vec![
                    Cell::Text(p.party.clone()),
                    Cell::Text(v.id.clone()),
                    Cell::Text(v.omschrijving.clone().unwrap_or_default()),
                    Cell::Text(v.beleidsdoel.clone().unwrap_or_default()),
                    money(v.begroting),
                    Cell::Money(v.mutaties),
                    money(v.budget),
                    v.realisation.map(money).unwrap_or(Cell::Empty),
                    v.difference.map(Cell::Money).unwrap_or(Cell::Empty),
                    v.percent.map(Cell::Percent).unwrap_or(Cell::Empty),
                    Cell::Text(if v.above_norm { "ja" } else { "nee" }.into()),
                    Cell::Text(v.toelichting.clone().unwrap_or_default()),
                ]);
            }
        }
        out.push(Table { name: "verantwoording".into(), headers: names(&headers), rows });
    }
    out
}

fn names(h: &[&str]) -> Vec<String> {
    h.iter().map(|s| s.to_string()).collect()
}

/// Every budget line whose amount for Y moved against the estimate for Y in the begroting of
/// Y−1 ("aansluiting op de vorige meerjarenraming"); no table without begrotingen of Y−1.
pub fn aansluiting_table(r: &Rollup) -> Option<Table> {
    let a = &r.aansluiting;
    let rows: Vec<Vec<Cell>> = a
        .perspectieven
        .iter()
        .flat_map(|p| p.verschuivingen.iter().map(move |v| (p, v)))
        .map(|(p, v)| {
            vec![
                Cell::Text(v.party.clone()),
                Cell::Text(p.beleidsdoel.clone()),
                Cell::Text(v.id.clone()),
                Cell::Text(v.omschrijving.clone()),
                v.vorig.map(money).unwrap_or(Cell::Empty),
                v.huidig.map(money).unwrap_or(Cell::Empty),
                Cell::Money(v.verschil()),
            ]
        })
        .collect();
    let headers = ["organisatie", "beleidsdoel", "regel", "omschrijving", "vorige_raming", "begroting", "verschil"];
    a.beschikbaar.then(|| Table { name: "aansluiting".into(), headers: names(&headers), rows })
}

/// Every mutatie of every wijziging of the roll-up's year, in effect or proposed (contract
/// §11); no table when there is none.
pub fn wijziging_table(tree: &Tree, r: &Rollup, peildatum: Date) -> Option<Table> {
    let mut rows = Vec::new();
    for node in &r.org.nodes {
        let Some(sub) = tree.submission(r.jaar, &node.id) else { continue };
        for w in &sub.wijzigingen {
            for m in &w.regels {
                rows.push(vec![
                    Cell::Text(node.id.clone()),
                    Cell::Int(w.nummer.value.into()),
                    Cell::Text(w.omschrijving.clone()),
                    Cell::Text(if w.in_effect(peildatum) { "van kracht" } else { "voorgesteld" }.into()),
                    Cell::Text(w.vastgesteld_op.as_ref().map(|d| d.value.to_string()).unwrap_or_default()),
                    Cell::Text(m.regel.value.clone()),
                    Cell::Text(if m.nieuw.is_some() { "ja" } else { "nee" }.into()),
                    m.mutatie.as_ref().map(|d| Cell::Money(d.value)).unwrap_or(Cell::Empty),
                    Cell::Text(m.toelichting.clone()),
                ]);
            }
        }
    }
    let headers = [
        "organisatie",
        "nummer",
        "omschrijving",
        "status",
        "vastgesteld_op",
        "regel",
        "nieuwe_regel",
        "mutatie",
        "toelichting",
    ];
    (!rows.is_empty()).then(|| Table { name: "wijzigingen".into(), headers: names(&headers), rows })
}

/// The progress report's lines (contract §11): per party and line the amended budget, spent to
/// date, the prognosis, the expected variance and the explanation. A party without a report
/// has its spending empty and its prognosis equal to the amended budget; `na_het_kwartaal`
/// marks a line that entered the amended budget after the quarter and is not reported (§14).
pub fn progress_table(p: &Progress) -> Table {
    let mut rows = Vec::new();
    for party in &p.parties {
        for l in &party.lines {
            let afwijking = l.prognose.decimal() - l.gewijzigd.decimal();
            rows.push(vec![
                Cell::Text(party.party.clone()),
                Cell::Text(if party.report.is_some() { "ja" } else { "nee" }.into()),
                Cell::Text(l.id.clone()),
                Cell::Text(l.omschrijving.clone()),
                Cell::Text(l.beleidsdoel.clone()),
                money(l.begroting),
                Cell::Money(l.mutaties),
                money(l.gewijzigd),
                l.besteed.map(money).unwrap_or(Cell::Empty),
                money(l.prognose),
                Cell::Money(afwijking),
                variance_percent(l.gewijzigd, l.prognose).map(Cell::Percent).unwrap_or(Cell::Empty),
                Cell::Text(if l.signaal { "ja" } else { "nee" }.into()),
                Cell::Text(l.toelichting.clone().unwrap_or_default()),
                Cell::Text(if l.later { "ja" } else { "nee" }.into()),
            ]);
        }
    }
    let headers = [
        "organisatie",
        "aangeleverd",
        "regel",
        "omschrijving",
        "beleidsdoel",
        "begroting",
        "mutaties",
        "begroting_na_wijziging",
        "besteed_tot_en_met",
        "prognose",
        "afwijking",
        "afwijking_procent",
        "signaal",
        "toelichting",
        "na_het_kwartaal",
    ];
    Table { name: format!("voortgang-q{}", p.kwartaal), headers: names(&headers), rows }
}

/// The goals, results, outlook, risks and management consequences of the plans of the roll-up's
/// year and the alternatives of its begrotingen, one row each: the detail that an abridged
/// document leaves out of its body (see `view::Ingekort`).
pub fn plan_tables(tree: &Tree, r: &Rollup) -> Vec<Table> {
    let text = |s: &str| Cell::Text(s.to_string());
    let opt = |s: Option<&str>| Cell::Text(s.unwrap_or_default().to_string());
    let mut doelen = Vec::new();
    let mut resultaten = Vec::new();
    let mut doorkijk = Vec::new();
    let mut consequenties = Vec::new();
    let mut alternatieven = Vec::new();
    for node in &r.org.nodes {
        let sub = tree.submission(r.jaar, &node.id);
        for a in sub.and_then(|s| s.begroting.as_ref()).map(|b| b.alternatieven.as_slice()).unwrap_or_default() {
            // What the total covers: all perspectives together, or the one named (contract §5).
            let beleidsdoel = a.beleidsdoel.as_ref().map(|b| b.value.as_str());
            alternatieven.push(vec![
                text(&node.id),
                text(a.niveau.value.as_str()),
                opt(beleidsdoel),
                text(if beleidsdoel.is_some() { "dit beleidsdoel" } else { "alle beleidsdoelen samen" }),
                money(a.totaal),
                text(&a.omschrijving),
                text(&a.risicos.join("; ")),
            ]);
        }
        let Some(plan) = sub.and_then(|s| s.plan.as_ref()) else { continue };
        for d in &plan.doorkijk {
            doorkijk.push(vec![
                text(&node.id),
                Cell::Int(i64::from(d.jaar.value)),
                opt(d.doel.as_ref().map(|x| x.value.as_str())),
                opt(d.beleidsdoel.as_ref().map(|x| x.value.as_str())),
                text(&d.omschrijving),
            ]);
        }
        for c in &plan.beheerconsequenties {
            consequenties.push(vec![
                text(&node.id),
                text(&c.omschrijving),
                money(c.bedrag_per_jaar),
                Cell::Int(i64::from(c.vanaf.value)),
                opt(c.component.as_ref().map(|x| x.value.as_str())),
                opt(c.beleidsdoel.as_ref().map(|x| x.value.as_str())),
                opt(c.besluit.as_deref()),
            ]);
        }
        for d in &plan.doelen {
            doelen.push(vec![
                text(&node.id),
                text(&d.id.value),
                text(&d.beleidsdoel.value),
                text(&d.omschrijving),
                opt(d.indicator.as_deref()),
                opt(d.streefwaarde.as_deref()),
            ]);
        }
        for res in &plan.resultaten {
            resultaten.push(vec![
                text(&node.id),
                text(&res.id.value),
                text(&res.doel.value),
                text(&res.omschrijving),
                opt(res.component.as_ref().map(|c| c.value.as_str())),
                Cell::Text(res.gereed.map(|d| d.to_string()).unwrap_or_default()),
            ]);
        }
    }
    let headers = |h: &[&str]| h.iter().map(|s| s.to_string()).collect();
    vec![
        Table {
            name: "doelen".into(),
            headers: headers(&["organisatie", "id", "beleidsdoel", "omschrijving", "indicator", "streefwaarde"]),
            rows: doelen,
        },
        Table {
            name: "resultaten".into(),
            headers: headers(&["organisatie", "id", "doel", "omschrijving", "component", "gereed"]),
            rows: resultaten,
        },
        Table {
            name: "doorkijk".into(),
            headers: headers(&["organisatie", "jaar", "doel", "beleidsdoel", "omschrijving"]),
            rows: doorkijk,
        },
        super::risks::table(r),
        Table {
            name: "beheerconsequenties".into(),
            headers: headers(&[
                "organisatie",
                "omschrijving",
                "bedrag_per_jaar",
                "vanaf",
                "component",
                "beleidsdoel",
                "besluit",
            ]),
            rows: consequenties,
        },
        Table {
            name: "alternatieven".into(),
            headers: headers(&[
                "organisatie",
                "niveau",
                "beleidsdoel",
                "geldt_voor",
                "totaal",
                "omschrijving",
                "risicos",
            ]),
            rows: alternatieven,
        },
    ]
}
