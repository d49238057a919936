//! What a year's website is made from, computed once: the document's view model (never
//! abridged), the herkomst of every perspective down to the source lines, and the names of
//! the pages. The pages (`pages`, `party`, `source`) read from here; every amount is formatted
//! by `nl` as in the documents.

use super::links::{Names, Plek, source_page};
use crate::diag::{Diagnostic, Diagnostics, Severity};
use crate::herkomst::{Herkomst, Kolom, Stuk, Vraag};
use crate::model::{CycleDoc, Doc, Tree, Year};
use crate::nl;
use crate::rollup::Rollup;
use crate::view::SiteParts;
use jiff::civil::Date;
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// What `build` hands the site of one cycle year.
pub struct Input<'a> {
    /// The checked tree.
    pub tree: &'a Tree,
    /// The roll-up of the year.
    pub r: &'a Rollup,
    /// Every finding of the run.
    pub diags: &'a Diagnostics,
    /// The reference date.
    pub peildatum: Date,
    /// The documents of the year (their PDFs are in the folder above the site).
    pub documenten: Vec<Doc>,
    /// The file names of the year's tables (in `../tabellen/`).
    pub tabellen: Vec<String>,
    /// Every year the build writes a site for, for the year navigation.
    pub jaren: Vec<Year>,
}

/// A link: its text and a relative address.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct Link {
    /// What the reader sees.
    pub tekst: String,
    /// Relative to the page it is on.
    pub href: String,
}

/// The data of a year's site.
pub struct Site<'a> {
    /// What it is made from.
    pub i: &'a Input<'a>,
    /// The cycle year.
    pub jaar: Year,
    /// The parts of the view model the pages share with the PDF (never abridged).
    pub doc: SiteParts,
    /// Which figure the perspectives trace: the begroting (plans), the realisation
    /// (jaarrekening) or the progress (a year with only a progress report).
    pub stuk: Stuk,
    /// The herkomst of each perspective with a figure, in `stelsel.yaml` order: every level
    /// of the roll-up down to the source lines.
    pub herkomsten: Vec<Herkomst>,
    /// Page names of the parties (by id).
    pub partijen: Names,
    /// Page names of the perspectives (by id).
    pub perspectieven: Names,
    /// The input files with a page: file (relative to the data root) → where its lines are.
    pub bronnen: BTreeMap<String, Plek>,
    /// The findings about this year or about no year.
    pub bevindingen: Vec<&'a Diagnostic>,
    /// The stelsel's name.
    pub stelsel: String,
}

impl<'a> Site<'a> {
    /// Computes what the pages of the year of `i.r` need.
    pub fn new(i: &'a Input<'a>) -> Site<'a> {
        let (tree, r) = (i.tree, i.r);
        let has = |c: CycleDoc| i.documenten.contains(&Doc::Cycle(c));
        let (kind, stuk) = if has(CycleDoc::Jaarrekening) {
            (CycleDoc::Jaarrekening, Stuk::Realisatie)
        } else if has(CycleDoc::Meerjarenplan) || has(CycleDoc::Jaarplan) {
            (CycleDoc::Meerjarenplan, Stuk::Begroting)
        } else {
            (CycleDoc::Jaarplan, Stuk::Voortgang)
        };
        let doc = crate::view::site_parts(kind, tree, r, i.diags, i.peildatum);
        let beleidsdoelen: Vec<String> =
            tree.stelsel.iter().flat_map(|st| st.beleidsdoelen.iter().map(|b| b.id.value.clone())).collect();
        let herkomsten: Vec<Herkomst> = beleidsdoelen
            .iter()
            .filter_map(|b| {
                let vraag = Vraag {
                    jaar: r.jaar,
                    jaarschijf: None,
                    beleidsdoel: b.clone(),
                    organisatie: None,
                    stuk,
                    kwartaal: None,
                    peildatum: i.peildatum,
                };
                crate::herkomst::herkomst(tree, &vraag).ok()
            })
            .filter(|h| h.partijen.iter().any(|p| !p.bronnen.is_empty()) || !h.integraal.values().all(Decimal::is_zero))
            .collect();
        let mut partijen = Names::default();
        for n in &r.org.nodes {
            partijen.name(&n.id);
        }
        let mut perspectieven = Names::default();
        for h in &herkomsten {
            perspectieven.name(&h.vraag.beleidsdoel);
        }
        let bevindingen: Vec<&Diagnostic> = crate::view::register::own_findings(i.diags, &[r.jaar]).collect();
        // The sources: the construct's own files, every file of the year, and every file a
        // finding or a source line points to.
        let prefix = format!("{}/", r.jaar);
        let mut files: BTreeSet<&str> =
            tree.sources.keys().map(String::as_str).filter(|f| !f.contains('/') || f.starts_with(&prefix)).collect();
        files.extend(bevindingen.iter().filter_map(|d| d.file.as_deref()).filter(|f| tree.sources.contains_key(*f)));
        files.extend(
            herkomsten
                .iter()
                .flat_map(|h| h.partijen.iter().flat_map(|p| p.bronnen.iter().map(|b| b.file.as_str())))
                .filter(|f| tree.sources.contains_key(*f)),
        );
        // A section name once per page: two files whose names differ only in characters a slug
        // replaces stay apart.
        let mut sections: BTreeMap<String, Names> = BTreeMap::new();
        let bronnen = files
            .into_iter()
            .map(|f| {
                let (page, sectie) = source_page(f);
                let sectie = sectie.map(|s| sections.entry(page.clone()).or_default().name(&s));
                (f.to_string(), Plek { page, sectie })
            })
            .collect();
        let stelsel = tree.stelsel.as_ref().map(|s| s.naam.clone()).unwrap_or_default();
        Site { i, jaar: r.jaar, doc, stuk, herkomsten, partijen, perspectieven, bronnen, bevindingen, stelsel }
    }

    /// The party whose folder of this year holds `file` (`<Y>/<party>/…`), if any.
    pub fn owner<'f>(&self, file: &'f str) -> Option<&'f str> {
        crate::layout::owner_in(file, self.jaar)
    }

    /// The page of a party, relative to the site.
    pub fn party_page(&self, id: &str) -> Option<String> {
        self.partijen.get(id).map(|s| format!("partij/{s}.html"))
    }

    /// The page of a perspective, relative to the site.
    pub fn perspective_page(&self, id: &str) -> Option<String> {
        self.perspectieven.get(id).map(|s| format!("perspectief/{s}.html"))
    }

    /// A link from a page at `root` to a place in an input file, when the file has a page.
    pub fn source_link(&self, root: &str, file: &str, line: Option<u32>) -> Option<Link> {
        let plek = self.bronnen.get(file)?;
        let (href, tekst) = match line {
            Some(n) => (format!("{root}{}#{}", plek.page, plek.line(n)), format!("{file}, regel {n}")),
            None => (format!("{root}{}", plek.href()), file.to_string()),
        };
        Some(Link { tekst, href })
    }

    /// A link from a page at `root` to a party's page, with the party's name.
    pub fn party_link(&self, root: &str, id: &str) -> Link {
        let tekst = self.i.r.org.naam(id).to_string();
        match self.party_page(id) {
            Some(p) => Link { tekst, href: format!("{root}{p}") },
            None => Link { tekst, href: String::new() },
        }
    }

    /// The column headings of the figures traced.
    pub fn kolommen(&self) -> Vec<String> {
        let kwartaal = self.herkomsten.iter().find_map(|h| h.kwartaal);
        let kolommen = self.herkomsten.first().map(|h| h.kolommen.clone()).unwrap_or_default();
        kolommen.iter().map(|k| kolom(*k, self.jaar, kwartaal)).collect()
    }

    /// The title of the figure traced, in words.
    pub fn figuur(&self) -> String {
        match self.stuk {
            Stuk::Begroting => format!("begroting {}", self.jaar),
            Stuk::Realisatie => format!("realisatie {}", self.jaar),
            Stuk::Voortgang => format!("voortgang {}", self.jaar),
        }
    }

    /// Errors and warnings (accepted findings not counted) among the year's findings.
    pub fn tellingen(&self) -> (usize, usize) {
        let fouten = self.bevindingen.iter().filter(|d| d.severity() == Severity::Error).count();
        let waarschuwingen =
            self.bevindingen.iter().filter(|d| d.severity() == Severity::Warning && d.aanvaard.is_none()).count();
        (fouten, waarschuwingen)
    }
}

/// A column heading.
pub fn kolom(k: Kolom, jaar: Year, kwartaal: Option<u8>) -> String {
    match k {
        Kolom::Begroting => format!("Begroting {jaar}"),
        Kolom::Mutaties => "Wijzigingen".into(),
        Kolom::Gewijzigd => "Na wijziging".into(),
        Kolom::Gerealiseerd => "Gerealiseerd".into(),
        Kolom::Besteed => match kwartaal {
            Some(q) => format!("Besteed t/m kwartaal {q}"),
            None => "Besteed".into(),
        },
        Kolom::Prognose => "Prognose".into(),
    }
}

/// The amounts of a figure in the order of its columns, in Dutch notation.
pub fn amounts(kolommen: &[Kolom], b: &crate::herkomst::Bedragen) -> Vec<String> {
    kolommen.iter().map(|k| nl::eur(b.get(k).copied().unwrap_or_default())).collect()
}
