//! A party's page: where it stands in the tree, its figure per perspective, its goals and
//! results, every budget line with its amounts over the years, the wijzigingen and the
//! realisation, each amount linked to the line of the file it comes from, its alternatives,
//! risks, deliveries and findings.

use super::lines::{Herkomst, Regel, Rekening};
use super::links::{Names, root_of};
use super::model::{Link, Site, amounts};
use super::pages::Page;
use crate::herkomst::{Bron, Soort};
use crate::model::Year;
use crate::nl;
use crate::rollup::{Line, Variance};
use crate::view::options::{PartijAlternatieven, RisicoView};
use crate::view::plan::{DoelView, ResultaatView};
use crate::view::register::Aanlevering;
use serde::Serialize;
use std::collections::HashMap;

/// Everything of the site grouped by party once (a thousand parties must not each scan every
/// list).
#[derive(Default)]
pub struct Groups<'s> {
    /// Budget lines of the year, per party.
    pub lines: HashMap<&'s str, Vec<&'s Line>>,
    /// Realisation per line, per party.
    pub variances: HashMap<&'s str, Vec<&'s Variance>>,
    /// Source lines per party and budget line, with the perspective's index.
    pub bronnen: HashMap<(&'s str, &'s str), Vec<&'s Bron>>,
    /// The anchor of each budget line on its party's page, per party.
    pub anchors: HashMap<&'s str, Names>,
    /// Each party's figure in each traced perspective (index into `herkomsten`).
    figures: HashMap<(usize, &'s str), &'s crate::herkomst::Partij>,
    /// The input files of the year in each party's folder.
    files: HashMap<&'s str, Vec<&'s str>>,
    /// Each party's begroting lines of the year, by id, with the file.
    regels: HashMap<(&'s str, &'s str), (&'s crate::model::Regel, &'s str)>,
    doelen: HashMap<&'s str, Vec<&'s DoelView>>,
    resultaten: HashMap<&'s str, Vec<&'s ResultaatView>>,
    risicos: HashMap<&'s str, Vec<&'s RisicoView>>,
    alternatieven: HashMap<&'s str, &'s PartijAlternatieven>,
    aanleveringen: HashMap<&'s str, Vec<&'s Aanlevering>>,
}

impl<'s> Groups<'s> {
    /// Groups the site's lists by party.
    pub fn new(site: &'s Site) -> Groups<'s> {
        let mut g = Groups::default();
        for l in &site.i.r.lines {
            g.lines.entry(l.party.as_str()).or_default().push(l);
        }
        for p in &site.i.r.verantwoording.parties {
            g.variances.entry(p.party.as_str()).or_default().extend(p.lines.iter());
        }
        for (i, h) in site.herkomsten.iter().enumerate() {
            for p in &h.partijen {
                g.figures.insert((i, p.id.as_str()), p);
                for b in &p.bronnen {
                    g.bronnen.entry((p.id.as_str(), b.regel.as_str())).or_default().push(b);
                }
            }
        }
        for n in &site.i.r.org.nodes {
            let mut names = Names::default();
            let ids = g.lines.get(n.id.as_str()).into_iter().flatten().map(|l| l.id.as_str());
            let extra = g.variances.get(n.id.as_str()).into_iter().flatten().map(|v| v.id.as_str());
            for id in ids.chain(extra) {
                names.name(id);
            }
            g.anchors.insert(n.id.as_str(), names);
        }
        for n in &site.i.r.org.nodes {
            if let Some(b) = site.i.tree.submission(site.jaar, &n.id).and_then(|s| s.begroting.as_ref()) {
                for r in &b.regels {
                    g.regels.entry((n.id.as_str(), r.id.value.as_str())).or_insert((r, b.file.as_str()));
                }
            }
        }
        for f in site.bronnen.keys() {
            if let Some(party) = site.owner(f) {
                g.files.entry(party).or_default().push(f.as_str());
            }
        }
        // The document's lists name parties by name; the page is by id.
        let by_name: HashMap<&str, &str> =
            site.i.r.org.nodes.iter().map(|n| (n.naam.as_str(), n.id.as_str())).collect();
        let id = |naam: &str| by_name.get(naam).copied();
        for p in &site.doc.perspectieven {
            for d in &p.doelen {
                g.doelen.entry(id(&d.partij).unwrap_or_default()).or_default().push(d);
            }
            for r in &p.resultaten {
                g.resultaten.entry(id(&r.partij).unwrap_or_default()).or_default().push(r);
            }
        }
        for r in &site.doc.risicos {
            g.risicos.entry(id(&r.partij).unwrap_or_default()).or_default().push(r);
        }
        for a in &site.doc.alternatieven.partijen {
            if let Some(i) = id(&a.partij) {
                g.alternatieven.insert(i, a);
            }
        }
        for a in &site.doc.aanleveringen {
            g.aanleveringen.entry(id(&a.partij).unwrap_or_default()).or_default().push(a);
        }
        g
    }

    /// The anchor of a budget line on its party's page: `regel-<id>`.
    pub fn anchor(&self, party: &str, regel: &str) -> Option<String> {
        self.anchors.get(party).and_then(|n| n.get(regel)).map(|s| format!("regel-{s}"))
    }
}

impl Site<'_> {
    /// The page of party `id`.
    pub fn party(&self, g: &Groups, id: &str) -> Page {
        let path = self.party_page(id).unwrap_or_default();
        let root = root_of(&path);
        let r = self.i.r;
        let node = r.org.node(id);
        let cijfers = self
            .herkomsten
            .iter()
            .enumerate()
            .filter_map(|(i, h)| {
                let p = *g.figures.get(&(i, id))?;
                // A perspective the party has nothing in is no figure of its.
                let nothing =
                    p.bronnen.is_empty() && p.geconsolideerd.is_none() && p.eigen.values().all(|d| d.is_zero());
                if nothing && p.opmerkingen.is_empty() {
                    return None;
                }
                let page = self.perspective_page(&h.vraag.beleidsdoel)?;
                Some(Cijfer {
                    perspectief: Link {
                        tekst: h.beleidsdoel_naam.clone(),
                        href: format!("{root}{page}#o-{}", self.partijen.get(id).unwrap_or_default()),
                    },
                    eigen: amounts(&h.kolommen, &p.eigen),
                    geconsolideerd: p.geconsolideerd.as_ref().map(|c| amounts(&h.kolommen, c)),
                    opmerkingen: p.opmerkingen.clone(),
                })
            })
            .collect();
        let mut regels: Vec<Regel> = g.lines.get(id).into_iter().flatten().map(|l| self.line(g, &root, l)).collect();
        // Lines with a realisation but no budget line of the year: new by a wijziging, or unknown.
        let mut at: HashMap<String, usize> = HashMap::with_capacity(regels.len());
        for (i, r) in regels.iter().enumerate() {
            at.entry(r.id.clone()).or_insert(i);
        }
        for v in g.variances.get(id).into_iter().flatten() {
            match at.get(&v.id) {
                Some(&i) => regels[i].rekening = Some(rekening(v)),
                None => regels.push(self.new_line(g, &root, id, v)),
            }
        }
        let files: Vec<Link> =
            g.files.get(id).into_iter().flatten().filter_map(|f| self.source_link(&root, f, None)).collect();
        let bevindingen = self
            .bevindingen
            .iter()
            .filter(|d| d.organisatie.as_deref() == Some(id))
            .map(|d| Melding {
                code: d.code.as_str(),
                melding: d.message.clone(),
                bron: d.file.as_deref().and_then(|f| self.source_link(&root, f, d.pos.map(|p| p.line))),
                aanvaard: d.aanvaard.is_some(),
            })
            .collect();
        let p = Partij {
            naam: r.org.naam(id).to_string(),
            rol: node.map_or("", |n| n.rol.as_str()),
            boven: node.and_then(|n| n.parent.as_ref()).map(|p| self.party_link(&root, p)),
            onder: node.map(|n| n.children.iter().map(|c| self.party_link(&root, c)).collect()).unwrap_or_default(),
            kolommen: self.kolommen(),
            figuur: self.figuur(),
            cijfers,
            regels: minijinja::Value::from_safe_string(super::lines::render(&regels, &r.jaren, self.jaar)),
            doelen: g.doelen.get(id).cloned().unwrap_or_default(),
            resultaten: g.resultaten.get(id).cloned().unwrap_or_default(),
            alternatieven: g.alternatieven.get(id).copied(),
            risicos: g.risicos.get(id).cloned().unwrap_or_default(),
            aanleveringen: g.aanleveringen.get(id).cloned().unwrap_or_default(),
            bevindingen,
            bestanden: files,
        };
        let titel = p.naam.clone();
        let crumbs = vec![self.home(&root), Link { tekst: "Partijen".into(), href: format!("{root}partijen.html") }];
        self.page(path, "partij.html", titel, crumbs, p)
    }

    fn line(&self, g: &Groups, root: &str, l: &Line) -> Regel {
        let st = self.i.tree.stelsel.as_ref();
        // The begroting's line, unless the herkomst table below already links to it.
        let traced = g
            .bronnen
            .get(&(l.party.as_str(), l.id.as_str()))
            .is_some_and(|bs| bs.iter().any(|b| matches!(b.soort, Soort::Begroting)));
        let bron = g.regels.get(&(l.party.as_str(), l.id.as_str())).filter(|_| !traced).and_then(|(regel, file)| {
            let line = regel.bedragen.get(&self.jaar).map_or(regel.id.pos.line, |a| a.pos.line);
            self.source_link(root, file, Some(line))
        });
        Regel {
            anker: g.anchor(&l.party, &l.id).unwrap_or_default(),
            id: l.id.clone(),
            omschrijving: l.omschrijving.clone(),
            beleidsdoel: self.perspective_link(root, &l.beleidsdoel),
            component: st
                .and_then(|s| s.componenten.iter().find(|c| c.id.value == l.component))
                .map_or_else(|| l.component.clone(), |c| c.naam.clone()),
            kostensoort: l.kostensoort.as_str(),
            feature: l.feature.clone(),
            resultaten: l.resultaten.clone(),
            bedragen: self
                .i
                .r
                .jaren
                .iter()
                .map(|y| nl::money(l.bedragen.get(y).copied().unwrap_or_default()))
                .collect(),
            bron,
            herkomst: self.origin(g, root, &l.party, &l.id),
            rekening: None,
        }
    }

    fn new_line(&self, g: &Groups, root: &str, party: &str, v: &Variance) -> Regel {
        Regel {
            anker: g.anchor(party, &v.id).unwrap_or_default(),
            id: v.id.clone(),
            omschrijving: v.omschrijving.clone().unwrap_or_else(|| "onbekende regel".into()),
            beleidsdoel: v
                .beleidsdoel
                .as_deref()
                .map(|b| self.perspective_link(root, b))
                .unwrap_or(Link { tekst: String::new(), href: String::new() }),
            component: String::new(),
            kostensoort: "",
            feature: None,
            resultaten: Vec::new(),
            bedragen: Vec::new(),
            bron: None,
            herkomst: self.origin(g, root, party, &v.id),
            rekening: Some(rekening(v)),
        }
    }

    fn perspective_link(&self, root: &str, id: &str) -> Link {
        let tekst = self.i.tree.stelsel.as_ref().map_or_else(|| id.to_string(), |s| s.perspective_name(id));
        let href = self.perspective_page(id).map(|p| format!("{root}{p}")).unwrap_or_default();
        Link { tekst, href }
    }

    /// Every amount in a file that adds to the traced figure for this line.
    fn origin(&self, g: &Groups, root: &str, party: &str, regel: &str) -> Vec<Herkomst> {
        let y: Year = self.jaar;
        g.bronnen
            .get(&(party, regel))
            .into_iter()
            .flatten()
            .map(|b| Herkomst {
                wat: match &b.soort {
                    Soort::Begroting => format!("Begroting {y}"),
                    Soort::Wijziging { nummer, vastgesteld_op } => match vastgesteld_op {
                        Some(d) => format!("Wijziging {nummer}, vastgesteld {}", nl::date(*d)),
                        None => format!("Wijziging {nummer}"),
                    },
                    Soort::Realisatie => format!("Realisatie {y}"),
                    Soort::Voortgang { kwartaal } => {
                        format!("Voortgang kwartaal {kwartaal}: {}", super::model::kolom(b.kolom, y, Some(*kwartaal)))
                    }
                },
                bedrag: nl::eur(b.bedrag),
                bron: self.source_link(root, &b.file, Some(b.pos.line)),
                want: b.want.clone(),
            })
            .collect()
    }
}

fn rekening(v: &Variance) -> Rekening {
    Rekening {
        begroot: nl::money(v.begroting),
        mutaties: nl::eur(v.mutaties),
        gewijzigd: nl::money(v.budget),
        gerealiseerd: v.realisation.map(nl::money),
        verschil: v.difference.map(nl::eur),
        procent: v.percent.map(nl::percent),
        boven_norm: v.above_norm,
        toelichting: v.toelichting.clone(),
    }
}

#[derive(Serialize)]
struct Partij<'s> {
    naam: String,
    rol: &'static str,
    boven: Option<Link>,
    onder: Vec<Link>,
    kolommen: Vec<String>,
    figuur: String,
    cijfers: Vec<Cijfer>,
    /// The table of the lines and their sections, written by `lines::render`.
    regels: minijinja::Value,
    doelen: Vec<&'s DoelView>,
    resultaten: Vec<&'s ResultaatView>,
    alternatieven: Option<&'s PartijAlternatieven>,
    risicos: Vec<&'s RisicoView>,
    aanleveringen: Vec<&'s Aanlevering>,
    bevindingen: Vec<Melding>,
    bestanden: Vec<Link>,
}

#[derive(Serialize)]
struct Cijfer {
    perspectief: Link,
    eigen: Vec<String>,
    geconsolideerd: Option<Vec<String>>,
    opmerkingen: Vec<String>,
}

#[derive(Serialize)]
struct Melding {
    code: &'static str,
    melding: String,
    bron: Option<Link>,
    aanvaard: bool,
}

/// Per file and line, the budget lines whose amounts stand there: the way back from a source
/// page to the party's page.
pub fn back_links<'s>(site: &'s Site, g: &Groups) -> super::source::Back<'s> {
    let mut out: super::source::Back<'s> = HashMap::new();
    for h in &site.herkomsten {
        for p in &h.partijen {
            let Some(page) = site.party_page(&p.id) else { continue };
            for b in &p.bronnen {
                let Some(anchor) = g.anchor(&p.id, &b.regel) else { continue };
                let entry = out.entry(b.file.as_str()).or_default().entry(b.pos.line).or_default();
                let target = (format!("{page}#{anchor}"), format!("regel {} van {}", b.regel, p.naam));
                if !entry.contains(&target) {
                    entry.push(target);
                }
            }
        }
    }
    out
}
