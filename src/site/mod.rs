//! Stage `site`: a year's documents as a static website in `out/<Y>/site/`, from the same
//! view models as the PDFs, through the minijinja templates of `templates/html/` with HTML
//! auto-escaping. A reader clicks from the SBO's integral figure of a perspective through
//! every level to a party, a budget line and the line of the YAML file it was written on, and
//! back. No server, no external requests and no JavaScript; relative links only, so the folder
//! works from `file://`, a share or any static host; the same input gives the same bytes.

mod lines;
mod links;
mod model;
mod pages;
mod party;
mod source;

pub use model::Input;

use anyhow::{Context, Result};
use minijinja::{AutoEscape, Environment, UndefinedBehavior};

/// The templates of the site, built into the binary.
const TEMPLATES: &[(&str, &str)] = &[
    ("basis.html", include_str!("../../templates/html/basis.html")),
    ("start.html", include_str!("../../templates/html/start.html")),
    ("perspectief.html", include_str!("../../templates/html/perspectief.html")),
    ("partij.html", include_str!("../../templates/html/partij.html")),
    ("partijen.html", include_str!("../../templates/html/partijen.html")),
    ("bron.html", include_str!("../../templates/html/bron.html")),
    ("bronnen.html", include_str!("../../templates/html/bronnen.html")),
    ("bevindingen.html", include_str!("../../templates/html/bevindingen.html")),
];

/// The stylesheet: the house style of the documents for screen and print.
const STYLE: &str = include_str!("../../templates/html/stijl.css");

/// The template environment: every name must exist (a typo is an error, not an empty cell),
/// and every value is HTML-escaped unless the code marked it safe after escaping it itself.
fn environment() -> Result<Environment<'static>> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_auto_escape_callback(|_| AutoEscape::Html);
    env.set_formatter(|out, state, value| {
        if matches!(state.auto_escape(), AutoEscape::Html)
            && !value.is_safe()
            && let Some(s) = value.as_str()
        {
            return links::escape(s, out).map_err(minijinja::Error::from);
        }
        minijinja::escape_formatter(out, state, value)
    });
    env.set_syntax(
        minijinja::syntax::SyntaxConfig::builder().trim_blocks(true).lstrip_blocks(true).build().expect("plain syntax"),
    );
    for (name, text) in TEMPLATES {
        env.add_template(name, text).with_context(|| format!("sjabloon html/{name} is ongeldig"))?;
    }
    Ok(env)
}

/// Makes every file of the site of the year of `input.r` and hands each to `sink` as (path
/// relative to the site, bytes), in a fixed order, one at a time: a page is dropped once written.
pub fn site(input: &Input, sink: &mut dyn FnMut(&str, &[u8]) -> Result<()>) -> Result<()> {
    let env = environment()?;
    let s = model::Site::new(input);
    let g = party::Groups::new(&s);
    let back = party::back_links(&s, &g);
    let marks = source::finding_marks(&s);
    let mut put = |p: pages::Page| -> Result<()> {
        let html = env
            .get_template(p.template)
            .and_then(|t| t.render(&p.context))
            .with_context(|| format!("pagina {} kon niet worden gemaakt", p.path))?;
        sink(&p.path, html.as_bytes())
    };
    for p in [s.start(), s.parties(), s.findings(), s.sources()] {
        put(p)?;
    }
    for h in &s.herkomsten {
        put(s.perspective(h))?;
    }
    for n in &input.r.org.nodes {
        put(s.party(&g, &n.id))?;
    }
    // One page per party and year for its files, one per file of the construct.
    let mut bronnen: std::collections::BTreeMap<&str, Vec<&str>> = std::collections::BTreeMap::new();
    for (file, plek) in &s.bronnen {
        bronnen.entry(plek.page.as_str()).or_default().push(file.as_str());
    }
    for (page, files) in &bronnen {
        put(s.source(page, files, &back, &marks))?;
    }
    sink("stijl.css", STYLE.as_bytes())
}
