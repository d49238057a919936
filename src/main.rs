//! The `jaarcyclus` command: parses arguments, calls the library, prints, returns the exit status.

mod cmd;

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// De planning- en controlcyclus van het beheer DSO-LV: aanleveringen controleren,
/// consolideren (van OBO via TBO naar SBO) en meerjarenplan, jaarplan, jaarrekening en vergaderstukken
/// als PDF zetten.
#[derive(Parser, Debug)]
#[command(
    name = "jaarcyclus",
    version,
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true
)]
#[command(
    override_usage = "jaarcyclus <OPDRACHT> [OPTIES]",
    help_template = "{about}\n\nGebruik: {usage}\n\n{all-args}{after-help}"
)]
#[command(subcommand_help_heading = "Opdrachten", subcommand_value_name = "OPDRACHT")]
#[command(
    after_help = "Uitgangsstatus: 0 geen fouten (waarschuwingen mogen), 1 de invoer bevat fouten, 2 de opdracht kon niet draaien."
)]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
    /// De gegevensmap met stelsel.yaml, afspraken.yaml, de jaarmappen en vergaderingen/ (standaard: data)
    #[arg(
        long,
        global = true,
        default_value = "data",
        hide_default_value = true,
        value_name = "MAP",
        help_heading = "Algemene opties"
    )]
    data: PathBuf,
    /// De map voor de documenten (standaard: out)
    #[arg(
        long,
        global = true,
        default_value = "out",
        hide_default_value = true,
        value_name = "MAP",
        help_heading = "Algemene opties"
    )]
    out: PathBuf,
    /// Toon deze hulp
    #[arg(short = 'h', long, action = clap::ArgAction::Help, global = true, help_heading = "Algemene opties")]
    help: Option<bool>,
    /// Toon de versie
    #[arg(short = 'V', long, action = clap::ArgAction::Version, help_heading = "Algemene opties")]
    version: Option<bool>,
}

#[derive(Subcommand, Debug)]
enum Cmd {
    /// Controleer de aanleveringen tegen het contract en meld alle bevindingen in één keer
    Check(CheckArgs),
    /// Controleer, consolideer en zet meerjarenplan, jaarplan en jaarrekening als PDF
    Build(BuildArgs),
    /// Maak de vergaderstukken voor één vergadering (en rappels voor late partijen)
    Stukken(StukkenArgs),
    /// Toon waar een bedrag uit de documenten vandaan komt: per niveau (integraal, geconsolideerd, eigen) tot op de bronregels
    Herkomst(HerkomstArgs),
    /// Zet de stukken van een nieuw cyclusjaar klaar uit die van het jaar ervoor (status concept)
    Sjabloon(SjabloonArgs),
    /// Lees een ingevulde werkmap (xlsx) in en schrijf de YAML-bestanden van het contract in de gegevensmap
    Import(ImportArgs),
    /// Ontvang de aanlevering van een partij: controleer, zet de bestanden in de gegevensmap, registreer de ontvangst en schrijf een ontvangstbevestiging
    Ontvang(cmd::ontvang::OntvangArgs),
    /// Schrijf het aanvulscript voor de shell (bash, zsh of fish) naar de standaarduitvoer
    #[command(
        override_usage = "jaarcyclus completions <SHELL>",
        next_help_heading = "Opties",
        help_template = "{about}\n\nGebruik: {usage}\n\n{all-args}"
    )]
    Completions {
        /// De shell: bash, zsh of fish
        #[arg(value_parser = ["bash", "zsh", "fish"], hide_possible_values = true)]
        shell: String,
    },
    /// Leg een meldingscode uit, bijvoorbeeld `jaarcyclus uitleg E304` (zonder code: alle codes)
    #[command(
        override_usage = "jaarcyclus uitleg [CODE]",
        next_help_heading = "Opties",
        help_template = "{about}\n\nGebruik: {usage}\n\n{all-args}"
    )]
    Uitleg {
        /// De code, bijvoorbeeld E304
        code: Option<String>,
    },
    /// Schrijf de JSON Schema's van de bestandssoorten, voor editors (yaml-language-server)
    #[command(
        override_usage = "jaarcyclus schema [SOORT] [OPTIES]",
        next_help_heading = "Opties",
        help_template = "{about}\n\nGebruik: {usage}\n\n{all-args}"
    )]
    Schema {
        #[arg(help = cmd::schema::soort_help())]
        soort: Option<String>,
        /// Schrijf alle schema's naar deze map (standaard: schema)
        #[arg(long, value_name = "MAP", default_value = "schema", hide_default_value = true)]
        map: PathBuf,
        /// Schrijf ook de editorinstellingen WERKMAP/.vscode/settings.json: `yaml.schemas` koppelt elk schema aan zijn bestanden in elke gegevensmap onder WERKMAP (bijv. `--editor .` vanuit de repository)
        #[arg(long, value_name = "WERKMAP", conflicts_with = "soort")]
        editor: Option<PathBuf>,
    },
}

#[derive(Args, Debug)]
#[command(
    next_help_heading = "Opties",
    override_usage = "jaarcyclus check [OPTIES]",
    help_template = "{about}\n\nGebruik: {usage}\n\n{all-args}"
)]
struct CheckArgs {
    /// Alleen dit cyclusjaar
    #[arg(long, value_name = "JAAR")]
    jaar: Option<i32>,
    /// Alleen de aanlevering van deze partij (plus stelsel.yaml en afspraken.yaml); controles over de hele boom vervallen
    #[arg(long, value_name = "ID")]
    organisatie: Option<String>,
    /// Peildatum (JJJJ-MM-DD) voor tijdigheid; standaard vandaag
    #[arg(long, value_name = "DATUM")]
    peildatum: Option<String>,
    /// Uitvoer: human (leesbaar, standaard), json, sarif (SARIF 2.1.0, voor code scanning) of github (annotaties in GitHub Actions)
    #[arg(long, value_name = "VORM", default_value = "human", hide_default_value = true, hide_possible_values = true, value_parser = ["human", "json", "sarif", "github"])]
    format: String,
    /// Blijf kijken: controleer opnieuw na elke opgeslagen wijziging in de gegevensmap (stoppen met Ctrl-C)
    #[arg(long)]
    watch: bool,
}

#[derive(Args, Debug)]
#[command(
    next_help_heading = "Opties",
    override_usage = "jaarcyclus build [OPTIES]",
    help_template = "{about}\n\nGebruik: {usage}\n\n{all-args}"
)]
struct BuildArgs {
    /// Het cyclusjaar; standaard de laatste jaarmap (en voor de jaarrekening het laatste jaar met realisaties)
    #[arg(long, value_name = "JAAR")]
    jaar: Option<i32>,
    /// Peildatum (JJJJ-MM-DD): bepaalt tijdigheid en is de datum op de documenten; standaard vandaag
    #[arg(long, value_name = "DATUM")]
    peildatum: Option<String>,
    /// Schrijf ook de Typst-bronnen en gegevens van elk document naar deze map
    #[arg(long, value_name = "MAP")]
    emit_typst: Option<PathBuf>,
    /// Toon de tijd per fase
    #[arg(long)]
    timings: bool,
    /// Map met een eigen huisstijl: bestanden daarin vervangen de ingebouwde sjablonen met dezelfde naam (bijvoorbeeld lib/huisstijl.typ, fonts/)
    #[arg(long, value_name = "MAP")]
    templates: Option<PathBuf>,
    /// Bouw opnieuw, ook als invoer, opties en programma gelijk zijn aan die van de vorige build
    #[arg(long)]
    opnieuw: bool,
    /// Blijf kijken: bouw opnieuw na elke opgeslagen wijziging in de gegevensmap en herschrijf alleen wat veranderde (stoppen met Ctrl-C)
    #[arg(long)]
    watch: bool,
}

#[derive(Args, Debug)]
#[command(
    next_help_heading = "Opties",
    override_usage = "jaarcyclus herkomst --jaar <JAAR> --beleidsdoel <ID> [OPTIES]",
    help_template = "{about}\n\nGebruik: {usage}\n\n{all-args}"
)]
struct HerkomstArgs {
    /// Het cyclusjaar
    #[arg(long, value_name = "JAAR")]
    jaar: i32,
    /// Het beleidsdoel (perspectief), bijvoorbeeld beheer
    #[arg(long, value_name = "ID")]
    beleidsdoel: String,
    /// Werk alleen de tak van deze partij uit tot op de bronregels (de niveaus erboven als totalen)
    #[arg(long, value_name = "ID")]
    organisatie: Option<String>,
    /// Welk bedrag: begroting (met de geldende wijzigingen), realisatie of voortgang (besteed en prognose)
    #[arg(long, value_name = "STUK", default_value = "begroting", hide_default_value = true, hide_possible_values = true, value_parser = ["begroting", "realisatie", "voortgang"])]
    stuk: String,
    /// Bij --stuk begroting: de jaarschijf van de meerjarenraming (JAAR tot en met JAAR+3); standaard JAAR
    #[arg(long, value_name = "JAAR")]
    jaarschijf: Option<i32>,
    /// Bij --stuk voortgang: het kwartaal (1, 2 of 3); standaard het laatste met een voortgangsrapportage
    #[arg(long, value_name = "K")]
    kwartaal: Option<u8>,
    /// Peildatum (JJJJ-MM-DD): bepaalt welke wijzigingen gelden en welke rapportages zijn aangeleverd; standaard vandaag
    #[arg(long, value_name = "DATUM")]
    peildatum: Option<String>,
    /// Uitvoer: human (leesbaar, standaard) of json
    #[arg(long, value_name = "VORM", default_value = "human", hide_default_value = true, hide_possible_values = true, value_parser = ["human", "json"])]
    format: String,
}

#[derive(Args, Debug)]
#[command(
    next_help_heading = "Opties",
    override_usage = "jaarcyclus sjabloon --jaar <JAAR> --format yaml|xlsx [OPTIES]",
    help_template = "{about}\n\nGebruik: {usage}\n\n{all-args}",
    long_about = "Zet plan.yaml en begroting.yaml van een nieuw cyclusjaar klaar in de gegevensmap, uit die van het jaar ervoor: \
doelen, resultaten (gereed een jaar later), risico's en beheerconsequenties overgenomen, de ramingen als \
beginbedragen (het laatste jaar herhaalt het jaar ervoor), de alternatieven als vertrekpunt; status concept. \
Met --format xlsx: per partij een werkmap met plan, begroting en (als die aan de beurt is) realisatie of \
voortgangsrapportage, met keuzelijsten; ingevuld met de huidige bestanden van het jaar, anders als hierboven. \
Lees hem terug met `jaarcyclus import`."
)]
struct SjabloonArgs {
    /// Het nieuwe cyclusjaar (de stukken van het jaar ervoor zijn het vertrekpunt)
    #[arg(long, value_name = "JAAR")]
    jaar: i32,
    /// Alleen voor deze partij (standaard: elke partij met stukken van het jaar ervoor)
    #[arg(long, value_name = "ID")]
    organisatie: Option<String>,
    /// Vorm: yaml (de bestanden van het contract, in de gegevensmap) of xlsx (per partij een werkmap om in te vullen, naar <out>/sjablonen/<ID>-<JAAR>.xlsx)
    #[arg(long, value_name = "VORM", hide_possible_values = true, value_parser = ["yaml", "xlsx"])]
    format: String,
    /// Alleen bij xlsx: neem de voortgangsrapportage na dit kwartaal (1-3) op in plaats van wat aan de beurt is
    #[arg(long, value_name = "K", value_parser = clap::value_parser!(u8).range(1..=3))]
    kwartaal: Option<u8>,
    /// Peildatum (JJJJ-MM-DD) die bepaalt wat aan de beurt is; standaard vandaag
    #[arg(long, value_name = "DATUM")]
    peildatum: Option<String>,
    /// Vervang bestaande bestanden (standaard: niets schrijven als er al een bestaat)
    #[arg(long)]
    overschrijven: bool,
}

#[derive(Args, Debug)]
#[command(
    next_help_heading = "Opties",
    override_usage = "jaarcyclus import <WERKMAP> [OPTIES]",
    help_template = "{about}\n\nGebruik: {usage}\n\n{all-args}"
)]
struct ImportArgs {
    /// De werkmap, bijvoorbeeld out/sjablonen/kadaster-obo-2027.xlsx
    werkmap: PathBuf,
    /// Vervang bestanden in de gegevensmap die nieuwer zijn dan de werkmap
    #[arg(long)]
    overschrijven: bool,
    /// Peildatum (JJJJ-MM-DD) voor de controle; standaard vandaag
    #[arg(long, value_name = "DATUM")]
    peildatum: Option<String>,
    /// Uitvoer: human (leesbaar, standaard), json, sarif (SARIF 2.1.0) of github (annotaties in GitHub Actions)
    #[arg(long, value_name = "VORM", default_value = "human", hide_default_value = true, hide_possible_values = true, value_parser = ["human", "json", "sarif", "github"])]
    format: String,
}

#[derive(Args, Debug)]
#[command(
    next_help_heading = "Opties",
    override_usage = "jaarcyclus stukken <VERGADERING> [OPTIES]",
    help_template = "{about}\n\nGebruik: {usage}\n\n{all-args}"
)]
struct StukkenArgs {
    /// Het vergaderbestand, bijvoorbeeld data/vergaderingen/2026-12-10-ogb-b.yaml
    vergadering: PathBuf,
    /// Peildatum (JJJJ-MM-DD); standaard de verzenddatum van de stukken (stukken_verzonden_op), anders vandaag
    #[arg(long, value_name = "DATUM")]
    peildatum: Option<String>,
    /// Schrijf ook rappels voor partijen die te laat zijn of niets aanleverden
    #[arg(long)]
    rappels: bool,
    /// Map met een eigen huisstijl: bestanden daarin vervangen de ingebouwde sjablonen met dezelfde naam (bijvoorbeeld lib/huisstijl.typ, fonts/)
    #[arg(long, value_name = "MAP")]
    templates: Option<PathBuf>,
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            use clap::error::ErrorKind::*;
            if matches!(e.kind(), DisplayHelp | DisplayVersion | DisplayHelpOnMissingArgumentOrSubcommand) {
                let _ = e.print();
                return if e.kind() == DisplayHelpOnMissingArgumentOrSubcommand {
                    ExitCode::from(2)
                } else {
                    ExitCode::SUCCESS
                };
            }
            use clap::CommandFactory;
            let args: Vec<String> = std::env::args().skip(1).collect();
            eprint!("{}", cmd::usage::message(&e, &Cli::command(), &args));
            return ExitCode::from(2);
        }
    };
    let exit = match cli.cmd {
        Cmd::Check(a) if a.watch => {
            cmd::check::watch(&cli.data, a.jaar, a.organisatie, a.peildatum.as_deref(), cmd::Format::parse(&a.format))
        }
        Cmd::Check(a) => {
            cmd::check::run(&cli.data, a.jaar, a.organisatie, a.peildatum.as_deref(), cmd::Format::parse(&a.format))
        }
        Cmd::Build(a) => (if a.watch { cmd::build::watch } else { cmd::build::run })(cmd::build::Args {
            data: cli.data,
            out: cli.out,
            jaar: a.jaar,
            peildatum: a.peildatum,
            emit_typst: a.emit_typst,
            timings: a.timings,
            templates: a.templates,
            opnieuw: a.opnieuw,
        }),
        Cmd::Stukken(a) => {
            cmd::stukken::run(&cli.data, &cli.out, &a.vergadering, a.peildatum.as_deref(), a.rappels, a.templates)
        }
        Cmd::Herkomst(a) => cmd::herkomst::run(
            &cli.data,
            cmd::herkomst::Args {
                jaar: a.jaar,
                beleidsdoel: a.beleidsdoel,
                organisatie: a.organisatie,
                stuk: a.stuk,
                jaarschijf: a.jaarschijf,
                kwartaal: a.kwartaal,
                peildatum: a.peildatum,
                json: a.format == "json",
            },
        ),
        Cmd::Sjabloon(a) if a.format == "xlsx" => cmd::sjabloon::xlsx(
            &cli.data,
            &cli.out,
            a.jaar,
            a.organisatie.as_deref(),
            a.kwartaal,
            a.overschrijven,
            a.peildatum.as_deref(),
        ),
        Cmd::Sjabloon(a) => cmd::sjabloon::run(&cli.data, a.jaar, a.organisatie.as_deref(), a.overschrijven),
        Cmd::Import(a) => cmd::import::run(
            &cli.data,
            &a.werkmap,
            a.overschrijven,
            a.peildatum.as_deref(),
            cmd::Format::parse(&a.format),
        ),
        Cmd::Ontvang(a) => cmd::ontvang::run(&cli.data, &cli.out, &a),
        Cmd::Completions { shell } => {
            use clap::CommandFactory;
            let shell = match shell.as_str() {
                "zsh" => clap_complete::Shell::Zsh,
                "fish" => clap_complete::Shell::Fish,
                _ => clap_complete::Shell::Bash,
            };
            clap_complete::generate(shell, &mut Cli::command(), "jaarcyclus", &mut std::io::stdout());
            cmd::Exit::Ok
        }
        Cmd::Uitleg { code } => cmd::uitleg::run(code.as_deref()),
        Cmd::Schema { soort, map, editor } => cmd::schema::run(soort.as_deref(), &map, editor.as_deref()),
    };
    exit.into()
}

/// The CLI definition, for `Command::debug_assert` and the `--help` snapshot.
#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn cli_is_consistent() {
        super::Cli::command().debug_assert();
    }

    /// Every shell's completion script names every command.
    #[test]
    fn completions_name_every_command() {
        for shell in [clap_complete::Shell::Bash, clap_complete::Shell::Zsh, clap_complete::Shell::Fish] {
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut super::Cli::command(), "jaarcyclus", &mut out);
            let text = String::from_utf8(out).unwrap();
            for sub in super::Cli::command().get_subcommands() {
                assert!(text.contains(sub.get_name()), "{shell}: {}", sub.get_name());
            }
        }
    }
}
