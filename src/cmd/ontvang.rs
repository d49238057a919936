//! `jaarcyclus ontvang`: a party's delivery received into the data root, with a bevestiging.

use super::{Exit, Format, fail, peildatum};
use jaarcyclus::diag::{Root, render_json};
use jaarcyclus::nl;
use jaarcyclus::pipeline::{OntvangOptions, ontvang};
use jaarcyclus::view::ontvangst::Uitkomst;
use std::path::{Path, PathBuf};

/// The arguments of `ontvang` (its clap definition; the command itself is in `main.rs`).
#[derive(clap::Args, Debug)]
#[command(
    next_help_heading = "Opties",
    override_usage = "jaarcyclus ontvang <BRON> --organisatie <ID> [OPTIES]",
    help_template = "{about}\n\nGebruik: {usage}\n\n{all-args}{after-help}",
    after_help = "Met fouten E0–E2 wordt niets ontvangen (uitgangsstatus 1) en zegt de bevestiging \"niet ontvangen\". \
Anders staan de bestanden in <JAAR>/<ID>/ in de gegevensmap, elk met een ontvangst in ontvangsten.yaml, en geldt elk \
stuk als aangeleverd op de ontvangstdatum. Een naam in BRON die geen bestand van het contract van de partij is, of \
bestanden die verschillende jaren noemen: uitgangsstatus 2, niets geschreven. De bevestiging (.txt en .eml) staat in \
<out>/ontvangsten/<ID>-<JAAR>-<tijdstip>.txt."
)]
pub struct OntvangArgs {
    /// Een map met bestanden van het contract van de partij (plan.yaml, begroting.yaml, realisatie.yaml, wijziging-<n>.yaml, voortgang-q<k>.yaml), of een ingevulde werkmap (.xlsx)
    #[arg(value_name = "BRON")]
    pub bron: PathBuf,
    /// De partij die aanlevert
    #[arg(long, value_name = "ID")]
    pub organisatie: String,
    /// Het cyclusjaar; standaard het jaar dat de bestanden noemen
    #[arg(long, value_name = "JAAR")]
    pub jaar: Option<i32>,
    /// Ontvangstdatum en peildatum van de controle (JJJJ-MM-DD); standaard vandaag. Het werkelijke tijdstip wordt altijd apart vastgelegd
    #[arg(long, value_name = "DATUM")]
    pub peildatum: Option<String>,
    /// Uitvoer: human (leesbaar, standaard), json, sarif (SARIF 2.1.0) of github (annotaties in GitHub Actions)
    #[arg(long, value_name = "VORM", default_value = "human", hide_default_value = true, hide_possible_values = true, value_parser = ["human", "json", "sarif", "github"])]
    pub format: String,
}

/// Runs `ontvang`.
pub fn run(data: &Path, out: &Path, a: &OntvangArgs) -> Exit {
    let peildatum = match peildatum(a.peildatum.as_deref()) {
        Ok(d) => d,
        Err(e) => return e,
    };
    let format = Format::parse(&a.format);
    let o = OntvangOptions { data, out, bron: &a.bron, organisatie: &a.organisatie, jaar: a.jaar, peildatum };
    let r = match ontvang(&o) {
        Ok(r) => r,
        Err(e) => return fail(nl::error_chain(e.as_ref())),
    };
    let words = |u: &Uitkomst| match u {
        Uitkomst::Ontvangen { geschreven: true } => "ontvangen".to_string(),
        Uitkomst::Ontvangen { geschreven: false } => "ontvangen (ongewijzigd)".to_string(),
        Uitkomst::AlOntvangen(d) => format!("al ontvangen op {}", nl::date(*d)),
        Uitkomst::NietOntvangen => "niet ontvangen".to_string(),
    };
    let mut lines = Vec::new();
    for b in &r.bestanden {
        lines.push(format!("{}: {} (sha256 {})", words(&b.uitkomst), data.join(&b.bestand).display(), b.sha256));
    }
    if !r.ontvangen {
        lines.push(
            "niets ontvangen: de aanlevering bevat fouten (E0–E2) die de bedragen onbetrouwbaar maken; herstel ze en lever opnieuw aan"
                .to_string(),
        );
    }
    lines.push(format!("bevestiging: {}", r.bevestiging[0].display()));
    match format {
        Format::Json => {
            let mut obj: serde_json::Value =
                serde_json::from_str(&render_json(&r.diags)).expect("render_json gives JSON");
            let files: Vec<_> = r
                .bestanden
                .iter()
                .map(|b| {
                    let al = match b.uitkomst {
                        Uitkomst::AlOntvangen(d) => Some(d.to_string()),
                        _ => None,
                    };
                    serde_json::json!({"bestand": b.bestand, "sha256": b.sha256, "uitkomst": words(&b.uitkomst), "al_ontvangen_op": al})
                })
                .collect();
            obj["ontvangen"] = r.ontvangen.into();
            obj["jaar"] = r.jaar.into();
            obj["bestanden"] = serde_json::Value::Array(files);
            obj["bevestiging"] = r.bevestiging.iter().map(|p| p.display().to_string()).collect();
            println!("{}", serde_json::to_string_pretty(&obj).expect("a JSON value always serialises"));
        }
        Format::Human => {
            print!("{}", format.render(&r.diags, &r.sources, Root::new(data)));
            for l in &lines {
                println!("{l}");
            }
        }
        Format::Sarif | Format::Github => {
            // The findings on stdout, as `check` prints them; what became of each file on stderr.
            let given = [a.bron.display().to_string()];
            print!("{}", format.render(&r.diags, &r.sources, Root::new(data).with_given(&given)));
            for l in &lines {
                eprintln!("{l}");
            }
        }
    }
    if !r.ontvangen || r.diags.errors() > 0 { Exit::Input } else { Exit::Ok }
}
