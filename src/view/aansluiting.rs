//! The chapter "Aansluiting op de vorige meerjarenraming" of the jaarplan and the meerjarenplan:
//! per perspective and party the estimate for Y in the begroting of Y−1 beside the begroting
//! for Y and the difference (in the meerjarenplan also the differences for Y+1 and Y+2), and
//! the lines that moved most.

use super::cx::Ctx;
use crate::model::{CycleDoc, Money, Year};
use crate::nl;
use crate::rollup::{AansluitingPartij, MOVERS, Verschuiving, Years};
use serde::Serialize;

/// The chapter.
#[derive(Clone, Debug, Serialize)]
pub struct AansluitingView {
    /// The previous cycle year.
    pub vorig_jaar: Year,
    /// Whether the data holds begrotingen of the previous year.
    pub beschikbaar: bool,
    /// The column headers after "Partij".
    pub kop: Vec<String>,
    /// What the table shows.
    pub toelichting: String,
    /// Per perspective.
    pub perspectieven: Vec<AansluitingPerspectiefView>,
}

/// One perspective.
#[derive(Clone, Debug, Serialize)]
pub struct AansluitingPerspectiefView {
    /// Its name.
    pub naam: String,
    /// Per party.
    pub rijen: Vec<AansluitingRij>,
    /// All parties.
    pub totaal: AansluitingRij,
    /// The lines that moved most in Y.
    pub verschuivingen: Vec<VerschuivingView>,
    /// In words, how many more lines moved; empty when all are shown.
    pub meer: String,
}

/// A row: previous estimate for Y, budget for Y, the difference, and in the meerjarenplan the
/// differences for Y+1 and Y+2.
#[derive(Clone, Debug, Serialize)]
pub struct AansluitingRij {
    /// The party (or "Totaal").
    pub partij: String,
    /// The amounts, in the order of `kop`.
    pub bedragen: Vec<String>,
    /// Whether the budget for Y exceeds the previous estimate.
    pub hoger: bool,
    /// A note: the party had no begroting the year before.
    pub opmerking: Option<String>,
}

/// A line that moved.
#[derive(Clone, Debug, Serialize)]
pub struct VerschuivingView {
    /// The party's short name.
    pub partij: String,
    /// The line id.
    pub regel: String,
    /// What it pays for.
    pub omschrijving: String,
    /// The previous estimate for Y ("nieuw" for a new line).
    pub vorig: String,
    /// The budget for Y ("vervallen" for a line that is gone).
    pub huidig: String,
    /// Budget − previous estimate.
    pub verschil: String,
}

/// The chapter of a plan document; `None` for the jaarrekening.
pub fn aansluiting(cx: &Ctx) -> Option<AansluitingView> {
    if !cx.is_plan() {
        return None;
    }
    let a = &cx.r.aansluiting;
    let y = cx.r.jaar;
    let multi = cx.kind == CycleDoc::Meerjarenplan;
    let mut kop =
        vec![format!("Raming {y} in begroting {}", a.vorig), format!("Begroting {y}"), format!("Verschil {y}")];
    if multi {
        kop.extend(a.jaren.iter().skip(1).map(|j| format!("Verschil {j}")));
    }
    let row = |partij: String, vorig: &Years, huidig: &Years, opmerking: Option<String>| {
        let at = |g: &Years, j: Year| g.get(&j).copied().unwrap_or_default().decimal();
        let mut bedragen = vec![nl::eur(at(vorig, y)), nl::eur(at(huidig, y)), nl::eur(at(huidig, y) - at(vorig, y))];
        if multi {
            bedragen.extend(a.jaren.iter().skip(1).map(|j| nl::eur(at(huidig, *j) - at(vorig, *j))));
        }
        AansluitingRij { partij, bedragen, hoger: at(huidig, y) > at(vorig, y), opmerking }
    };
    let party = |p: &AansluitingPartij| {
        let note = (!p.had_vorig).then(|| format!("geen begroting {}: de vorige raming telt als € 0", a.vorig));
        row(cx.party(&p.party), &p.vorig, &p.huidig, note)
    };
    let perspectieven = a
        .perspectieven
        .iter()
        .map(|p| AansluitingPerspectiefView {
            naam: cx.perspective(&p.beleidsdoel),
            rijen: if cx.compact { Vec::new() } else { p.partijen.iter().map(party).collect() },
            totaal: row("Totaal".into(), &p.vorig, &p.huidig, None),
            verschuivingen: p.verschuivingen.iter().take(MOVERS).map(|v| mover(cx, v)).collect(),
            meer: match p.verschuivingen.len().saturating_sub(MOVERS) {
                0 => String::new(),
                n => format!(
                    "Nog {} met een kleinere verschuiving; de tabel aansluiting naast dit stuk geeft alle \
                     verschoven regels (zie de technische bijlage).",
                    if n == 1 { "1 regel".to_string() } else { format!("{n} regels") }
                ),
            },
        })
        .collect();
    let toelichting = format!(
        "Per beleidsdoel en partij de raming voor {y} uit de begroting {} naast de begroting {y}, en het \
         verschil (positief: hoger dan geraamd){}. Daaronder de regels met de grootste verschuiving in {y}.",
        a.vorig,
        if multi { format!("; voor {} en {} alleen het verschil", y + 1, y + 2) } else { String::new() }
    );
    Some(AansluitingView { vorig_jaar: a.vorig, beschikbaar: a.beschikbaar, kop, toelichting, perspectieven })
}

fn mover(cx: &Ctx, v: &Verschuiving) -> VerschuivingView {
    let money = |m: Option<Money>, none: &str| m.map_or_else(|| none.to_string(), nl::money);
    VerschuivingView {
        partij: cx.party_short(&v.party),
        regel: v.id.clone(),
        omschrijving: v.omschrijving.clone(),
        vorig: money(v.vorig, "nieuw"),
        huidig: money(v.huidig, "vervallen"),
        verschil: nl::eur(v.verschil()),
    }
}
