//! A herkomst for people (blocks like the diagnostics: a heading, then `-->` source lines with
//! their amount in the column it adds to, then the total) and as JSON (amounts as exact
//! decimal strings with two places).

use super::types::{Bedragen, Bron, Herkomst, Kolom, Partij, Soort, Stuk};
use crate::model::Rol;
use crate::nl;
use rust_decimal::Decimal;
use serde_json::{Value, json};

/// The herkomst for people.
pub fn human(h: &Herkomst) -> String {
    // One format for the whole output, so that the amounts of a column align on the comma.
    let cents = h.partijen.iter().flat_map(|p| &p.bronnen).any(|b| !b.bedrag.fract().is_zero())
        || h.partijen.iter().flat_map(|p| p.totaal().values().chain(p.eigen.values())).any(|d| !d.fract().is_zero());
    let eur = if cents { nl::eur_cents } else { nl::eur };
    let mut rows =
        vec![Row::Text(title(h)), Row::Text(format!("integraal: {}", pairs(eur, &h.kolommen, &h.integraal)))];
    if h.onbekend > 0 {
        rows.push(Row::Text(format!("  = let op: {}", unknown(h, h.onbekend))));
    }
    // The parties some party in the herkomst reports to: found once, not per party (a
    // thousand parties would otherwise each look at all thousand).
    let above: std::collections::HashSet<&str> =
        h.partijen.iter().filter_map(|c| c.rapporteert_aan.as_deref()).collect();
    for p in &h.partijen {
        let shown_below = above.contains(p.id.as_str());
        if p.geconsolideerd.is_some() && (p.uitgewerkt || shown_below) {
            consolidated_block(h, eur, p, &mut rows);
        }
        if p.uitgewerkt {
            own_block(h, eur, p, &mut rows);
        }
    }
    table(&rows)
}

fn title(h: &Herkomst) -> String {
    let v = &h.vraag;
    let wat = match v.stuk {
        Stuk::Begroting if h.jaarschijf != v.jaar => format!("de raming {} in de begroting {}", h.jaarschijf, v.jaar),
        Stuk::Begroting if h.kolommen.contains(&Kolom::Mutaties) => {
            format!("de begroting {} met de mutaties van de begrotingswijzigingen die op de peildatum gelden", v.jaar)
        }
        Stuk::Begroting => format!("de begroting {}", v.jaar),
        Stuk::Realisatie => format!("de realisatie {}", v.jaar),
        Stuk::Voortgang => format!(
            "de voortgang over kwartaal {} van {} (besteed tot en met het kwartaal, prognose voor het jaar)",
            h.kwartaal.unwrap_or_default(),
            v.jaar
        ),
    };
    let mut t = format!(
        "herkomst van {wat}, beleidsdoel `{}` ({}), peildatum {}",
        v.beleidsdoel,
        h.beleidsdoel_naam,
        nl::date(v.peildatum)
    );
    if let Some(o) = &v.organisatie {
        t.push_str(&format!("\nalleen de tak van `{o}` is uitgewerkt tot op de bronregels"));
    }
    t
}

fn unknown(h: &Herkomst, n: usize) -> String {
    let partijen = if n == 1 { "1 partij".to_string() } else { format!("{n} partijen") };
    match h.vraag.stuk {
        Stuk::Realisatie => format!("{partijen} zonder realisatie; dit totaal is onvolledig"),
        _ => format!("van {partijen} is het bestede bedrag onbekend; dat totaal telt alleen de bekende bedragen"),
    }
}

/// `begroting € 1.250.000 · mutaties € 0 · gewijzigd € 1.250.000`
fn pairs(eur: Eur, kolommen: &[Kolom], b: &Bedragen) -> String {
    let parts: Vec<String> =
        kolommen.iter().map(|k| format!("{} {}", k.as_str(), eur(b.get(k).copied().unwrap_or_default()))).collect();
    parts.join(" · ")
}

fn level(p: &Partij) -> &'static str {
    match (p.rol, &p.geconsolideerd) {
        (Rol::Sbo, Some(_)) => "integraal",
        (_, Some(_)) => "geconsolideerd",
        (_, None) => "eigen",
    }
}

fn heading(kind: &str, p: &Partij, rows: &mut Vec<Row>) {
    rows.push(Row::Text(String::new()));
    rows.push(Row::Text(format!("{kind} {} · {}", p.naam, p.rol.as_str())));
}

/// A consolidated (or integral) figure: the party's own, plus each party reporting to it.
fn consolidated_block(h: &Herkomst, eur: Eur, p: &Partij, rows: &mut Vec<Row>) {
    let kind = level(p);
    heading(kind, p, rows);
    rows.push(header_row(&h.kolommen));
    rows.push(amount_row(eur, "   =", &h.kolommen, &p.eigen, format!("eigen {}", p.naam)));
    for c in p.kinderen.iter().filter_map(|c| h.partij(c)) {
        let how = if c.geconsolideerd.is_some() { "geconsolideerd" } else { "eigen" };
        rows.push(amount_row(eur, "   +", &h.kolommen, c.totaal(), format!("{how} {}", c.naam)));
    }
    rows.push(amount_row(eur, "   =", &h.kolommen, p.totaal(), kind.to_string()));
    if p.onbekend_onder > 0 && h.vraag.stuk != Stuk::Begroting {
        rows.push(Row::Text(format!("   = let op: {}", unknown(h, p.onbekend_onder))));
    }
}

/// A party's own figure: every source line, then the total.
fn own_block(h: &Herkomst, eur: Eur, p: &Partij, rows: &mut Vec<Row>) {
    heading("eigen", p, rows);
    rows.push(header_row(&h.kolommen));
    rows.extend(p.bronnen.iter().map(|b| source_row(eur, &h.kolommen, b)));
    rows.push(amount_row(eur, "   =", &h.kolommen, &p.eigen, "eigen".to_string()));
    if p.bronnen.is_empty() && p.opmerkingen.is_empty() {
        rows.push(Row::Text(format!("   = geen regels voor beleidsdoel `{}`", h.vraag.beleidsdoel)));
    }
    rows.extend(p.opmerkingen.iter().map(|o| Row::Text(format!("   = let op: {o}"))));
}

/// How amounts are written: whole euros, or with cents throughout.
type Eur = fn(Decimal) -> String;

/// A line of the output: free text, or cells aligned over the whole output.
enum Row {
    Text(String),
    Cells(Vec<Cell>),
}

enum Cell {
    Left(String),
    Right(String),
}

fn header_row(kolommen: &[Kolom]) -> Row {
    let mut row = vec![Cell::Left(String::new())];
    row.extend(kolommen.iter().map(|k| Cell::Right(k.as_str().to_string())));
    Row::Cells(row)
}

fn amount_row(eur: Eur, lead: &str, kolommen: &[Kolom], b: &Bedragen, label: String) -> Row {
    let mut row = vec![Cell::Left(lead.to_string())];
    row.extend(kolommen.iter().map(|k| Cell::Right(eur(b.get(k).copied().unwrap_or_default()))));
    row.push(Cell::Left(label));
    Row::Cells(row)
}

fn source_row(eur: Eur, kolommen: &[Kolom], b: &Bron) -> Row {
    let mut row = vec![Cell::Left(format!("  --> {}:{}:{}", b.file, b.pos.line, b.pos.column))];
    row.extend(kolommen.iter().map(|k| Cell::Right(if *k == b.kolom { eur(b.bedrag) } else { String::new() })));
    let mut what = format!("{}  {}", b.regel, b.omschrijving);
    if let Soort::Wijziging { nummer, vastgesteld_op } = &b.soort {
        let when = vastgesteld_op.map(|d| format!(", vastgesteld {}", nl::date(d))).unwrap_or_default();
        what.push_str(&format!(" (wijziging {nummer}{when})"));
    }
    if let Some(w) = &b.want {
        what.push_str(&format!(" ({w})"));
    }
    row.push(Cell::Left(what));
    Row::Cells(row)
}

/// Aligns the cells of every row over the whole output; a row's last cell, when left-aligned,
/// is free text: it neither pads nor sets a width.
fn table(rows: &[Row]) -> String {
    let width = |c: &Cell| match c {
        Cell::Left(s) | Cell::Right(s) => s.chars().count(),
    };
    let free = |r: &[Cell], i: usize| i + 1 == r.len() && matches!(r[i], Cell::Left(_));
    let cells: Vec<&Vec<Cell>> =
        rows.iter().filter_map(|r| if let Row::Cells(c) = r { Some(c) } else { None }).collect();
    let columns = cells.iter().map(|r| r.len()).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|i| cells.iter().filter(|r| i < r.len() && !free(r, i)).map(|r| width(&r[i])).max().unwrap_or(0))
        .collect();
    let mut out = String::new();
    for row in rows {
        let r = match row {
            Row::Text(t) => {
                out.push_str(t);
                out.push('\n');
                continue;
            }
            Row::Cells(r) => r,
        };
        let mut line = String::new();
        for (i, c) in r.iter().enumerate() {
            if i > 0 {
                line.push_str("  ");
            }
            let pad = widths[i].saturating_sub(width(c));
            match c {
                Cell::Left(s) if free(r, i) => line.push_str(s),
                Cell::Left(s) => line.push_str(&format!("{s}{}", " ".repeat(pad))),
                Cell::Right(s) => line.push_str(&format!("{}{s}", " ".repeat(pad))),
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// An exact amount with two decimals, as a string (no binary floating point in JSON).
fn exact(d: Decimal) -> String {
    let mut x = d;
    x.rescale(2);
    x.to_string()
}

fn amounts(b: &Bedragen) -> Value {
    Value::Object(b.iter().map(|(k, d)| (k.as_str().to_string(), Value::String(exact(*d)))).collect())
}

/// The herkomst as one JSON object.
pub fn json(h: &Herkomst) -> String {
    let v = &h.vraag;
    let partijen: Vec<Value> = h
        .partijen
        .iter()
        .map(|p| {
            let bronnen: Vec<Value> = p
                .bronnen
                .iter()
                .map(|b| {
                    let (soort, nummer, vastgesteld_op, kwartaal) = match &b.soort {
                        Soort::Begroting => ("begroting", None, None, None),
                        Soort::Wijziging { nummer, vastgesteld_op } => {
                            ("wijziging", Some(*nummer), vastgesteld_op.map(|d| d.to_string()), None)
                        }
                        Soort::Realisatie => ("realisatie", None, None, None),
                        Soort::Voortgang { kwartaal } => ("voortgang", None, None, Some(*kwartaal)),
                    };
                    json!({
                        "file": b.file,
                        "line": b.pos.line,
                        "column": b.pos.column,
                        "kolom": b.kolom.as_str(),
                        "soort": soort,
                        "wijziging": nummer,
                        "vastgesteld_op": vastgesteld_op,
                        "kwartaal": kwartaal,
                        "regel": b.regel,
                        "omschrijving": b.omschrijving,
                        "bedrag": exact(b.bedrag),
                        "want": b.want,
                    })
                })
                .collect();
            json!({
                "id": p.id,
                "naam": p.naam,
                "rol": p.rol.as_str(),
                "rapporteert_aan": p.rapporteert_aan,
                "niveau": level(p),
                "eigen": amounts(&p.eigen),
                "geconsolideerd": p.geconsolideerd.as_ref().map(amounts),
                "onbekend": p.onbekend,
                "onbekend_onder": p.onbekend_onder,
                "uitgewerkt": p.uitgewerkt,
                "opmerkingen": p.opmerkingen,
                "bronnen": bronnen,
            })
        })
        .collect();
    let obj = json!({
        "stuk": v.stuk.as_str(),
        "jaar": v.jaar,
        "jaarschijf": h.jaarschijf,
        "kwartaal": h.kwartaal,
        "beleidsdoel": v.beleidsdoel,
        "beleidsdoel_naam": h.beleidsdoel_naam,
        "organisatie": v.organisatie,
        "peildatum": v.peildatum.to_string(),
        "kolommen": h.kolommen.iter().map(|k| k.as_str()).collect::<Vec<_>>(),
        "integraal": amounts(&h.integraal),
        "onbekend": h.onbekend,
        "partijen": partijen,
    });
    serde_json::to_string_pretty(&obj).expect("a JSON value always serialises")
}
