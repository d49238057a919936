//! The pages of a year's site around the parties and the sources: the start page with the key
//! figures and the documents, a page per perspective with its roll-up SBO → TBO → party, the
//! list of parties, the findings and the list of source files.

use super::links::root_of;
use super::model::{Link, Site, amounts};
use crate::model::Rol;
use crate::nl;
use crate::view::tables::TaakstellendView;
use minijinja::Value;
use rust_decimal::Decimal;
use serde::Serialize;

/// One page: where it goes, its template and what the template reads.
pub struct Page {
    /// Relative to the site.
    pub path: String,
    /// The template's name in `templates/html/`.
    pub template: &'static str,
    /// `frame` (what every page shows) and `p` (the page's own data).
    pub context: Value,
}

/// What every page shows around its content.
#[derive(Serialize)]
pub struct Frame {
    /// The way up to the site's root: `""`, `"../"`, ….
    pub root: String,
    /// The page's title.
    pub titel: String,
    /// The construct's name.
    pub stelsel: String,
    /// The cycle year.
    pub jaar: i32,
    /// The sites of the other years of the build.
    pub jaren: Vec<JaarLink>,
    /// The way back: start page, …
    pub kruimels: Vec<Link>,
}

/// A year in the year navigation.
#[derive(Serialize)]
pub struct JaarLink {
    /// The year.
    pub jaar: i32,
    /// Its start page.
    pub href: String,
    /// This site's year.
    pub huidig: bool,
}

impl Site<'_> {
    /// A page at `path` with `titel`, the crumbs above it and the page's own data.
    pub fn page(
        &self,
        path: String,
        template: &'static str,
        titel: String,
        kruimels: Vec<Link>,
        p: impl Serialize,
    ) -> Page {
        let root = root_of(&path);
        let jaren = self
            .i
            .jaren
            .iter()
            .map(|&y| JaarLink { jaar: y, href: format!("{root}../../{y}/site/index.html"), huidig: y == self.jaar })
            .collect();
        let frame = Frame { root, titel, stelsel: self.stelsel.clone(), jaar: self.jaar, jaren, kruimels };
        let context = minijinja::context! { frame => Value::from(minijinja::value::Serde(&frame)), p => Value::from(minijinja::value::Serde(&p)) };
        Page { path, template, context }
    }

    /// The crumb to the start page from a page at `root`.
    pub fn home(&self, root: &str) -> Link {
        Link { tekst: format!("Jaarcyclus {}", self.jaar), href: format!("{root}index.html") }
    }

    /// The start page: key figures per perspective, the documents and tables, the way in.
    pub fn start(&self) -> Page {
        let (fouten, waarschuwingen) = self.tellingen();
        let kolommen = self.kolommen();
        let rijen: Vec<StartRij> = self
            .herkomsten
            .iter()
            .map(|h| {
                let cap = self.cap(&h.vraag.beleidsdoel);
                StartRij {
                    naam: h.beleidsdoel_naam.clone(),
                    href: self.perspective_page(&h.vraag.beleidsdoel).unwrap_or_default(),
                    bedragen: amounts(&h.kolommen, &h.integraal),
                    taakstellend: cap.and_then(|c| c.budget.clone()),
                    verschil: cap.and_then(|c| c.verschil.clone()),
                    boven: cap.is_some_and(|c| c.boven),
                }
            })
            .collect();
        let mut totaal = Vec::new();
        if let Some(first) = self.herkomsten.first() {
            for k in &first.kolommen {
                let sum: Decimal =
                    self.herkomsten.iter().map(|h| h.integraal.get(k).copied().unwrap_or_default()).sum();
                totaal.push(nl::eur(sum));
            }
        }
        let documenten = self
            .i
            .documenten
            .iter()
            .map(|d| Link { tekst: d.title(self.jaar), href: format!("../{}", d.file_name(self.jaar)) })
            .collect();
        let tabellen =
            self.i.tabellen.iter().map(|t| Link { tekst: t.clone(), href: format!("../tabellen/{t}") }).collect();
        let p = Start {
            figuur: self.figuur(),
            kolommen,
            rijen,
            totaal,
            documenten,
            tabellen,
            punten: self.doc.samenvatting.punten.clone(),
            partijen: self.i.r.org.nodes.len(),
            regels: self.i.r.lines.len(),
            fouten,
            waarschuwingen,
            bronnen: self.bronnen.len(),
        };
        self.page("index.html".into(), "start.html", format!("Jaarcyclus {} — {}", self.jaar, self.stelsel), vec![], p)
    }

    /// The cap of a perspective for the cycle year, when the document has one.
    fn cap(&self, id: &str) -> Option<&crate::view::tables::CapJaar> {
        self.taakstellend(id).and_then(|t| t.jaren.iter().find(|j| j.jaar == self.jaar))
    }

    fn taakstellend(&self, id: &str) -> Option<&TaakstellendView> {
        self.doc.taakstellend.iter().find(|t| t.id == id)
    }

    /// A perspective's page: the integral figure, every level of the roll-up with a link to
    /// each party, and the cap against the request with the difference over the financiers.
    pub fn perspective(&self, h: &crate::herkomst::Herkomst) -> Page {
        let path = self.perspective_page(&h.vraag.beleidsdoel).unwrap_or_default();
        let root = root_of(&path);
        let rijen = h
            .partijen
            .iter()
            .map(|p| {
                let node = self.i.r.org.node(&p.id);
                PerspectiefRij {
                    partij: self.party_link(&root, &p.id),
                    anker: format!("o-{}", self.partijen.get(&p.id).unwrap_or_default()),
                    rol: p.rol.as_str(),
                    // The SBO's consolidated figure is the integral one, as in the documents.
                    soort: if p.rol == Rol::Sbo { "integraal" } else { "geconsolideerd" },
                    diepte: node.map_or(0, |n| n.depth.min(6)),
                    eigen: amounts(&h.kolommen, &p.eigen),
                    geconsolideerd: p.geconsolideerd.as_ref().map(|g| amounts(&h.kolommen, g)),
                    regels: p.bronnen.len(),
                    opmerkingen: p.opmerkingen.clone(),
                }
            })
            .collect::<Vec<PerspectiefRij>>();
        // Without an SBO at the top (a broken line blocks a build, but not a check) the
        // integral figure gets a row of its own.
        let integraal_rij = !rijen.first().is_some_and(|r| r.soort == "integraal" && r.geconsolideerd.is_some());
        let p = Perspectief {
            integraal_rij,
            naam: h.beleidsdoel_naam.clone(),
            figuur: self.figuur(),
            kolommen: self.kolommen(),
            integraal: amounts(&h.kolommen, &h.integraal),
            rijen,
            taakstellend: self.taakstellend(&h.vraag.beleidsdoel).filter(|t| !t.verdeelsleutel.is_empty()).cloned(),
            onbekend: h.onbekend,
        };
        let titel = format!("{} — {}", h.beleidsdoel_naam, self.figuur());
        self.page(path, "perspectief.html", titel, vec![self.home(&root)], p)
    }

    /// The list of parties in reporting order, each with its role and where it reports.
    pub fn parties(&self) -> Page {
        let root = "";
        let mut count: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for l in &self.i.r.lines {
            *count.entry(l.party.as_str()).or_default() += 1;
        }
        let rijen = self
            .i
            .r
            .org
            .nodes
            .iter()
            .map(|n| PartijRij {
                partij: self.party_link(root, &n.id),
                rol: n.rol.as_str(),
                diepte: n.depth.min(6),
                rapporteert_aan: n.parent.as_ref().map(|p| self.party_link(root, p)),
                regels: count.get(n.id.as_str()).copied().unwrap_or_default(),
            })
            .collect();
        let groepen = self.i.r.org.nodes.iter().filter(|n| n.rol != Rol::Obo).count();
        let p = Partijen { rijen, groepen };
        self.page("partijen.html".into(), "partijen.html", "Partijen".into(), vec![self.home(root)], p)
    }

    /// Every finding about the year, each linked to its place in the source.
    pub fn findings(&self) -> Page {
        let root = "";
        let rijen = self
            .bevindingen
            .iter()
            .map(|d| Bevinding {
                code: d.code.as_str(),
                ernst: match (d.severity(), &d.aanvaard) {
                    (_, Some(_)) => "aanvaard",
                    (crate::diag::Severity::Error, _) => "fout",
                    _ => "waarschuwing",
                },
                partij: d
                    .organisatie
                    .as_deref()
                    .filter(|o| self.partijen.get(o).is_some())
                    .map(|o| self.party_link(root, o)),
                melding: d.message.clone(),
                hint: d.hint.clone(),
                bron: d.file.as_deref().and_then(|f| self.source_link(root, f, d.pos.map(|p| p.line))),
                plaats: d.file.clone(),
                reden: d.aanvaard.as_ref().map(|a| a.reden.clone()),
            })
            .collect();
        let (fouten, waarschuwingen) = self.tellingen();
        let p = Bevindingen { rijen, fouten, waarschuwingen };
        self.page("bevindingen.html".into(), "bevindingen.html", "Bevindingen".into(), vec![self.home(root)], p)
    }

    /// The list of every input file with a page.
    pub fn sources(&self) -> Page {
        let rijen: Vec<Link> =
            self.bronnen.iter().map(|(f, plek)| Link { tekst: f.clone(), href: plek.href() }).collect();
        self.page("bronnen.html".into(), "bronnen.html", "Bronbestanden".into(), vec![self.home("")], rijen)
    }
}

#[derive(Serialize)]
struct Start {
    figuur: String,
    kolommen: Vec<String>,
    rijen: Vec<StartRij>,
    totaal: Vec<String>,
    documenten: Vec<Link>,
    tabellen: Vec<Link>,
    punten: Vec<String>,
    partijen: usize,
    regels: usize,
    fouten: usize,
    waarschuwingen: usize,
    bronnen: usize,
}

#[derive(Serialize)]
struct StartRij {
    naam: String,
    href: String,
    bedragen: Vec<String>,
    taakstellend: Option<String>,
    verschil: Option<String>,
    boven: bool,
}

#[derive(Serialize)]
struct Perspectief {
    integraal_rij: bool,
    naam: String,
    figuur: String,
    kolommen: Vec<String>,
    integraal: Vec<String>,
    rijen: Vec<PerspectiefRij>,
    taakstellend: Option<TaakstellendView>,
    onbekend: usize,
}

#[derive(Serialize)]
struct PerspectiefRij {
    partij: Link,
    anker: String,
    rol: &'static str,
    soort: &'static str,
    diepte: usize,
    eigen: Vec<String>,
    geconsolideerd: Option<Vec<String>>,
    regels: usize,
    opmerkingen: Vec<String>,
}

#[derive(Serialize)]
struct Partijen {
    rijen: Vec<PartijRij>,
    groepen: usize,
}

#[derive(Serialize)]
struct PartijRij {
    partij: Link,
    rol: &'static str,
    diepte: usize,
    rapporteert_aan: Option<Link>,
    regels: usize,
}

#[derive(Serialize)]
struct Bevindingen {
    rijen: Vec<Bevinding>,
    fouten: usize,
    waarschuwingen: usize,
}

#[derive(Serialize)]
struct Bevinding {
    code: &'static str,
    ernst: &'static str,
    partij: Option<Link>,
    melding: String,
    hint: Option<String>,
    bron: Option<Link>,
    plaats: Option<String>,
    reden: Option<String>,
}
