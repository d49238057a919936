//! The year in execution (contract §11): the progress of quarter k of Y at every level — per
//! line and party, each TBO consolidated, the SBO integral — against the amended budget, with
//! the wijzigingen in effect and proposed. Exact; a party without a report for quarter k counts
//! its amended budget as its prognosis and its spending as unknown; a line that entered the
//! amended budget after the quarter and is not listed counts its amended budget as prognosis
//! and nothing spent, and each reported line is judged by the quarter's own yardstick (§14).

use super::amended::WijzigingRow;
use super::org::OrgTree;
use crate::model::*;
use jiff::civil::Date;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// Amended budget, spending to date and prognosis, for one party or level and one perspective
/// (or all).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Figures {
    /// The amended budget for Y.
    pub gewijzigd: Money,
    /// Spent to date: the known amounts only.
    pub besteed: Money,
    /// Expected realisation for all of Y (the amended budget of a party without a report).
    pub prognose: Money,
    /// The parties whose spending is unknown (no report for the quarter).
    pub onbekend: usize,
    /// The lines that entered the amended budget after the quarter and that the report does
    /// not list (§14): counted with their amended budget as prognosis and nothing spent.
    pub later: usize,
}

impl Figures {
    fn add(&mut self, o: &Figures) {
        self.gewijzigd = self.gewijzigd + o.gewijzigd;
        self.besteed = self.besteed + o.besteed;
        self.prognose = self.prognose + o.prognose;
        self.onbekend += o.onbekend;
        self.later += o.later;
    }

    /// Prognosis − amended budget.
    pub fn afwijking(&self) -> Decimal {
        self.prognose.decimal() - self.gewijzigd.decimal()
    }
}

/// Figures per perspective id; `""` holds the total of all perspectives.
pub type PerPerspective = BTreeMap<String, Figures>;

/// One line of a party's amended budget with its progress.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProgressLine {
    /// The line id.
    pub id: String,
    /// What it pays for.
    pub omschrijving: String,
    /// The perspective.
    pub beleidsdoel: String,
    /// The feature, if any.
    pub feature: Option<String>,
    /// The begroting's amount for Y.
    pub begroting: Money,
    /// The mutaties in effect.
    pub mutaties: Decimal,
    /// The amended budget.
    pub gewijzigd: Money,
    /// Spent to date; `None` without a report (or a line the report lacks, E308).
    pub besteed: Option<Money>,
    /// The prognosis (the amended budget when the report gives none).
    pub prognose: Money,
    /// The explanation given.
    pub toelichting: Option<String>,
    /// The amended budget the prognosis is judged against (§14): at the end of the quarter, or
    /// at the reference date for a line that did not exist then.
    pub maatstaf: Money,
    /// The line entered the amended budget after the quarter and the report does not list it
    /// (§14): its prognosis is its amended budget, nothing spent.
    pub later: bool,
    /// The prognosis differs from `maatstaf` by more than both norms (W603).
    pub signaal: bool,
}

/// One party's progress for quarter k.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PartyProgress {
    /// The party.
    pub party: String,
    /// Its report for quarter k, if delivered (present with `ingediend_op` on or before the
    /// reference date).
    pub report: Option<String>,
    /// Its lines.
    pub lines: Vec<ProgressLine>,
    /// Its own figures per perspective.
    pub own: PerPerspective,
    /// The status of each plan result, in plan order: (id, omschrijving, status, toelichting);
    /// status `None` without a report.
    pub results: Vec<(String, String, Option<VoortgangStatus>, Option<String>)>,
}

/// The progress of quarter k of Y.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Progress {
    /// The cycle year.
    pub jaar: Year,
    /// The quarter.
    pub kwartaal: u8,
    /// Every party with a begroting for Y, in tree order.
    pub parties: Vec<PartyProgress>,
    /// Per party in the tree: own plus every party below it.
    pub consolidated: BTreeMap<String, PerPerspective>,
    /// Every party together.
    pub integral: PerPerspective,
    /// The wijzigingen in effect at the reference date, in tree and number order.
    pub in_effect: Vec<WijzigingRow>,
    /// Those proposed (not in effect, not counted).
    pub proposed: Vec<WijzigingRow>,
}

/// The latest quarter with a progress report for Y, if any.
pub fn latest_quarter(tree: &Tree, y: Year) -> Option<u8> {
    tree.years.get(&y)?.values().flat_map(|s| s.voortgang.keys().copied()).filter(|k| (1..=3).contains(k)).max()
}

/// The progress of quarter `k` of `y` at `peildatum`.
pub fn progress(tree: &Tree, org: &OrgTree, norms: &Normen, y: Year, k: u8, peildatum: Date) -> Progress {
    let (in_effect, proposed) = super::amended::wijzigingen(tree, org, y, peildatum);
    let mut parties = Vec::new();
    for n in &org.nodes {
        let Some(sub) = tree.submission(y, &n.id).filter(|s| s.begroting.is_some()) else { continue };
        parties.push(party(sub, &n.id, norms, y, k, peildatum));
    }
    let own: BTreeMap<&str, &PerPerspective> = parties.iter().map(|p| (p.party.as_str(), &p.own)).collect();
    let sum = |ids: &mut dyn Iterator<Item = &str>| {
        let mut total = PerPerspective::new();
        for id in ids {
            for (p, f) in own.get(id).into_iter().flat_map(|m| m.iter()) {
                total.entry(p.clone()).or_default().add(f);
            }
        }
        total
    };
    let add = |total: &mut PerPerspective, other: &PerPerspective| {
        for (p, f) in other {
            total.entry(p.clone()).or_default().add(f);
        }
    };
    let totals = org.subtree_totals(|n| sum(&mut std::iter::once(n.id.as_str())), add);
    let consolidated = org.nodes.iter().map(|n| n.id.clone()).zip(totals).collect();
    let integral = sum(&mut org.nodes.iter().map(|n| n.id.as_str()));
    Progress { jaar: y, kwartaal: k, parties, consolidated, integral, in_effect, proposed }
}

fn party(sub: &Submission, id: &str, norms: &Normen, y: Year, k: u8, peildatum: Date) -> PartyProgress {
    let report = sub.voortgang_delivered(k, peildatum);
    let regels: BTreeMap<&str, &VoortgangRegel> =
        report.iter().flat_map(|v| &v.regels).map(|r| (r.regel.as_str(), r)).collect();
    let at_end = sub.amended_at_quarter_end(y, k, peildatum);
    let then: BTreeMap<&str, Money> = at_end.iter().map(|l| (l.id, l.amount())).collect();
    let mut lines = Vec::new();
    let mut own = PerPerspective::new();
    for a in sub.amended(y, peildatum) {
        let written = regels.get(a.id).copied();
        let gewijzigd = a.amount();
        let later = report.is_some() && written.is_none() && !then.contains_key(a.id);
        let maatstaf = then.get(a.id).copied().unwrap_or(gewijzigd);
        let besteed = written.and_then(|r| r.tot_en_met.as_ref()).map(|m| m.value).or(later.then_some(Money::ZERO));
        let prognose = written.and_then(|r| r.prognose.as_ref()).map(|m| m.value);
        let line = ProgressLine {
            id: a.id.to_string(),
            omschrijving: a.omschrijving.to_string(),
            beleidsdoel: a.beleidsdoel.to_string(),
            feature: a.feature.map(str::to_string),
            begroting: a.begroting,
            mutaties: a.mutaties,
            gewijzigd,
            besteed,
            prognose: prognose.unwrap_or(gewijzigd),
            toelichting: written.and_then(|r| r.toelichting.clone()),
            maatstaf,
            later,
            signaal: prognose.is_some_and(|p| norms.needs_explanation(maatstaf, p)),
        };
        let f = Figures {
            gewijzigd,
            besteed: besteed.unwrap_or_default(),
            prognose: line.prognose,
            onbekend: 0,
            later: usize::from(later),
        };
        own.entry(line.beleidsdoel.clone()).or_default().add(&f);
        own.entry(String::new()).or_default().add(&f);
        lines.push(line);
    }
    if report.is_none() {
        for f in own.values_mut() {
            f.onbekend = 1;
        }
        own.entry(String::new()).or_default().onbekend = 1;
    }
    let results = sub
        .plan
        .iter()
        .flat_map(|p| &p.resultaten)
        .map(|r| {
            let s = report.and_then(|v| v.resultaten.iter().find(|x| x.resultaat.value == r.id.value));
            (r.id.value.clone(), r.omschrijving.clone(), s.map(|s| s.status), s.and_then(|s| s.toelichting.clone()))
        })
        .collect();
    PartyProgress { party: id.to_string(), report: report.map(|v| v.file.clone()), lines, own, results }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The default data's Q3 2026: the consolidated figures of the SBO equal the integral
    /// ones and the sum of every party's own; the prognosis of each line equals what its
    /// report says, or its amended budget.
    #[test]
    fn levels_add_up_on_the_default_data() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        let peil = jiff::civil::date(2026, 11, 29);
        let (tree, _) = crate::load_and_check(&root, &Scope::default(), peil).unwrap();
        let st = tree.stelsel.as_ref().unwrap();
        let org = OrgTree::new(st);
        assert_eq!(latest_quarter(&tree, 2026), Some(3));
        let p = progress(&tree, &org, &st.normen, 2026, 3, peil);
        let sbo = org.nodes.iter().find(|n| n.parent.is_none()).unwrap();
        assert_eq!(p.consolidated[&sbo.id], p.integral);
        let mut sum = Money::ZERO;
        for party in &p.parties {
            sum = sum + party.own[""].prognose;
            assert!(party.report.is_some(), "{} delivered Q3", party.party);
        }
        assert_eq!(sum, p.integral[""].prognose);
        assert_eq!(p.in_effect.len(), 1);
        assert_eq!(p.proposed.len(), 1);
        assert!(p.parties.iter().flat_map(|x| &x.lines).any(|l| l.signaal));
        // Without the reports of quarter 3 the prognosis is the amended budget.
        let none = progress(&tree, &org, &st.normen, 2026, 3, jiff::civil::date(2026, 10, 1));
        assert_eq!(none.integral[""].prognose, none.integral[""].gewijzigd);
        assert_eq!(none.integral[""].onbekend, none.parties.len());
    }
}
