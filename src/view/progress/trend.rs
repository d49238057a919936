//! The trend in the voortgangsrapportage (contract §14): the prognosis after each quarter of Y
//! with reports, per perspective integral and per party, the change since the previous
//! quarter, and the lines that changed most — formatted for the report's section, its
//! summary, and the table `verloop-q<k>` beside it.

use super::cx::{Px, perspective_ids};
use crate::nl;
use crate::rollup::{Trend, TrendLine, TrendPoint, TrendRow};
use crate::table::{Cell, Table};
use crate::view::text::count;
use rust_decimal::Decimal;
use serde::Serialize;

/// The section "Verloop van de prognose".
#[derive(Clone, Debug, Serialize)]
pub struct Verloop {
    /// The quarters with reports up to this one, one column each: "Q1", "Q2", "Q3".
    pub kwartalen: Vec<String>,
    /// The previous quarter ("Q2") when it has reports: the change is measured against it;
    /// `null` otherwise (no change column, no list of lines).
    pub vorig: Option<String>,
    /// Per perspective every party together, then all perspectives together.
    pub beleidsdoelen: Vec<VerloopRij>,
    /// Per party, all its perspectives together, in tree order.
    pub partijen: Vec<VerloopRij>,
    /// The lines whose prognosis changed most since the previous quarter (at most 10).
    pub regels: Vec<VerloopRegel>,
    /// How many lines changed and how many are shown ("" when there is no previous quarter).
    pub regels_zin: String,
}

/// One row: a perspective or a party over the quarters.
#[derive(Clone, Debug, Serialize)]
pub struct VerloopRij {
    /// The perspective or party.
    pub naam: String,
    /// Its short name (a party's `kortenaam`; a perspective's name).
    pub naam_kort: String,
    /// The total row (all perspectives together).
    pub totaal: bool,
    /// The prognosis after each quarter of `kwartalen`.
    pub prognoses: Vec<VerloopCel>,
    /// The change since the previous quarter (`null`: no previous quarter).
    pub verandering: Option<String>,
}

/// The prognosis after one quarter.
#[derive(Clone, Debug, Serialize)]
pub struct VerloopCel {
    /// The amount.
    pub bedrag: String,
    /// What stands in for a report ("" when nothing): "1 partij zonder rapportage".
    pub markering: String,
}

/// A line whose prognosis changed.
#[derive(Clone, Debug, Serialize)]
pub struct VerloopRegel {
    /// The party.
    pub partij: String,
    /// Its short name.
    pub partij_kort: String,
    /// What the line pays for.
    pub omschrijving: String,
    /// The perspective.
    pub beleidsdoel: String,
    /// The prognosis after the previous quarter.
    pub vorige: String,
    /// The prognosis now.
    pub prognose: String,
    /// The change.
    pub verandering: String,
    /// What stands in for a report ("" when nothing).
    pub markering: String,
    /// The party's explanation in this quarter's report (`null`: none given).
    pub toelichting: Option<String>,
}

fn mark(p: &TrendPoint) -> String {
    let mut parts = Vec::new();
    if p.onbekend > 0 {
        parts.push(count(p.onbekend, "partij", "partijen") + " zonder rapportage");
    }
    if p.later > 0 {
        parts.push(count(p.later, "regel", "regels") + " van na het kwartaal");
    }
    parts.join("; ")
}

fn cells(r: &TrendRow) -> Vec<VerloopCel> {
    r.punten.iter().map(|p| VerloopCel { bedrag: nl::money(p.prognose), markering: mark(p) }).collect()
}

/// The section, from the trend of the report's quarter.
pub(super) fn verloop(x: &Px) -> Verloop {
    let t = x.t;
    let all = |id: &str| t.integral.iter().find(|r| r.beleidsdoel == id);
    let mut beleidsdoelen: Vec<VerloopRij> = perspective_ids(x)
        .into_iter()
        .filter_map(|id| all(id).map(|r| (id, r)))
        .map(|(id, r)| VerloopRij {
            naam: x.base.perspective(id),
            naam_kort: x.base.perspective(id),
            totaal: false,
            prognoses: cells(r),
            verandering: r.verandering.map(nl::eur),
        })
        .collect();
    if let Some(r) = all("") {
        beleidsdoelen.push(VerloopRij {
            naam: "Alle beleidsdoelen samen".into(),
            naam_kort: "Alle beleidsdoelen samen".into(),
            totaal: true,
            prognoses: cells(r),
            verandering: r.verandering.map(nl::eur),
        });
    }
    let partijen = t
        .parties
        .iter()
        .filter(|r| r.beleidsdoel.is_empty())
        .filter_map(|r| r.party.as_deref().map(|p| (p, r)))
        .map(|(p, r)| VerloopRij {
            naam: x.base.party(p),
            naam_kort: x.base.party_short(p),
            totaal: false,
            prognoses: cells(r),
            verandering: r.verandering.map(nl::eur),
        })
        .collect();
    let regels: Vec<VerloopRegel> = t.top().iter().map(|l| regel(x, l)).collect();
    let regels_zin = match t.vorige {
        None => String::new(),
        Some(_) if t.lines.is_empty() => "Van geen enkele regel is de prognose veranderd.".into(),
        Some(_) if t.lines.len() <= regels.len() => {
            format!("Van {} is de prognose veranderd.", count(t.lines.len(), "regel", "regels"))
        }
        Some(_) => format!(
            "Van {} is de prognose veranderd; hieronder de {} grootste veranderingen. Alle staan in de tabellen naast dit document.",
            count(t.lines.len(), "regel", "regels"),
            regels.len()
        ),
    };
    Verloop {
        kwartalen: t.kwartalen.iter().map(|k| format!("Q{k}")).collect(),
        vorig: t.vorige.map(|k| format!("Q{k}")),
        beleidsdoelen,
        partijen,
        regels,
        regels_zin,
    }
}

fn regel(x: &Px, l: &TrendLine) -> VerloopRegel {
    let markering = match (l.vorige_zonder_rapportage, l.zonder_rapportage) {
        (true, true) => "beide zonder rapportage: gewijzigde begroting",
        (true, false) => "vorig kwartaal zonder rapportage: gewijzigde begroting",
        (false, true) => "dit kwartaal zonder rapportage: gewijzigde begroting",
        (false, false) => "",
    };
    VerloopRegel {
        partij: x.base.party(&l.party),
        partij_kort: x.base.party_short(&l.party),
        omschrijving: l.line.omschrijving.clone(),
        beleidsdoel: x.base.perspective(&l.line.beleidsdoel),
        vorige: nl::money(l.vorige),
        prognose: nl::money(l.line.prognose),
        verandering: nl::eur(l.verandering),
        markering: markering.into(),
        toelichting: l.line.toelichting.clone(),
    }
}

/// The summary's point: how the integral prognosis moved since the previous quarter, and per
/// perspective where it moved. `None` without a previous quarter with reports.
pub(super) fn punt(x: &Px) -> Option<String> {
    let t = x.t;
    let j = t.vorige?;
    let all = t.integral.iter().find(|r| r.beleidsdoel.is_empty())?;
    let (before, now) = (&all.punten[all.punten.len() - 2], &all.punten[all.punten.len() - 1]);
    let d = all.verandering.unwrap_or_default();
    let how = |d: Decimal, now: &TrendPoint| match d.cmp(&Decimal::ZERO) {
        std::cmp::Ordering::Greater => format!("met {} gestegen tot {}", nl::eur(d), nl::money(now.prognose)),
        std::cmp::Ordering::Less => format!("met {} gedaald tot {}", nl::eur(-d), nl::money(now.prognose)),
        std::cmp::Ordering::Equal => format!("gelijk gebleven op {}", nl::money(now.prognose)),
    };
    let mut s = format!(
        "Sinds het {} kwartaal is de integrale prognose {} (na het {} kwartaal: {}).",
        nl::ordinal(j),
        how(d, now),
        nl::ordinal(j),
        nl::money(before.prognose)
    );
    let moved: Vec<String> = perspective_ids(x)
        .into_iter()
        .filter_map(|id| t.integral.iter().find(|r| r.beleidsdoel == id))
        .filter(|r| r.verandering.is_some_and(|d| !d.is_zero()))
        .map(|r| {
            let (b, n) = (&r.punten[r.punten.len() - 2], &r.punten[r.punten.len() - 1]);
            format!(
                "{} van {} naar {} ({})",
                x.base.perspective(&r.beleidsdoel),
                nl::money(b.prognose),
                nl::money(n.prognose),
                nl::eur(r.verandering.unwrap_or_default())
            )
        })
        .collect();
    // With one perspective its movement is the integral one, already said.
    let only = perspective_ids(x).len() == 1;
    if !moved.is_empty() && !only {
        s.push_str(&format!(" Per beleidsdoel: {}.", crate::view::text::join(&moved)));
    }
    if before.onbekend > 0 {
        s.push_str(&format!(
            " Na het {} kwartaal telde {} mee met de gewijzigde begroting.",
            nl::ordinal(j),
            count(before.onbekend, "partij zonder rapportage", "partijen zonder rapportage")
        ));
    }
    Some(s)
}

/// The table `verloop-q<k>`: per level (integral, party) and perspective the prognosis after
/// each quarter with reports, whether a report stood in, and the change; then
/// `verloop-regels-q<k>`: every line whose prognosis changed since the previous quarter.
pub fn trend_tables(t: &Trend) -> Vec<Table> {
    if !t.any() {
        return Vec::new();
    }
    let mut headers = vec!["niveau".to_string(), "organisatie".into(), "beleidsdoel".into()];
    for k in &t.kwartalen {
        headers.push(format!("prognose_q{k}"));
        headers.push(format!("zonder_rapportage_q{k}"));
    }
    headers.push(t.vorige.map_or("verandering".into(), |j| format!("verandering_sinds_q{j}")));
    let mut rows = Vec::new();
    for r in t.integral.iter().chain(&t.parties) {
        let mut row = vec![
            Cell::Text(if r.party.is_some() { "partij" } else { "integraal" }.into()),
            Cell::Text(r.party.clone().unwrap_or_default()),
            Cell::Text(r.beleidsdoel.clone()),
        ];
        for p in &r.punten {
            row.push(Cell::Money(p.prognose.decimal()));
            row.push(Cell::Text(mark(p)));
        }
        row.push(r.verandering.map(Cell::Money).unwrap_or(Cell::Empty));
        rows.push(row);
    }
    let mut out = vec![Table { name: format!("verloop-q{}", t.kwartaal), headers, rows }];
    if let Some(j) = t.vorige {
        let headers = [
            "organisatie",
            "regel",
            "omschrijving",
            "beleidsdoel",
            &format!("prognose_q{j}"),
            &format!("prognose_q{}", t.kwartaal),
            "verandering",
            "zonder_rapportage",
            "toelichting",
        ];
        let rows = t
            .lines
            .iter()
            .map(|l| {
                vec![
                    Cell::Text(l.party.clone()),
                    Cell::Text(l.line.id.clone()),
                    Cell::Text(l.line.omschrijving.clone()),
                    Cell::Text(l.line.beleidsdoel.clone()),
                    Cell::Money(l.vorige.decimal()),
                    Cell::Money(l.line.prognose.decimal()),
                    Cell::Money(l.verandering),
                    Cell::Text(
                        match (l.vorige_zonder_rapportage, l.zonder_rapportage) {
                            (true, true) => "beide",
                            (true, false) => "vorig kwartaal",
                            (false, true) => "dit kwartaal",
                            (false, false) => "",
                        }
                        .into(),
                    ),
                    Cell::Text(l.line.toelichting.clone().unwrap_or_default()),
                ]
            })
            .collect();
        out.push(Table {
            name: format!("verloop-regels-q{}", t.kwartaal),
            headers: headers.iter().map(|h| h.to_string()).collect(),
            rows,
        });
    }
    out
}
