//! Choices (plans only): alternatives per party and per service level, and the risks.

use super::cx::Ctx;
use super::text::fractie;
use crate::nl;
use crate::rollup::LevelTotal;
use serde::Serialize;

/// The `alternatieven` object.
#[derive(Clone, Debug, Serialize)]
pub struct Alternatieven {
    /// Per party: its level, request and alternatives.
    pub partijen: Vec<PartijAlternatieven>,
    /// The construct's total per service level for all perspectives together, against the
    /// integral begroting (no single cap applies to all of them).
    pub integraal: Vec<NiveauTotaal>,
    /// Per perspective with a cap: its total per service level against that cap.
    pub perspectieven: Vec<PerspectiefNiveaus>,
    /// How the totals are made.
    pub toelichting: String,
}

/// One party's request and alternatives.
#[derive(Clone, Debug, Serialize)]
pub struct PartijAlternatieven {
    /// The party.
    pub partij: String,
    /// The level of its plan (`null` without a plan).
    pub niveau: Option<&'static str>,
    /// Its request for Y, all perspectives.
    pub totaal: String,
    /// Its alternatives, by level.
    pub alternatieven: Vec<AlternatiefView>,
}

/// One alternative.
#[derive(Clone, Debug, Serialize)]
pub struct AlternatiefView {
    /// The level.
    pub niveau: &'static str,
    /// The perspective's name; `null`: all perspectives together.
    pub beleidsdoel: Option<String>,
    /// What the total covers, in words: the perspective's name, or "alle beleidsdoelen samen".
    pub geldt_voor: String,
    /// The party's total at that level.
    pub totaal: String,
    /// Alternative − the request it replaces.
    pub verschil: String,
    /// What it means.
    pub omschrijving: String,
    /// Its risks.
    pub risicos: Vec<String>,
}

/// The construct's total at one level.
#[derive(Clone, Debug, Serialize)]
pub struct NiveauTotaal {
    /// The level.
    pub niveau: &'static str,
    /// The total.
    pub totaal: String,
    /// The cap it is compared with (`null`: none; the integral totals are compared with the
    /// begroting).
    pub budget: Option<String>,
    /// Total − cap, or for the integral totals total − begroting.
    pub verschil: Option<String>,
    /// Whether the total stays within the cap (false without a cap).
    pub binnen: bool,
    /// The total as a fraction of the chart maximum.
    pub fractie: f64,
    /// The cap as a fraction of the chart maximum (`null` without a cap).
    pub budget_fractie: Option<f64>,
}

/// One perspective's totals per level against its cap.
#[derive(Clone, Debug, Serialize)]
pub struct PerspectiefNiveaus {
    /// The perspective's name.
    pub beleidsdoel: String,
    /// Its cap for Y.
    pub budget: String,
    /// Its begroting for Y.
    pub begroting: String,
    /// Per level.
    pub niveaus: Vec<NiveauTotaal>,
}

/// Alternatives per party and per level (empty in the jaarrekening).
pub fn alternatieven(cx: &Ctx) -> Alternatieven {
    let toelichting = "Per beleidsdoel: het totaal van alle partijen op elk niveau, uit hun alternatieven voor dat \
                       beleidsdoel; een partij zonder zo'n alternatief telt mee met haar begroting voor dat \
                       beleidsdoel. Dat totaal staat tegenover het taakstellend budget van het beleidsdoel. Alle \
                       beleidsdoelen samen: per partij haar alternatief voor het geheel, anders per beleidsdoel als \
                       hiervoor; dat totaal staat tegenover de integrale begroting, want voor alle beleidsdoelen \
                       samen geldt geen taakstellend budget."
        .to_string();
    if !cx.is_plan() {
        return Alternatieven { partijen: Vec::new(), integraal: Vec::new(), perspectieven: Vec::new(), toelichting };
    }
    let partijen =
        cx.r.options
            .iter()
            .map(|o| PartijAlternatieven {
                partij: cx.party(&o.party),
                niveau: o.niveau.map(|n| n.label()),
                totaal: nl::money(o.request),
                alternatieven: o
                    .alternatives
                    .iter()
                    .map(|a| AlternatiefView {
                        niveau: a.niveau.label(),
                        beleidsdoel: a.beleidsdoel.as_ref().map(|p| cx.perspective(p)),
                        geldt_voor: a
                            .beleidsdoel
                            .as_ref()
                            .map_or_else(|| "alle beleidsdoelen samen".to_string(), |p| cx.perspective(p)),
                        totaal: nl::money(a.totaal),
                        verschil: nl::eur(a.difference),
                        omschrijving: a.omschrijving.clone(),
                        risicos: a.risicos.clone(),
                    })
                    .collect(),
            })
            .collect();
    fn scope<'a>(cx: &'a Ctx, p: Option<&'a str>) -> impl Iterator<Item = &'a LevelTotal> {
        cx.r.levels.iter().filter(move |l| l.beleidsdoel.as_deref() == p)
    }
    let rows = |p: Option<&str>| {
        let max = scope(cx, p).flat_map(|l| [Some(l.totaal), l.cap]).flatten().max().unwrap_or_default().decimal();
        scope(cx, p)
            .map(|l| NiveauTotaal {
                niveau: l.niveau.label(),
                totaal: nl::money(l.totaal),
                budget: l.cap.map(nl::money),
                verschil: match l.difference {
                    Some(d) => Some(nl::eur(d)),
                    None if p.is_none() => Some(nl::eur(l.totaal.decimal() - l.request.decimal())),
                    None => None,
                },
                binnen: l.cap.is_some_and(|c| l.totaal <= c),
                fractie: fractie(l.totaal.decimal(), max),
                budget_fractie: l.cap.map(|c| fractie(c.decimal(), max)),
            })
            .collect::<Vec<_>>()
    };
    let perspectieven =
        cx.r.caps
            .iter()
            .filter_map(|c| {
                let first = scope(cx, Some(&c.beleidsdoel)).next()?;
                Some(PerspectiefNiveaus {
                    beleidsdoel: cx.perspective(&c.beleidsdoel),
                    budget: nl::money(first.cap?),
                    begroting: nl::money(first.request),
                    niveaus: rows(Some(&c.beleidsdoel)),
                })
            })
            .collect();
    Alternatieven { partijen, integraal: rows(None), perspectieven, toelichting }
}

/// A risk.
#[derive(Clone, Debug, Serialize)]
pub struct RisicoView {
    /// The party.
    pub partij: String,
    /// The party's short name, for the narrow column.
    pub partij_kort: String,
    /// The perspective's name (`null`: not given).
    pub beleidsdoel: Option<String>,
    /// The risk id.
    pub id: String,
    /// The risk.
    pub omschrijving: String,
    /// Likelihood.
    pub kans: &'static str,
    /// Impact.
    pub impact: &'static str,
    /// The mitigation.
    pub maatregel: Option<String>,
    /// Financial exposure.
    pub bedrag: Option<String>,
    /// The exposure × the chance of its class (contract §14).
    pub gewogen: Option<String>,
}

/// The risks of the plans of Y, in tree order (empty in the jaarrekening).
pub fn risicos(cx: &Ctx) -> Vec<RisicoView> {
    if !cx.is_plan() {
        return Vec::new();
    }
    cx.r.risks
        .all
        .iter()
        .map(|r| RisicoView {
            partij: cx.party(&r.party),
            partij_kort: cx.party_short(&r.party),
            beleidsdoel: r.beleidsdoel.as_ref().map(|b| cx.perspective(b)),
            id: r.id.clone(),
            omschrijving: r.omschrijving.clone(),
            kans: r.kans.as_str(),
            impact: r.impact.as_str(),
            maatregel: r.maatregel.clone(),
            bedrag: r.bedrag.map(nl::money),
            gewogen: r.gewogen.map(nl::money),
        })
        .collect()
}
