//! ISO 3166-1 country codes.
//!
//! [`CountryCode`] is a small `Copy` handle onto a static table of every
//! officially assigned ISO 3166-1 code (249 entries). It converts between
//! alpha-2 (`"US"`), alpha-3 (`"USA"`, or `"usa"` in lower case) and numeric
//! (`840`) forms without allocating.
//!
//! Serde support:
//!
//! * By default, a `CountryCode` serializes as its alpha-2 string. It
//!   deserializes strictly from an upper-case alpha-2 string, following the
//!   same rules as [`CountryCode::from_alpha2`].
//! * [`alpha3_lower`] is a `#[serde(with = "...")]` module that writes lower-case
//!   alpha-3 (`"usa"`) and reads alpha-3 in any case. Use
//!   [`alpha3_lower::option`] for `Option<CountryCode>` fields.
//!
//! ```
//! use payments_core::country::CountryCode;
//!
//! let us = CountryCode::from_alpha2("US")?;
//! assert_eq!(us.alpha3(), "USA");
//! assert_eq!(us.alpha3_lower(), "usa");
//! assert_eq!(us.numeric(), 840);
//! assert_eq!(CountryCode::from_alpha3("usa")?, us);
//! assert!(CountryCode::from_alpha2("us").is_err());
//! # Ok::<(), payments_core::country::InvalidCountry>(())
//! ```

use std::fmt;
use std::str::FromStr;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Every officially assigned ISO 3166-1 code as
/// `(alpha-2, alpha-3, alpha-3 in lower case, numeric)`, sorted by alpha-2.
///
/// The sort order allows alpha-2 lookups to use binary search. It also means
/// that ordering [`CountryCode`]s by table index is the same as ordering them
/// by alpha-2. User-assigned codes such as `XK` are not included.
static COUNTRIES: &[(&str, &str, &str, u16)] = &[
    ("AD", "AND", "and", 20),  // Andorra
    ("AE", "ARE", "are", 784), // United Arab Emirates
    ("AF", "AFG", "afg", 4),   // Afghanistan
    ("AG", "ATG", "atg", 28),  // Antigua and Barbuda
    ("AI", "AIA", "aia", 660), // Anguilla
    ("AL", "ALB", "alb", 8),   // Albania
    ("AM", "ARM", "arm", 51),  // Armenia
    ("AO", "AGO", "ago", 24),  // Angola
    ("AQ", "ATA", "ata", 10),  // Antarctica
    ("AR", "ARG", "arg", 32),  // Argentina
    ("AS", "ASM", "asm", 16),  // American Samoa
    ("AT", "AUT", "aut", 40),  // Austria
    ("AU", "AUS", "aus", 36),  // Australia
    ("AW", "ABW", "abw", 533), // Aruba
    ("AX", "ALA", "ala", 248), // Åland Islands
    ("AZ", "AZE", "aze", 31),  // Azerbaijan
    ("BA", "BIH", "bih", 70),  // Bosnia and Herzegovina
    ("BB", "BRB", "brb", 52),  // Barbados
    ("BD", "BGD", "bgd", 50),  // Bangladesh
    ("BE", "BEL", "bel", 56),  // Belgium
    ("BF", "BFA", "bfa", 854), // Burkina Faso
    ("BG", "BGR", "bgr", 100), // Bulgaria
    ("BH", "BHR", "bhr", 48),  // Bahrain
    ("BI", "BDI", "bdi", 108), // Burundi
    ("BJ", "BEN", "ben", 204), // Benin
    ("BL", "BLM", "blm", 652), // Saint Barthélemy
    ("BM", "BMU", "bmu", 60),  // Bermuda
    ("BN", "BRN", "brn", 96),  // Brunei Darussalam
    ("BO", "BOL", "bol", 68),  // Bolivia, Plurinational State of
    ("BQ", "BES", "bes", 535), // Bonaire, Sint Eustatius and Saba
    ("BR", "BRA", "bra", 76),  // Brazil
    ("BS", "BHS", "bhs", 44),  // Bahamas
    ("BT", "BTN", "btn", 64),  // Bhutan
    ("BV", "BVT", "bvt", 74),  // Bouvet Island
    ("BW", "BWA", "bwa", 72),  // Botswana
    ("BY", "BLR", "blr", 112), // Belarus
    ("BZ", "BLZ", "blz", 84),  // Belize
    ("CA", "CAN", "can", 124), // Canada
    ("CC", "CCK", "cck", 166), // Cocos (Keeling) Islands
    ("CD", "COD", "cod", 180), // Congo, The Democratic Republic of the
    ("CF", "CAF", "caf", 140), // Central African Republic
    ("CG", "COG", "cog", 178), // Congo
    ("CH", "CHE", "che", 756), // Switzerland
    ("CI", "CIV", "civ", 384), // Côte d'Ivoire
    ("CK", "COK", "cok", 184), // Cook Islands
    ("CL", "CHL", "chl", 152), // Chile
    ("CM", "CMR", "cmr", 120), // Cameroon
    ("CN", "CHN", "chn", 156), // China
    ("CO", "COL", "col", 170), // Colombia
    ("CR", "CRI", "cri", 188), // Costa Rica
    ("CU", "CUB", "cub", 192), // Cuba
    ("CV", "CPV", "cpv", 132), // Cabo Verde
    ("CW", "CUW", "cuw", 531), // Curaçao
    ("CX", "CXR", "cxr", 162), // Christmas Island
    ("CY", "CYP", "cyp", 196), // Cyprus
    ("CZ", "CZE", "cze", 203), // Czechia
    ("DE", "DEU", "deu", 276), // Germany
    ("DJ", "DJI", "dji", 262), // Djibouti
    ("DK", "DNK", "dnk", 208), // Denmark
    ("DM", "DMA", "dma", 212), // Dominica
    ("DO", "DOM", "dom", 214), // Dominican Republic
    ("DZ", "DZA", "dza", 12),  // Algeria
    ("EC", "ECU", "ecu", 218), // Ecuador
    ("EE", "EST", "est", 233), // Estonia
    ("EG", "EGY", "egy", 818), // Egypt
    ("EH", "ESH", "esh", 732), // Western Sahara
    ("ER", "ERI", "eri", 232), // Eritrea
    ("ES", "ESP", "esp", 724), // Spain
    ("ET", "ETH", "eth", 231), // Ethiopia
    ("FI", "FIN", "fin", 246), // Finland
    ("FJ", "FJI", "fji", 242), // Fiji
    ("FK", "FLK", "flk", 238), // Falkland Islands (Malvinas)
    ("FM", "FSM", "fsm", 583), // Micronesia, Federated States of
    ("FO", "FRO", "fro", 234), // Faroe Islands
    ("FR", "FRA", "fra", 250), // France
    ("GA", "GAB", "gab", 266), // Gabon
    ("GB", "GBR", "gbr", 826), // United Kingdom
    ("GD", "GRD", "grd", 308), // Grenada
    ("GE", "GEO", "geo", 268), // Georgia
    ("GF", "GUF", "guf", 254), // French Guiana
    ("GG", "GGY", "ggy", 831), // Guernsey
    ("GH", "GHA", "gha", 288), // Ghana
    ("GI", "GIB", "gib", 292), // Gibraltar
    ("GL", "GRL", "grl", 304), // Greenland
    ("GM", "GMB", "gmb", 270), // Gambia
    ("GN", "GIN", "gin", 324), // Guinea
    ("GP", "GLP", "glp", 312), // Guadeloupe
    ("GQ", "GNQ", "gnq", 226), // Equatorial Guinea
    ("GR", "GRC", "grc", 300), // Greece
    ("GS", "SGS", "sgs", 239), // South Georgia and the South Sandwich Islands
    ("GT", "GTM", "gtm", 320), // Guatemala
    ("GU", "GUM", "gum", 316), // Guam
    ("GW", "GNB", "gnb", 624), // Guinea-Bissau
    ("GY", "GUY", "guy", 328), // Guyana
    ("HK", "HKG", "hkg", 344), // Hong Kong
    ("HM", "HMD", "hmd", 334), // Heard Island and McDonald Islands
    ("HN", "HND", "hnd", 340), // Honduras
    ("HR", "HRV", "hrv", 191), // Croatia
    ("HT", "HTI", "hti", 332), // Haiti
    ("HU", "HUN", "hun", 348), // Hungary
    ("ID", "IDN", "idn", 360), // Indonesia
    ("IE", "IRL", "irl", 372), // Ireland
    ("IL", "ISR", "isr", 376), // Israel
    ("IM", "IMN", "imn", 833), // Isle of Man
    ("IN", "IND", "ind", 356), // India
    ("IO", "IOT", "iot", 86),  // British Indian Ocean Territory
    ("IQ", "IRQ", "irq", 368), // Iraq
    ("IR", "IRN", "irn", 364), // Iran, Islamic Republic of
    ("IS", "ISL", "isl", 352), // Iceland
    ("IT", "ITA", "ita", 380), // Italy
    ("JE", "JEY", "jey", 832), // Jersey
    ("JM", "JAM", "jam", 388), // Jamaica
    ("JO", "JOR", "jor", 400), // Jordan
    ("JP", "JPN", "jpn", 392), // Japan
    ("KE", "KEN", "ken", 404), // Kenya
    ("KG", "KGZ", "kgz", 417), // Kyrgyzstan
    ("KH", "KHM", "khm", 116), // Cambodia
    ("KI", "KIR", "kir", 296), // Kiribati
    ("KM", "COM", "com", 174), // Comoros
    ("KN", "KNA", "kna", 659), // Saint Kitts and Nevis
    ("KP", "PRK", "prk", 408), // Korea, Democratic People's Republic of
    ("KR", "KOR", "kor", 410), // Korea, Republic of
    ("KW", "KWT", "kwt", 414), // Kuwait
    ("KY", "CYM", "cym", 136), // Cayman Islands
    ("KZ", "KAZ", "kaz", 398), // Kazakhstan
    ("LA", "LAO", "lao", 418), // Lao People's Democratic Republic
    ("LB", "LBN", "lbn", 422), // Lebanon
    ("LC", "LCA", "lca", 662), // Saint Lucia
    ("LI", "LIE", "lie", 438), // Liechtenstein
    ("LK", "LKA", "lka", 144), // Sri Lanka
    ("LR", "LBR", "lbr", 430), // Liberia
    ("LS", "LSO", "lso", 426), // Lesotho
    ("LT", "LTU", "ltu", 440), // Lithuania
    ("LU", "LUX", "lux", 442), // Luxembourg
    ("LV", "LVA", "lva", 428), // Latvia
    ("LY", "LBY", "lby", 434), // Libya
    ("MA", "MAR", "mar", 504), // Morocco
    ("MC", "MCO", "mco", 492), // Monaco
    ("MD", "MDA", "mda", 498), // Moldova, Republic of
    ("ME", "MNE", "mne", 499), // Montenegro
    ("MF", "MAF", "maf", 663), // Saint Martin (French part)
    ("MG", "MDG", "mdg", 450), // Madagascar
    ("MH", "MHL", "mhl", 584), // Marshall Islands
    ("MK", "MKD", "mkd", 807), // North Macedonia
    ("ML", "MLI", "mli", 466), // Mali
    ("MM", "MMR", "mmr", 104), // Myanmar
    ("MN", "MNG", "mng", 496), // Mongolia
    ("MO", "MAC", "mac", 446), // Macao
    ("MP", "MNP", "mnp", 580), // Northern Mariana Islands
    ("MQ", "MTQ", "mtq", 474), // Martinique
    ("MR", "MRT", "mrt", 478), // Mauritania
    ("MS", "MSR", "msr", 500), // Montserrat
    ("MT", "MLT", "mlt", 470), // Malta
    ("MU", "MUS", "mus", 480), // Mauritius
    ("MV", "MDV", "mdv", 462), // Maldives
    ("MW", "MWI", "mwi", 454), // Malawi
    ("MX", "MEX", "mex", 484), // Mexico
    ("MY", "MYS", "mys", 458), // Malaysia
    ("MZ", "MOZ", "moz", 508), // Mozambique
    ("NA", "NAM", "nam", 516), // Namibia
    ("NC", "NCL", "ncl", 540), // New Caledonia
    ("NE", "NER", "ner", 562), // Niger
    ("NF", "NFK", "nfk", 574), // Norfolk Island
    ("NG", "NGA", "nga", 566), // Nigeria
    ("NI", "NIC", "nic", 558), // Nicaragua
    ("NL", "NLD", "nld", 528), // Netherlands
    ("NO", "NOR", "nor", 578), // Norway
    ("NP", "NPL", "npl", 524), // Nepal
    ("NR", "NRU", "nru", 520), // Nauru
    ("NU", "NIU", "niu", 570), // Niue
    ("NZ", "NZL", "nzl", 554), // New Zealand
    ("OM", "OMN", "omn", 512), // Oman
    ("PA", "PAN", "pan", 591), // Panama
    ("PE", "PER", "per", 604), // Peru
    ("PF", "PYF", "pyf", 258), // French Polynesia
    ("PG", "PNG", "png", 598), // Papua New Guinea
    ("PH", "PHL", "phl", 608), // Philippines
    ("PK", "PAK", "pak", 586), // Pakistan
    ("PL", "POL", "pol", 616), // Poland
    ("PM", "SPM", "spm", 666), // Saint Pierre and Miquelon
    ("PN", "PCN", "pcn", 612), // Pitcairn
    ("PR", "PRI", "pri", 630), // Puerto Rico
    ("PS", "PSE", "pse", 275), // Palestine, State of
    ("PT", "PRT", "prt", 620), // Portugal
    ("PW", "PLW", "plw", 585), // Palau
    ("PY", "PRY", "pry", 600), // Paraguay
    ("QA", "QAT", "qat", 634), // Qatar
    ("RE", "REU", "reu", 638), // Réunion
    ("RO", "ROU", "rou", 642), // Romania
    ("RS", "SRB", "srb", 688), // Serbia
    ("RU", "RUS", "rus", 643), // Russian Federation
    ("RW", "RWA", "rwa", 646), // Rwanda
    ("SA", "SAU", "sau", 682), // Saudi Arabia
    ("SB", "SLB", "slb", 90),  // Solomon Islands
    ("SC", "SYC", "syc", 690), // Seychelles
    ("SD", "SDN", "sdn", 729), // Sudan
    ("SE", "SWE", "swe", 752), // Sweden
    ("SG", "SGP", "sgp", 702), // Singapore
    ("SH", "SHN", "shn", 654), // Saint Helena, Ascension and Tristan da Cunha
    ("SI", "SVN", "svn", 705), // Slovenia
    ("SJ", "SJM", "sjm", 744), // Svalbard and Jan Mayen
    ("SK", "SVK", "svk", 703), // Slovakia
    ("SL", "SLE", "sle", 694), // Sierra Leone
    ("SM", "SMR", "smr", 674), // San Marino
    ("SN", "SEN", "sen", 686), // Senegal
    ("SO", "SOM", "som", 706), // Somalia
    ("SR", "SUR", "sur", 740), // Suriname
    ("SS", "SSD", "ssd", 728), // South Sudan
    ("ST", "STP", "stp", 678), // Sao Tome and Principe
    ("SV", "SLV", "slv", 222), // El Salvador
    ("SX", "SXM", "sxm", 534), // Sint Maarten (Dutch part)
    ("SY", "SYR", "syr", 760), // Syrian Arab Republic
    ("SZ", "SWZ", "swz", 748), // Eswatini
    ("TC", "TCA", "tca", 796), // Turks and Caicos Islands
    ("TD", "TCD", "tcd", 148), // Chad
    ("TF", "ATF", "atf", 260), // French Southern Territories
    ("TG", "TGO", "tgo", 768), // Togo
    ("TH", "THA", "tha", 764), // Thailand
    ("TJ", "TJK", "tjk", 762), // Tajikistan
    ("TK", "TKL", "tkl", 772), // Tokelau
    ("TL", "TLS", "tls", 626), // Timor-Leste
    ("TM", "TKM", "tkm", 795), // Turkmenistan
    ("TN", "TUN", "tun", 788), // Tunisia
    ("TO", "TON", "ton", 776), // Tonga
    ("TR", "TUR", "tur", 792), // Türkiye
    ("TT", "TTO", "tto", 780), // Trinidad and Tobago
    ("TV", "TUV", "tuv", 798), // Tuvalu
    ("TW", "TWN", "twn", 158), // Taiwan, Province of China
    ("TZ", "TZA", "tza", 834), // Tanzania, United Republic of
    ("UA", "UKR", "ukr", 804), // Ukraine
    ("UG", "UGA", "uga", 800), // Uganda
    ("UM", "UMI", "umi", 581), // United States Minor Outlying Islands
    ("US", "USA", "usa", 840), // United States
    ("UY", "URY", "ury", 858), // Uruguay
    ("UZ", "UZB", "uzb", 860), // Uzbekistan
    ("VA", "VAT", "vat", 336), // Holy See (Vatican City State)
    ("VC", "VCT", "vct", 670), // Saint Vincent and the Grenadines
    ("VE", "VEN", "ven", 862), // Venezuela, Bolivarian Republic of
    ("VG", "VGB", "vgb", 92),  // Virgin Islands, British
    ("VI", "VIR", "vir", 850), // Virgin Islands, U.S.
    ("VN", "VNM", "vnm", 704), // Viet Nam
    ("VU", "VUT", "vut", 548), // Vanuatu
    ("WF", "WLF", "wlf", 876), // Wallis and Futuna
    ("WS", "WSM", "wsm", 882), // Samoa
    ("YE", "YEM", "yem", 887), // Yemen
    ("YT", "MYT", "myt", 175), // Mayotte
    ("ZA", "ZAF", "zaf", 710), // South Africa
    ("ZM", "ZMB", "zmb", 894), // Zambia
    ("ZW", "ZWE", "zwe", 716), // Zimbabwe
];

/// The longest piece of rejected input that is repeated in an error message.
const MAX_ECHO_CHARS: usize = 32;

/// An officially assigned ISO 3166-1 country code.
///
/// The value is an index into a static table, so it is `Copy`, needs no
/// allocation, and converts to any of the code's forms for free. Ordering
/// follows the alpha-2 code. `Display`, `FromStr` and the default serde
/// representation all use the upper-case alpha-2 code.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CountryCode(u16);

impl CountryCode {
    /// Parses an alpha-2 code such as `"US"`.
    ///
    /// The input must be exactly two ASCII upper-case letters and must be an
    /// officially assigned code. Lower-case input is rejected, and the error
    /// message suggests the upper-case form.
    ///
    /// # Errors
    ///
    /// Returns [`InvalidCountry`] if `s` has the wrong shape or is not an
    /// assigned code.
    pub fn from_alpha2(s: &str) -> Result<Self, InvalidCountry> {
        let bytes = s.as_bytes();
        if bytes.len() != 2 || !bytes.iter().all(u8::is_ascii_uppercase) {
            let example = if bytes.len() == 2 && bytes.iter().all(u8::is_ascii_alphabetic) {
                s.to_ascii_uppercase()
            } else {
                String::from("US")
            };
            return Err(InvalidCountry::new(format!(
                "{} is not an ISO 3166-1 alpha-2 code \
                 (expected two upper-case letters, e.g. \"{example}\")",
                Echo(s)
            )));
        }
        match COUNTRIES.binary_search_by(|entry| entry.0.cmp(s)) {
            Ok(index) => Ok(Self::from_index(index)),
            Err(_) => Err(InvalidCountry::new(format!(
                "{} is not an assigned ISO 3166-1 alpha-2 code",
                Echo(s)
            ))),
        }
    }

    /// Parses an alpha-3 code such as `"USA"`. Case is ignored, so `"usa"` and
    /// `"Usa"` are also accepted.
    ///
    /// # Errors
    ///
    /// Returns [`InvalidCountry`] if `s` is not three ASCII letters or is not
    /// an assigned code.
    pub fn from_alpha3(s: &str) -> Result<Self, InvalidCountry> {
        let bytes = s.as_bytes();
        if bytes.len() != 3 || !bytes.iter().all(u8::is_ascii_alphabetic) {
            return Err(InvalidCountry::new(format!(
                "{} is not an ISO 3166-1 alpha-3 code \
                 (expected three letters, e.g. \"USA\" or \"usa\")",
                Echo(s)
            )));
        }
        COUNTRIES
            .iter()
            .position(|entry| entry.1.eq_ignore_ascii_case(s))
            .map(Self::from_index)
            .ok_or_else(|| {
                InvalidCountry::new(format!(
                    "{} is not an assigned ISO 3166-1 alpha-3 code",
                    Echo(s)
                ))
            })
    }

    /// The alpha-2 code in upper case, e.g. `"US"`.
    #[must_use]
    pub fn alpha2(self) -> &'static str {
        self.entry().0
    }

    /// The alpha-3 code in upper case, e.g. `"USA"`.
    #[must_use]
    pub fn alpha3(self) -> &'static str {
        self.entry().1
    }

    /// The alpha-3 code in lower case, e.g. `"usa"`.
    #[must_use]
    pub fn alpha3_lower(self) -> &'static str {
        self.entry().2
    }

    /// The numeric code, e.g. `840` for the United States. Some codes are
    /// written with leading zeros (`"004"` for Afghanistan), but the value
    /// returned here has none.
    #[must_use]
    pub fn numeric(self) -> u16 {
        self.entry().3
    }

    #[allow(
        clippy::cast_possible_truncation,
        reason = "the table has 249 entries, so every index fits in a u16"
    )]
    fn from_index(index: usize) -> Self {
        Self(index as u16)
    }

    fn entry(self) -> &'static (&'static str, &'static str, &'static str, u16) {
        &COUNTRIES[usize::from(self.0)]
    }
}

impl fmt::Debug for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("CountryCode").field(&self.alpha2()).finish()
    }
}

impl fmt::Display for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.alpha2())
    }
}

impl FromStr for CountryCode {
    type Err = InvalidCountry;

    /// Parses an alpha-2 code in the same way as [`CountryCode::from_alpha2`].
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::from_alpha2(s)
    }
}

impl Serialize for CountryCode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.alpha2())
    }
}

impl<'de> Deserialize<'de> for CountryCode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(CodeVisitor(Form::Alpha2))
    }
}

/// The form of code that [`CodeVisitor`] reads.
#[derive(Clone, Copy)]
enum Form {
    /// Strict upper-case alpha-2.
    Alpha2,
    /// Alpha-3 in any case.
    Alpha3,
}

/// Reads a [`CountryCode`] from a string in the given [`Form`].
struct CodeVisitor(Form);

impl Visitor<'_> for CodeVisitor {
    type Value = CountryCode;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Form::Alpha2 => f.write_str("an ISO 3166-1 alpha-2 country code string such as \"US\""),
            Form::Alpha3 => {
                f.write_str("an ISO 3166-1 alpha-3 country code string such as \"usa\"")
            }
        }
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<CountryCode, E> {
        match self.0 {
            Form::Alpha2 => CountryCode::from_alpha2(v),
            Form::Alpha3 => CountryCode::from_alpha3(v),
        }
        .map_err(E::custom)
    }
}

/// Serde `with` module that stores a [`CountryCode`] as a lower-case alpha-3
/// code (`"usa"`). When reading, alpha-3 is accepted in any case.
///
/// ```
/// use payments_core::country::CountryCode;
/// use serde::{Deserialize, Serialize};
///
/// #[derive(Serialize, Deserialize)]
/// struct Address {
///     #[serde(with = "payments_core::country::alpha3_lower")]
///     country: CountryCode,
///     #[serde(with = "payments_core::country::alpha3_lower::option", default)]
///     nationality: Option<CountryCode>,
/// }
/// ```
pub mod alpha3_lower {
    use serde::{Deserializer, Serializer};

    use super::{CodeVisitor, CountryCode, Form};

    /// Serializes `code` as its lower-case alpha-3 string.
    ///
    /// # Errors
    ///
    /// Passes on any error from `serializer`.
    pub fn serialize<S: Serializer>(code: &CountryCode, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(code.alpha3_lower())
    }

    /// Deserializes a [`CountryCode`] from an alpha-3 string in any case.
    ///
    /// # Errors
    ///
    /// Fails if the input is not a string or is not an assigned alpha-3 code.
    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<CountryCode, D::Error> {
        deserializer.deserialize_str(CodeVisitor(Form::Alpha3))
    }

    /// Serde `with` module for `Option<CountryCode>`. `None` is stored as
    /// null, and `Some` as a lower-case alpha-3 string.
    ///
    /// Add `#[serde(default)]` to the field if it may be missing from the
    /// input, not just null.
    pub mod option {
        use std::fmt;

        use serde::de::{self, Visitor};
        use serde::{Deserializer, Serializer};

        use super::super::CountryCode;

        /// Serializes `None` as null and `Some(code)` as its lower-case
        /// alpha-3 string.
        ///
        /// # Errors
        ///
        /// Passes on any error from `serializer`.
        pub fn serialize<S: Serializer>(
            code: &Option<CountryCode>,
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            match code {
                Some(code) => serializer.serialize_some(code.alpha3_lower()),
                None => serializer.serialize_none(),
            }
        }

        /// Deserializes null as `None`, and an alpha-3 string in any case as
        /// `Some`.
        ///
        /// # Errors
        ///
        /// Fails if the input is neither null nor an assigned alpha-3 code.
        pub fn deserialize<'de, D: Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Option<CountryCode>, D::Error> {
            deserializer.deserialize_option(OptionVisitor)
        }

        /// Reads an optional alpha-3 code.
        struct OptionVisitor;

        impl<'de> Visitor<'de> for OptionVisitor {
            type Value = Option<CountryCode>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("null or an ISO 3166-1 alpha-3 country code string such as \"usa\"")
            }

            fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }

            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }

            fn visit_some<D: Deserializer<'de>>(
                self,
                deserializer: D,
            ) -> Result<Self::Value, D::Error> {
                super::deserialize(deserializer).map(Some)
            }
        }
    }
}

/// The error returned when a string is not a valid, officially assigned
/// ISO 3166-1 code. Its `Display` output explains what was wrong.
#[derive(Clone, PartialEq, Eq)]
pub struct InvalidCountry {
    message: String,
}

impl InvalidCountry {
    fn new(message: String) -> Self {
        Self { message }
    }
}

impl fmt::Debug for InvalidCountry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("InvalidCountry")
            .field(&self.message)
            .finish()
    }
}

impl fmt::Display for InvalidCountry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for InvalidCountry {}

/// Writes rejected input as a quoted, escaped string. Input longer than
/// [`MAX_ECHO_CHARS`] is cut short, so one bad value cannot make an error
/// message very large.
struct Echo<'a>(&'a str);

impl fmt::Display for Echo<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0.char_indices().nth(MAX_ECHO_CHARS) {
            Some((cut, _)) => write!(f, "{:?}...", &self.0[..cut]),
            None => write!(f, "{:?}", self.0),
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use std::collections::HashSet;

    use serde::{Deserialize, Serialize};

    use super::*;

    fn a2(s: &str) -> CountryCode {
        CountryCode::from_alpha2(s).unwrap()
    }

    fn err2(s: &str) -> String {
        CountryCode::from_alpha2(s).unwrap_err().to_string()
    }

    fn err3(s: &str) -> String {
        CountryCode::from_alpha3(s).unwrap_err().to_string()
    }

    #[test]
    fn table_has_249_entries() {
        assert_eq!(COUNTRIES.len(), 249);
    }

    #[test]
    fn table_is_strictly_sorted_by_alpha2() {
        for pair in COUNTRIES.windows(2) {
            assert!(pair[0].0 < pair[1].0, "{} !< {}", pair[0].0, pair[1].0);
        }
    }

    #[test]
    fn table_has_no_duplicates() {
        let alpha2: HashSet<_> = COUNTRIES.iter().map(|e| e.0).collect();
        let alpha3: HashSet<_> = COUNTRIES.iter().map(|e| e.1).collect();
        let alpha3_lower: HashSet<_> = COUNTRIES.iter().map(|e| e.2).collect();
        let numeric: HashSet<_> = COUNTRIES.iter().map(|e| e.3).collect();
        assert_eq!(alpha2.len(), COUNTRIES.len());
        assert_eq!(alpha3.len(), COUNTRIES.len());
        assert_eq!(alpha3_lower.len(), COUNTRIES.len());
        assert_eq!(numeric.len(), COUNTRIES.len());
    }

    #[test]
    fn table_entries_have_the_right_shape() {
        for &(alpha2, alpha3, lower, numeric) in COUNTRIES {
            assert!(
                alpha2.len() == 2 && alpha2.bytes().all(|b| b.is_ascii_uppercase()),
                "{alpha2}"
            );
            assert!(
                alpha3.len() == 3 && alpha3.bytes().all(|b| b.is_ascii_uppercase()),
                "{alpha3}"
            );
            assert_eq!(lower, alpha3.to_ascii_lowercase(), "{alpha2}");
            assert!((1..=999).contains(&numeric), "{alpha2}: {numeric}");
        }
    }

    #[test]
    fn known_entries() {
        for (alpha2, alpha3, numeric) in [
            ("AF", "AFG", 4),
            ("AQ", "ATA", 10),
            ("AX", "ALA", 248),
            ("BQ", "BES", 535),
            ("CW", "CUW", 531),
            ("GB", "GBR", 826),
            ("SS", "SSD", 728),
            ("SX", "SXM", 534),
            ("US", "USA", 840),
            ("ZW", "ZWE", 716),
        ] {
            let code = a2(alpha2);
            assert_eq!(code.alpha2(), alpha2);
            assert_eq!(code.alpha3(), alpha3);
            assert_eq!(code.alpha3_lower(), alpha3.to_ascii_lowercase());
            assert_eq!(code.numeric(), numeric);
        }
    }

    #[test]
    fn every_entry_round_trips() {
        for &(alpha2, alpha3, lower, numeric) in COUNTRIES {
            let code = a2(alpha2);
            assert_eq!(code.alpha2(), alpha2);
            assert_eq!(code.alpha3(), alpha3);
            assert_eq!(code.alpha3_lower(), lower);
            assert_eq!(code.numeric(), numeric);
            assert_eq!(CountryCode::from_alpha3(alpha3).unwrap(), code);
            assert_eq!(CountryCode::from_alpha3(lower).unwrap(), code);
            assert_eq!(alpha2.parse::<CountryCode>().unwrap(), code);
            assert_eq!(code.to_string(), alpha2);
        }
    }

    #[test]
    fn alpha2_rejects_lower_case_and_suggests_upper_case() {
        assert_eq!(
            err2("us"),
            r#""us" is not an ISO 3166-1 alpha-2 code (expected two upper-case letters, e.g. "US")"#
        );
        assert_eq!(
            err2("Gb"),
            r#""Gb" is not an ISO 3166-1 alpha-2 code (expected two upper-case letters, e.g. "GB")"#
        );
    }

    #[test]
    fn alpha2_rejects_bad_shapes() {
        for input in ["", "U", "USA", "U1", " US", "US ", "ÜS", "U\u{0}"] {
            let message = err2(input);
            assert!(
                message.contains("expected two upper-case letters, e.g. \"US\""),
                "{input:?}: {message}"
            );
        }
    }

    #[test]
    fn alpha2_rejects_unassigned_codes() {
        assert_eq!(
            err2("XK"),
            r#""XK" is not an assigned ISO 3166-1 alpha-2 code"#
        );
        assert!(CountryCode::from_alpha2("AA").is_err());
        assert!(CountryCode::from_alpha2("ZZ").is_err());
    }

    #[test]
    fn alpha3_ignores_case() {
        let us = a2("US");
        for input in ["USA", "usa", "Usa", "uSA"] {
            assert_eq!(CountryCode::from_alpha3(input).unwrap(), us);
        }
    }

    #[test]
    fn alpha3_rejects_bad_input() {
        assert_eq!(
            err3("US"),
            r#""US" is not an ISO 3166-1 alpha-3 code (expected three letters, e.g. "USA" or "usa")"#
        );
        assert!(err3("U1A").contains("expected three letters"));
        assert!(err3("USAA").contains("expected three letters"));
        assert_eq!(
            err3("xkx"),
            r#""xkx" is not an assigned ISO 3166-1 alpha-3 code"#
        );
    }

    #[test]
    fn long_input_is_cut_short_in_messages() {
        let input = "x".repeat(1000);
        let message = err2(&input);
        assert!(message.len() < 150, "{message}");
        assert!(message.starts_with(&format!("\"{}\"...", "x".repeat(MAX_ECHO_CHARS))));
    }

    #[test]
    fn debug_and_display() {
        let us = a2("US");
        assert_eq!(format!("{us:?}"), r#"CountryCode("US")"#);
        assert_eq!(us.to_string(), "US");
        let err = CountryCode::from_alpha2("us").unwrap_err();
        assert!(format!("{err:?}").starts_with("InvalidCountry("));
        let boxed: Box<dyn std::error::Error> = Box::new(err.clone());
        assert_eq!(boxed.to_string(), err.to_string());
    }

    #[test]
    fn ordering_follows_alpha2() {
        let mut codes = [a2("US"), a2("AD"), a2("GB"), a2("ZW"), a2("BQ")];
        codes.sort();
        let sorted: Vec<_> = codes.iter().map(|c| c.alpha2()).collect();
        assert_eq!(sorted, ["AD", "BQ", "GB", "US", "ZW"]);
    }

    #[test]
    fn serde_uses_strict_alpha2() {
        let us = a2("US");
        assert_eq!(serde_json::to_string(&us).unwrap(), r#""US""#);
        assert_eq!(serde_json::from_str::<CountryCode>(r#""US""#).unwrap(), us);
        let value = serde_json::Value::String("US".to_owned());
        assert_eq!(serde_json::from_value::<CountryCode>(value).unwrap(), us);

        let err = serde_json::from_str::<CountryCode>(r#""us""#).unwrap_err();
        assert!(err.to_string().contains(r#"e.g. "US""#), "{err}");
        assert!(serde_json::from_str::<CountryCode>(r#""USA""#).is_err());
        assert!(serde_json::from_str::<CountryCode>(r#""XK""#).is_err());
        let err = serde_json::from_str::<CountryCode>("840").unwrap_err();
        assert!(err.to_string().contains("alpha-2"), "{err}");
    }

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Lower {
        #[serde(with = "super::alpha3_lower")]
        country: CountryCode,
        #[serde(with = "super::alpha3_lower::option", default)]
        nationality: Option<CountryCode>,
    }

    #[test]
    fn alpha3_lower_module_round_trips() {
        let value = Lower {
            country: a2("US"),
            nationality: Some(a2("GB")),
        };
        let json = serde_json::to_string(&value).unwrap();
        assert_eq!(json, r#"{"country":"usa","nationality":"gbr"}"#);
        assert_eq!(serde_json::from_str::<Lower>(&json).unwrap(), value);

        let upper: Lower =
            serde_json::from_str(r#"{"country":"USA","nationality":"Gbr"}"#).unwrap();
        assert_eq!(upper, value);
    }

    #[test]
    fn alpha3_lower_option_handles_null_and_missing() {
        let none = Lower {
            country: a2("CW"),
            nationality: None,
        };
        let json = serde_json::to_string(&none).unwrap();
        assert_eq!(json, r#"{"country":"cuw","nationality":null}"#);
        assert_eq!(serde_json::from_str::<Lower>(&json).unwrap(), none);
        assert_eq!(
            serde_json::from_str::<Lower>(r#"{"country":"cuw"}"#).unwrap(),
            none
        );
    }

    #[test]
    fn alpha3_lower_rejects_bad_input() {
        let err = serde_json::from_str::<Lower>(r#"{"country":"us"}"#).unwrap_err();
        assert!(err.to_string().contains("alpha-3"), "{err}");
        assert!(serde_json::from_str::<Lower>(r#"{"country":"xkx"}"#).is_err());
        assert!(serde_json::from_str::<Lower>(r#"{"country":"usa","nationality":"us"}"#).is_err());
        assert!(serde_json::from_str::<Lower>(r#"{"country":"usa","nationality":840}"#).is_err());
    }
}
