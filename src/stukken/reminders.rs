//! Reminder letters (rappels): for every party (not the SBO, which sends them) with a document
//! that is not delivered after its deadline at the reference date (E401; a file without
//! `ingediend_op` counts as not delivered), a Dutch letter from the board's secretariat, rendered
//! from `templates/rappel/*.txt.j2` with minijinja. Delivered late (W401) is no reminder case.

use crate::check::calendar::{Delivery, delivery, docs_of};
use crate::model::*;
use crate::nl;
use crate::nl::wrap;
use crate::rollup::OrgTree;
use anyhow::{Context, Result};
use jiff::civil::Date;
use minijinja::value::Value;
use minijinja::{AutoEscape, Environment, UndefinedBehavior, context};
use std::path::Path;

/// The reminder templates: the letter and its subject line.
pub const TEMPLATES: [&str; 2] = ["brief.txt.j2", "onderwerp.txt.j2"];

/// One party's overdue documents.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rappel {
    /// The party's id.
    pub partij: String,
    /// Its name.
    pub naam: String,
    /// Its role.
    pub rol: Rol,
    /// The documents not delivered after their deadline.
    pub stukken: Vec<Overdue>,
}

/// A document not delivered after its deadline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Overdue {
    /// `plan`, `begroting` or `realisatie`.
    pub soort: &'static str,
    /// The cycle year.
    pub jaar: Year,
    /// The deadline.
    pub termijn: Date,
    /// Days past the deadline at the reference date.
    pub dagen: i64,
    /// The file, relative to the data root.
    pub bestand: String,
    /// Whether the file exists without a delivery date on or before the reference date.
    pub zonder_datum: bool,
}

/// The reminder cases at `peildatum`, parties in reporting order, documents by year; the
/// second list holds the SBO's own overdue documents (it sends reminders, it gets none).
pub fn cases(tree: &Tree, st: &Stelsel, peildatum: Date) -> (Vec<Rappel>, Vec<Overdue>) {
    let mut out = Vec::new();
    let mut own = Vec::new();
    for n in &OrgTree::new(st).nodes {
        let mut stukken = Vec::new();
        for (&y, subs) in &tree.years {
            let sub = subs.get(&n.id);
            for t in st.kalender.iter().filter(|t| t.rol == n.rol) {
                for (kind, name) in docs_of(t.stuk) {
                    if let Delivery::Overdue(dagen) = delivery(sub, *kind, t.deadline(y), peildatum) {
                        stukken.push(Overdue {
                            soort: name,
                            jaar: y,
                            termijn: t.deadline(y),
                            dagen,
                            bestand: format!("{y}/{}/{}.yaml", n.id, kind.as_str()),
                            zonder_datum: super::status::present_without_date(sub, *kind),
                        });
                    }
                }
            }
        }
        match (n.rol, stukken.is_empty()) {
            (_, true) => {}
            (Rol::Sbo, false) => own.extend(stukken),
            (_, false) => out.push(Rappel { partij: n.id.clone(), naam: n.naam.clone(), rol: n.rol, stukken }),
        }
    }
    (out, own)
}

/// The minijinja environment over the reminder templates in `dir`: strict about undefined
/// values, no auto-escaping (plain text), block tags on their own lines leave no blank lines.
pub fn environment(dir: &Path) -> Result<Environment<'static>> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_auto_escape_callback(|_| AutoEscape::None);
    let syntax = minijinja::syntax::SyntaxConfig::builder()
        .trim_blocks(true)
        .lstrip_blocks(true)
        .keep_trailing_newline(true)
        .build();
    env.set_syntax(syntax.context("de sjabloonsyntaxis kan niet worden ingesteld")?);
    env.add_filter("omloop", |text: String, width: Option<usize>| wrap(&text, width.unwrap_or(72)));
    for name in TEMPLATES {
        let path = dir.join(name);
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("kan het rappelsjabloon `{}` niet lezen", path.display()))?;
        env.add_template_owned(name.to_string(), text)
            .with_context(|| format!("rappelsjabloon `{}` is ongeldig", path.display()))?;
    }
    Ok(env)
}

/// What the letter is about and who sends it.
pub struct Afzender<'a> {
    /// The construct's name.
    pub stelsel: &'a str,
    /// The board, e.g. `OGB-B`.
    pub beraad: &'a str,
    /// The SBO's name.
    pub sbo: &'a str,
    /// The meeting date.
    pub vergadering: Date,
    /// The reference date.
    pub peildatum: Date,
}

/// A rendered reminder: its subject line and its text (ending in a newline).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Brief {
    /// The subject.
    pub onderwerp: String,
    /// The letter.
    pub tekst: String,
}

/// Renders one party's reminder.
pub fn render(env: &Environment, r: &Rappel, a: &Afzender) -> Result<Brief> {
    let days = |n: i64| format!("{n} {}", if n == 1 { "dag" } else { "dagen" });
    let stukken: Vec<Value> = r
        .stukken
        .iter()
        .map(|s| {
            context! {
                naam => format!("{} {}", s.soort, s.jaar),
                soort => s.soort,
                jaar => s.jaar,
                termijn => nl::date(s.termijn),
                dagen => s.dagen,
                dagen_tekst => days(s.dagen),
                bestand => s.bestand.clone(),
                zonder_datum => s.zonder_datum,
            }
        })
        .collect();
    let names: Vec<String> = r.stukken.iter().map(|s| format!("{} {}", s.soort, s.jaar)).collect();
    let mut ctx = context! {
        partij => context! { id => r.partij.clone(), naam => r.naam.clone(), rol => r.rol.as_str() },
        stukken => stukken,
        opsomming => super::view::join(&names),
        peildatum => nl::date(a.peildatum),
        stelsel => a.stelsel,
        beraad => a.beraad,
        sbo => a.sbo,
        vergadering => context! { datum => nl::date(a.vergadering), komend => a.vergadering >= a.peildatum },
    };
    let render = |name: &str, ctx: &Value| -> Result<String> {
        let t = env.get_template(name).with_context(|| format!("rappelsjabloon `{name}` ontbreekt"))?;
        t.render(ctx).with_context(|| format!("rappelsjabloon `{name}` kan niet worden ingevuld voor `{}`", r.partij))
    };
    let onderwerp = render(TEMPLATES[1], &ctx)?.split_whitespace().collect::<Vec<_>>().join(" ");
    ctx = context! { onderwerp => onderwerp.clone(), ..ctx };
    let mut tekst = render(TEMPLATES[0], &ctx)?;
    if !tekst.ends_with('\n') {
        tekst.push('\n');
    }
    Ok(Brief { onderwerp, tekst })
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn wraps_long_lines_and_keeps_indented_ones() {
        let text = "een twee drie vier vijf zes\n    jaarcyclus check --organisatie een-heel-lange-id\nkort";
        assert_eq!(
            wrap(text, 10),
            "een twee\ndrie vier\nvijf zes\n    jaarcyclus check --organisatie een-heel-lange-id\nkort"
        );
    }
}
