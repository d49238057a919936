//! The closed value lists of the contract, spelled exactly as users write them.

macro_rules! spelled {
    ($(#[doc = $doc:literal] $name:ident { $($var:ident = $text:literal),* $(,)? })*) => {$(
        #[doc = $doc]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
        pub enum $name { $(#[doc = $text] $var,)* }

        impl $name {
            /// Every value, in the contract's order.
            pub const ALL: &'static [$name] = &[$($name::$var,)*];
            /// Every spelling, in the contract's order.
            pub const SPELLINGS: &'static [&'static str] = &[$($text,)*];

            /// The value as users write it.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$var => $text,)* }
            }

            /// Reads an exact spelling.
            pub fn parse(s: &str) -> Option<$name> {
                match s { $($text => Some($name::$var),)* _ => None }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    )*};
}

spelled! {
    /// The role of a party in the reporting line.
    Rol { Sbo = "SBO", Tbo = "TBO", Obo = "OBO" }
    /// Concept or final.
    Status { Concept = "concept", Definitief = "definitief" }
    /// Service level; ordered from lowest to highest.
    Niveau { Brons = "brons", Zilver = "zilver", Goud = "goud", Platina = "platina" }
    /// Cost type of a budget line.
    Kostensoort { Personeel = "personeel", Inhuur = "inhuur", Hosting = "hosting", Licenties = "licenties", Overig = "overig" }
    /// Whether an amount recurs every year or falls once (contract §14).
    Aard { Structureel = "structureel", Incidenteel = "incidenteel" }
    /// Likelihood or impact of a risk.
    Klasse { Laag = "laag", Midden = "midden", Hoog = "hoog" }
    /// Status of a plan result in the realisation.
    ResultaatStatus { Gerealiseerd = "gerealiseerd", Deels = "deels", Niet = "niet", Vervallen = "vervallen" }
    /// Document kind of a calendar entry.
    StukSoort { Plan = "plan", Realisatie = "realisatie", Voortgang = "voortgang" }
    /// Status of a plan result in a progress report (contract §11).
    VoortgangStatus {
        OpSchema = "op_schema", Risico = "risico", Achter = "achter", Gerealiseerd = "gerealiseerd",
        Vervallen = "vervallen"
    }
    /// Kind of agreement in the afsprakenstelsel.
    AfspraakSoort {
        Raamovereenkomst = "raamovereenkomst", Meerjarenovereenkomst = "meerjarenovereenkomst",
        Jaaropdracht = "jaaropdracht", Offerteaanvraag = "offerteaanvraag", Offerte = "offerte",
        Dno = "dno", Dap = "dap", Dfa = "dfa", Rolacceptatie = "rolacceptatie"
    }
    /// Status of an agreement (role acceptance).
    AfspraakStatus { Geaccepteerd = "geaccepteerd", Open = "open" }
    /// Kind of agenda item.
    AgendaSoort { Besluit = "besluit", Bespreking = "bespreking", Informatie = "informatie" }
    /// A cycle document.
    CycleDoc { Meerjarenplan = "meerjarenplan", Jaarplan = "jaarplan", Jaarrekening = "jaarrekening" }
    /// The document an agenda item concerns (contract §8).
    AgendaStuk {
        Meerjarenplan = "meerjarenplan", Jaarplan = "jaarplan", Jaarrekening = "jaarrekening",
        Voortgangsrapportage = "voortgangsrapportage"
    }
    /// The kinds of file under the data root.
    FileKind {
        Stelsel = "stelsel", Afspraken = "afspraken", Aanvaard = "aanvaard", Plan = "plan", Begroting = "begroting",
        Realisatie = "realisatie", Wijziging = "wijziging", Voortgang = "voortgang", Vergadering = "vergadering",
        Ontvangsten = "ontvangsten"
    }
}

impl Niveau {
    /// The Dutch label with a capital, for documents.
    pub fn label(self) -> &'static str {
        match self {
            Niveau::Brons => "Brons",
            Niveau::Zilver => "Zilver",
            Niveau::Goud => "Goud",
            Niveau::Platina => "Platina",
        }
    }
}

impl FileKind {
    /// The kinds a party delivers per year, with their file names.
    pub const SUBMISSION: [(FileKind, &'static str); 3] = [
        (FileKind::Plan, "plan.yaml"),
        (FileKind::Begroting, "begroting.yaml"),
        (FileKind::Realisatie, "realisatie.yaml"),
    ];

    /// The kind and number of a numbered submission file: `wijziging-<n>.yaml` (n ≥ 1) or
    /// `voortgang-q<k>.yaml` (any k; a quarter outside 1–3 is judged on the file's `kwartaal`).
    pub fn numbered(name: &str) -> Option<(FileKind, u32)> {
        let stem = name.strip_suffix(".yaml")?;
        let (kind, n) = if let Some(n) = stem.strip_prefix("wijziging-") {
            (FileKind::Wijziging, n)
        } else {
            (FileKind::Voortgang, stem.strip_prefix("voortgang-q")?)
        };
        let most = if kind == FileKind::Voortgang { 1 } else { 4 };
        if n.is_empty() || n.len() > most || !n.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        Some((kind, n.parse().ok()?))
    }
}

/// A document the program makes about a cycle year: a cycle document, or the progress report
/// after quarter k (contract §11).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Doc {
    /// Meerjarenplan, jaarplan or jaarrekening.
    Cycle(CycleDoc),
    /// The voortgangsrapportage after quarter k.
    Voortgang(u8),
}

impl Doc {
    /// The template's and the view's name: `jaarplan`, `voortgangsrapportage`, ….
    pub fn as_str(self) -> &'static str {
        match self {
            Doc::Cycle(c) => c.as_str(),
            Doc::Voortgang(_) => "voortgangsrapportage",
        }
    }

    /// The title for cycle year `y`, as on the cover.
    pub fn title(self, y: i32) -> String {
        match self {
            Doc::Cycle(c) => c.title(y),
            Doc::Voortgang(k) => {
                // Not nl::ordinal: nl imports model (the house keeps model free of it).
                let nth = match k {
                    1 => "eerste",
                    2 => "tweede",
                    _ => "derde",
                };
                format!("Voortgangsrapportage {y}, {nth} kwartaal")
            }
        }
    }

    /// The file name for cycle year `y` (contract §9).
    pub fn file_name(self, y: i32) -> String {
        match self {
            Doc::Cycle(c) => c.file_name(y),
            Doc::Voortgang(k) => format!("voortgangsrapportage-{y}-q{k}.pdf"),
        }
    }
}

impl AgendaStuk {
    /// The document, with the quarter of a progress report (`None` without one).
    pub fn doc(self, kwartaal: Option<u8>) -> Option<Doc> {
        match self.cycle() {
            Some(c) => Some(Doc::Cycle(c)),
            None => kwartaal.map(Doc::Voortgang),
        }
    }

    /// The cycle document, when it is one (not a progress report).
    pub fn cycle(self) -> Option<CycleDoc> {
        match self {
            AgendaStuk::Meerjarenplan => Some(CycleDoc::Meerjarenplan),
            AgendaStuk::Jaarplan => Some(CycleDoc::Jaarplan),
            AgendaStuk::Jaarrekening => Some(CycleDoc::Jaarrekening),
            AgendaStuk::Voortgangsrapportage => None,
        }
    }
}

impl VoortgangStatus {
    /// In words, for documents.
    pub fn label(self) -> &'static str {
        match self {
            VoortgangStatus::OpSchema => "op schema",
            VoortgangStatus::Risico => "risico",
            VoortgangStatus::Achter => "achter",
            VoortgangStatus::Gerealiseerd => "gerealiseerd",
            VoortgangStatus::Vervallen => "vervallen",
        }
    }
}

impl CycleDoc {
    /// The document's title for cycle year `y`, as on its cover.
    pub fn title(self, y: i32) -> String {
        match self {
            CycleDoc::Meerjarenplan => format!("Meerjarenplan en meerjarenbegroting {y}–{}", y + 3),
            CycleDoc::Jaarplan => format!("Jaarplan en jaarbegroting {y}"),
            CycleDoc::Jaarrekening => format!("Jaarrekening en verantwoording {y}"),
        }
    }

    /// The document's file name for cycle year `y` (contract §9).
    pub fn file_name(self, y: i32) -> String {
        match self {
            CycleDoc::Meerjarenplan => format!("meerjarenplan-{y}-{}.pdf", y + 3),
            _ => format!("{}-{y}.pdf", self.as_str()),
        }
    }
}
