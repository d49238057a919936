//! Generator, a party's portfolio: its budget lines and the goals and results they pay for,
//! shared by both cycle years (the same lines continue; amounts move with the years).

use super::rng::Rng;
use super::spell::Rol;
use super::words::{COMPONENTS, KOSTENSOORT_WEIGHTS, KOSTENSOORTEN, PERSPECTIVES, RESULT_TEXTS, goal_texts};

/// One budget line as it runs over the years.
#[derive(Clone, Debug)]
pub struct Line {
    /// Its id, e.g. `OZON-PERS-07`.
    pub id: String,
    /// What it pays for.
    pub omschrijving: String,
    /// Index into `PERSPECTIVES`.
    pub perspective: usize,
    /// Index into `COMPONENTS`.
    pub component: usize,
    /// Index into `KOSTENSOORTEN`.
    pub kostensoort: usize,
    /// The feature id.
    pub feature: &'static str,
    /// Amount in whole euros in the first cycle year.
    pub base: i64,
    /// First year with an amount (lines that start later have none before).
    pub start: i32,
    /// Indexes into `Portfolio::results`.
    pub results: Vec<usize>,
}

/// A goal: its perspective and its texts.
#[derive(Clone, Debug)]
pub struct Goal {
    /// Index into `PERSPECTIVES`.
    pub perspective: usize,
    /// What is to be achieved, indicator, target.
    pub text: (&'static str, &'static str, &'static str),
}

/// A result: the goal it serves and the component it concerns.
#[derive(Clone, Debug)]
pub struct PlanResult {
    /// Index into `Portfolio::goals`.
    pub goal: usize,
    /// Index into `COMPONENTS`.
    pub component: usize,
    /// What will be done.
    pub text: &'static str,
}

/// A party's lines, goals and results.
#[derive(Clone, Debug)]
pub struct Portfolio {
    /// The budget lines.
    pub lines: Vec<Line>,
    /// The goals (D1, D2, …).
    pub goals: Vec<Goal>,
    /// The results (R1, R2, …).
    pub results: Vec<PlanResult>,
}

/// Draws `n` lines for a party of role `rol` and derives goals and results from them.
pub fn portfolio(rol: Rol, n: usize, first_year: i32, rng: &mut Rng) -> Portfolio {
    let mut lines: Vec<Line> = (0..n).map(|i| line(rol, i, n, first_year, rng)).collect();
    let mut goals = Vec::new();
    let mut results = Vec::new();
    for (p, persp) in PERSPECTIVES.iter().enumerate() {
        let members: Vec<usize> = (0..lines.len()).filter(|&i| lines[i].perspective == p).collect();
        if members.is_empty() {
            continue;
        }
        let texts = goal_texts(persp.id);
        let n_goals = (members.len() / 6).clamp(1, texts.len());
        let first_goal = goals.len();
        goals.extend((0..n_goals).map(|g| Goal { perspective: p, text: texts[g] }));
        let n_results = members.len().div_ceil(3);
        let first_result = results.len();
        for r in 0..n_results {
            let component = lines[members[r * members.len() / n_results]].component;
            results.push(PlanResult { goal: first_goal + r % n_goals, component, text: rng.phrase(RESULT_TEXTS) });
        }
        for (k, &i) in members.iter().enumerate() {
            let r = first_result + k * n_results / members.len();
            lines[i].results.push(r);
            if rng.chance(15) && n_results > 1 {
                let other = first_result + (r - first_result + 1) % n_results;
                lines[i].results.push(other);
            }
        }
    }
    Portfolio { lines, goals, results }
}

fn line(rol: Rol, i: usize, n: usize, first_year: i32, rng: &mut Rng) -> Line {
    let weights: Vec<u64> = PERSPECTIVES.iter().map(|p| p.weight).collect();
    let perspective = rng.weighted(&weights);
    let component = match (PERSPECTIVES[perspective].id, rol) {
        ("iplo-wetgeving", _) => index_of("iplo"),
        (_, Rol::Obo) => rng.below(COMPONENTS.len() as u64 - 1) as usize,
        _ => *rng.pick(&[index_of("stelselregie"), index_of("keteninfrastructuur")]),
    };
    let kostensoort = rng.weighted(KOSTENSOORT_WEIGHTS);
    let (_, ks_code, activities) = KOSTENSOORTEN[kostensoort];
    let comp = &COMPONENTS[component];
    let (feature, feature_naam) = *rng.pick(comp.features);
    // A party's yearly total is a few million euros whatever `n`; line sizes are skewed (x²).
    let party_total: i64 = if rol == Rol::Obo { 6_000_000 } else { 3_000_000 };
    let x = rng.range(1, 17);
    let starts_later = PERSPECTIVES[perspective].id == "uitbouw" && rng.chance(20);
    let width = n.to_string().len().max(2);
    Line {
        id: format!("{}-{ks_code}-{:0width$}", comp.code, i + 1),
        omschrijving: format!("{}: {}", rng.phrase(activities), feature_naam),
        perspective,
        component,
        kostensoort,
        feature,
        base: (party_total / n as i64 * x * x / 105).max(10_000) + rng.range(0, 9) * 1_000,
        start: first_year + i32::from(starts_later),
        results: Vec::new(),
    }
}

impl Line {
    /// The amount in whole euros for `year`, or `None` when the line has none then (not yet
    /// started, or — for the basis perspective — phased out).
    pub fn amount(&self, year: i32, first_year: i32) -> Option<i64> {
        if year < self.start {
            return None;
        }
        let k = i64::from(year - first_year);
        let permille = match PERSPECTIVES[self.perspective].id {
            "basis" => 1000 - 300 * k,
            "uitbouw" => 1000 + 50 * k,
            _ => 1000 + 25 * k,
        };
        (permille > 0).then(|| round_to(self.base * permille / 1000, 10_000))
    }
}

fn round_to(x: i64, step: i64) -> i64 {
    ((x + step / 2) / step * step).max(step)
}

fn index_of(component: &str) -> usize {
    COMPONENTS.iter().position(|c| c.id == component).expect("component in the register")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_pays_for_a_result_of_its_perspective() {
        let p = portfolio(Rol::Obo, 50, 2025, &mut Rng::new(3));
        assert_eq!(p.lines.len(), 50);
        for l in &p.lines {
            assert!(!l.results.is_empty());
            for &r in &l.results {
                assert_eq!(p.goals[p.results[r].goal].perspective, l.perspective);
            }
            assert!((2025..=2029).any(|y| l.amount(y, 2025).is_some()));
        }
    }
}
