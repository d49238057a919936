//! Typeset stage, letters: the reminder letters (rappels) rendered from the minijinja texts
//! `templates/rappel/*.txt.j2` — plain text, no escaping, every value defined.

use super::templates::Templates;
use crate::model::Delivery;
use crate::nl;
use crate::nl::wrap;
use crate::view::reminders::Rappel;
use crate::view::text::join;
use anyhow::{Context, Result};
use jiff::civil::Date;
use minijinja::value::Value;
use minijinja::{AutoEscape, Environment, UndefinedBehavior, context};

/// The reminder templates: the letter and its subject line.
pub const TEMPLATES: [&str; 2] = ["brief.txt.j2", "onderwerp.txt.j2"];

/// The minijinja environment over the reminder templates: strict about undefined values, no
/// auto-escaping (plain text), block tags on their own lines leave no blank lines.
pub fn environment(templates: &Templates) -> Result<Environment<'static>> {
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
        let path = format!("rappel/{name}");
        let text = templates.letters.get(&path).with_context(|| format!("het rappelsjabloon `{path}` ontbreekt"))?;
        env.add_template_owned(name.to_string(), text.clone())
            .with_context(|| format!("rappelsjabloon `{path}` is ongeldig"))?;
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
            let dagen = match s.delivery {
                Delivery::Overdue(n) => n,
                _ => 0,
            };
            context! {
                naam => format!("{} {}", s.naam, s.jaar),
                soort => s.naam,
                jaar => s.jaar,
                termijn => nl::date(s.termijn),
                dagen => dagen,
                dagen_tekst => days(dagen),
                bestand => s.bestand.clone(),
                zonder_datum => s.zonder_datum,
            }
        })
        .collect();
    let names: Vec<String> = r.stukken.iter().map(|s| format!("{} {}", s.naam, s.jaar)).collect();
    let mut ctx = context! {
        partij => context! { id => r.partij.clone(), naam => r.naam.clone(), rol => r.rol.as_str() },
        stukken => stukken,
        opsomming => join(&names),
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
