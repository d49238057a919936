//! Generator, vocabulary: the construct's fixed registers (as in the default data set) and the
//! Dutch phrases that synthetic plans and budgets are written with.

/// Financiers: id and name.
pub const FINANCIERS: &[(&str, &str)] = &[
    ("rijk", "Rijk (BZK en IenW)"),
    ("vng", "Vereniging van Nederlandse Gemeenten (VNG)"),
    ("ipo", "Interprovinciaal Overleg (IPO)"),
    ("uvw", "Unie van Waterschappen (UvW)"),
];

/// A policy perspective: id, name, board, verdeelsleutel (rijk, vng, ipo, uvw), the share of
/// budget lines in it (weight), and the cap as a per-mille of the request (`None`: no cap).
pub struct Perspective {
    /// The id.
    pub id: &'static str,
    /// The name.
    pub naam: &'static str,
    /// The governing board.
    pub beraad: &'static str,
    /// Percentages for rijk, vng, ipo, uvw.
    pub key: [&'static str; 4],
    /// Relative number of lines.
    pub weight: u64,
    /// Cap as per-mille of the total request; below 1000 means over the cap (W601).
    pub cap_permille: Option<i64>,
}

/// The perspectives of the construct.
pub const PERSPECTIVES: &[Perspective] = &[
    Perspective {
        id: "basis",
        naam: "Basisniveau: ontwikkeling en afbouw",
        beraad: "OGB-IWT",
        key: ["72.5", "20", "4.5", "3"],
        weight: 12,
        cap_permille: Some(1040),
    },
    Perspective {
        id: "beheer",
        naam: "Beheer en doorontwikkeling basisniveau",
        beraad: "OGB-B",
        key: ["19", "70", "6", "5"],
        weight: 70,
        cap_permille: Some(965),
    },
    Perspective {
        id: "uitbouw",
        naam: "Uitbouw naar ambitieniveau",
        beraad: "OGB-B",
        key: ["37.5", "50", "7.5", "5"],
        weight: 14,
        cap_permille: Some(1010),
    },
    Perspective {
        id: "iplo-wetgeving",
        naam: "IPLO kennis- en wetgevingsvragen Omgevingswet",
        beraad: "BZK/IenW (wetgeving)",
        key: ["100", "0", "0", "0"],
        weight: 4,
        cap_permille: None,
    },
];

/// A component: id, name, short code for line ids, and its features.
pub struct Component {
    /// The id.
    pub id: &'static str,
    /// The name.
    pub naam: &'static str,
    /// Upper-case code used in budget line ids.
    pub code: &'static str,
    /// Its features: id and name.
    pub features: &'static [(&'static str, &'static str)],
}

/// The components of the facility with their features.
pub const COMPONENTS: &[Component] = &[
    Component {
        id: "omgevingsloket",
        naam: "Omgevingsloket (aanvragen en meldingen, vergunningcheck-portaal)",
        code: "OL",
        features: &[
            ("patchmanagement", "Patchmanagement en kwartaalreleases"),
            ("aanvragen-meldingen", "Aanvragen en meldingen indienen"),
            ("samenwerken", "Samenwerkingsfunctionaliteit (gedeelde dossiers)"),
        ],
    },
    Component {
        id: "dso-viewer",
        naam: "DSO-viewer Regels op de kaart",
        code: "VIEWER",
        features: &[
            ("regels-op-de-kaart", "Regels op de kaart"),
            ("nieuwe-viewer", "Nieuwe DSO-viewer (vervanging Regels op de kaart)"),
        ],
    },
    Component {
        id: "ozon",
        naam: "OZON (Omgevingsdocumenten ontsluiten)",
        code: "OZON",
        features: &[
            ("ozon-verwerking", "Verwerking en presentatie omgevingsdocumenten"),
            ("ozon-koppelvlak", "Koppelvlak OZON met LVBB en bevoegd gezag"),
            ("open-apis", "Open API's omgevingsinformatie voor derden"),
        ],
    },
    Component {
        id: "toepasbare-regels",
        naam: "Register Toepasbare Regels (RTR)",
        code: "RTR",
        features: &[("vergunningcheck", "Vergunningcheck en toepasbare regels")],
    },
    Component {
        id: "stelselcatalogus",
        naam: "Stelselcatalogus Omgevingswet",
        code: "CAT",
        features: &[("begrippenkader", "Begrippen en waardelijsten")],
    },
    Component {
        id: "standaarden",
        naam: "Standaarden STOP en TPOD",
        code: "STOP",
        features: &[
            ("stop-tpod-releases", "Releases en validatieregels STOP/TPOD"),
            ("tijdreizen", "Tijdreizen en geconsolideerde regelingen"),
        ],
    },
    Component {
        id: "keteninfrastructuur",
        naam: "Keteninfrastructuur, Knooppunt en ketentestomgeving",
        code: "KETEN",
        features: &[
            ("ketentest", "Indringend ketentesten (IKT)"),
            ("monitoring", "Monitoring, hosting en beschikbaarheid"),
        ],
    },
    Component {
        id: "iplo",
        naam: "Informatiepunt Leefomgeving (IPLO)",
        code: "IPLO",
        features: &[
            ("iplo-helpdesk", "Digitale helpdesk DSO"),
            ("iplo-kennisbank", "Kennisbank en vraagbeantwoording Omgevingswet"),
        ],
    },
    Component {
        id: "stelselregie",
        naam: "Stelselregie en P&C-cyclus DSO-LV",
        code: "REGIE",
        features: &[("pc-cyclus", "Regie, opdrachtgeverschap en P&C-cyclus")],
    },
];

/// Cost types with the code used in line ids and the activities they pay for.
pub const KOSTENSOORTEN: &[(&str, &str, &[&str])] = &[
    ("personeel", "PERS", &["Beheer en onderhoud", "Functioneel beheer", "Doorontwikkeling", "Applicatiebeheer"]),
    ("inhuur", "INH", &["Inhuur specialisten voor", "Versterking ontwikkelteam", "Externe expertise"]),
    ("hosting", "HOST", &["Hosting en rekencapaciteit", "Opslag en netwerk", "Cloudplatform"]),
    ("licenties", "LIC", &["Licenties en ondersteuning", "Middleware en beveiligingssoftware"]),
    ("overig", "OVR", &["Opleiding en kennisdeling", "Gebruikersonderzoek en communicatie"]),
];

/// Relative frequency of the cost types (personeel first).
pub const KOSTENSOORT_WEIGHTS: &[u64] = &[45, 25, 12, 10, 8];

/// Names of the parties' home organisations.
pub const ORGANISATIONS: &[&str] = &[
    "Kadaster",
    "Geonovum",
    "Rijkswaterstaat",
    "Logius",
    "ICTU",
    "Het Waterschapshuis",
    "VNG Realisatie",
    "RVO",
    "Informatiehuis Water",
    "Omgevingsdienst NL",
    "Bij12",
    "SSC-ICT",
];

/// Regions, to tell apart several teams of one home organisation.
pub const REGIONS: &[&str] = &["Noord", "Oost", "Zuid", "West", "Midden", "Randstad"];

/// What a goal aims at, per perspective.
pub fn goal_texts(perspective: &str) -> &'static [(&'static str, &'static str, &'static str)] {
    match perspective {
        "basis" => &[
            ("Afbouw van de basisfunctionaliteit conform het GPvE", "openstaande GPvE-restpunten", "hoogstens 10"),
            ("Basisniveau opgeleverd en overgedragen aan beheer", "overgedragen componenten", "100%"),
        ],
        "uitbouw" => &[
            ("Uitbouw naar ambitieniveau: samenwerken en open informatie", "opgeleverde features", "4"),
            ("Nieuwe functionaliteit voor bevoegde gezagen in gebruik", "aantal aangesloten gezagen", "80"),
        ],
        "iplo-wetgeving" => &[("Vragen over de Omgevingswet snel en juist beantwoord", "binnen vijf werkdagen", "90%")],
        _ => &[
            ("Stabiele en veilige landelijke voorziening", "beschikbaarheid binnen het servicevenster", "99,5%"),
            ("Omgevingsdocumenten tijdig en volledig raadpleegbaar", "besluiten binnen 24 uur zichtbaar", "97%"),
            ("Incidenten snel en volgens de DNO afgehandeld", "P1-incidenten binnen vier uur opgelost", "95%"),
            ("Tevreden gebruikers bij bevoegde gezagen en initiatiefnemers", "gebruikerstevredenheid", "7,5"),
        ],
    }
}

/// What a result delivers.
pub const RESULT_TEXTS: &[&str] = &[
    "Kwartaalreleases en patchbeleid volgens de DNO",
    "Monitoring en logging gemigreerd naar het nieuwe platform",
    "Verwerkingsketen opgeschaald voor piekbelasting",
    "GPvE-restpunten afgebouwd",
    "Release opgeleverd en in productie genomen",
    "Ketentest doorlopen zonder blokkerende bevindingen",
    "Hosting overgezet naar de overheidscloud",
    "Documentatie en kennisbank bijgewerkt",
];

/// Outlook phrases.
pub const OUTLOOK_TEXTS: &[&str] = &[
    "Overstap hosting naar de overheidscloud",
    "Vervanging verouderde componenten (levenscyclusbeheer)",
    "Herijking dienstverleningsniveau na evaluatie van het gebruik",
    "Afbouw basisniveau afgerond; alleen nog beheer en doorontwikkeling",
];

/// Risks: description and mitigation.
pub const RISKS: &[(&str, &str)] = &[
    ("Schaarste aan ervaren beheerders en ontwikkelaars", "Gezamenlijke pool met andere beheerpartijen"),
    ("Beveiligingsincident of ernstige verstoring", "Pentests per kwartaal en geoefend calamiteitenplan"),
    ("Afhankelijkheid van leveranciers voor hosting en licenties", "Exitstrategie en meerjarige contracten"),
    ("Kosten niet zuiver aan beleidsdoelen toegerekend", "Feature based costing per sprint"),
    ("Vertraging in besluitvorming over het dienstverleningsniveau", "Alternatieven tijdig aan het OGB-B voorgelegd"),
];

/// Explanations of variances.
pub const VARIANCE_REASONS: &[&str] = &[
    "Extra inzet na een verstoring in het voorjaar",
    "Aanbesteding van inhuur vertraagd; werk schuift door naar het volgende jaar",
    "Hogere opslag- en rekenkosten door volumegroei",
    "Minder inhuur nodig doordat het werk sneller is opgeleverd",
    "Prijsindexatie van contracten hoger dan geraamd",
];
