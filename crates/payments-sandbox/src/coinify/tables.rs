//! Coinify's tables: currencies and rates (the sandbox's own), payment methods, countries.

/// The partner id of [`Credentials::default`](crate::Credentials::default): the `:partner-id`
/// (and the countries route's `:id`) the sandbox answers to.
pub const DEFAULT_PARTNER_ID: &str = "5f0c6a39-2a4c-4d0e-9b8a-0c1f3e5d7a21";

/// The largest supporting document accepted, in bytes (25 MiB, the documented "25 MB").
/// A larger body is refused with 400 `invalid_request`, the documented error status.
pub const MAX_DOCUMENT_BYTES: usize = 25 * 1024 * 1024;

/// How far, in seconds, a partner JWT's `exp` may lie in the past and its `iat` in the
/// future, by the sandbox's clock.
pub const JWT_LEEWAY_SECS: u64 = 30;

/// The `Content-Type`s accepted for supporting documents.
pub const DOCUMENT_CONTENT_TYPES: &[&str] = &["image/jpeg", "image/png", "application/pdf"];

/// The accepted `X-Upload-Document-Type` values.
pub const DOCUMENT_TYPES: &[&str] = &["passport", "national_id", "drivers_license", "selfie"];

/// The file name [`write_generated_key`](crate::coinify::write_generated_key) writes.
pub const GENERATED_KEY_FILE_NAME: &str = "coinify-sandbox-partner-key.pem";

/// The longest text field accepted (ids, names, address lines), in characters.
pub const MAX_TEXT_LEN: usize = 256;

/// The largest `baseAmount` accepted by the approximate quote, in absolute value.
pub const MAX_QUOTE_AMOUNT: u64 = 1_000_000_000;

/// The documented example KYC review request, ready to send for trader 123 with the
/// external id `id-of-the-partner-kyc-review` (its JWT carries the same two values).
pub const EXAMPLE_KYC_REQUEST: &str = r#"{
  "traderId": 123,
  "externalId": "id-of-the-partner-kyc-review",
  "state": "completed",
  "approveTime": "2018-11-19T01:23:35Z",
  "createTime": "2018-11-19T00:23:35Z",
  "pep": { "approved": true, "approveTime": "2018-11-19T01:23:35Z" },
  "sanction": { "approved": true, "approveTime": "2018-11-19T01:23:35Z" },
  "profile": {
    "citizenCountry": "DK",
    "name": "John doe",
    "dateOfBirth": "1988-12-14",
    "address": {
      "street": "London Street 123",
      "city": "London",
      "postalCode": "2001",
      "country": "UK"
    }
  }
}"#;

/// Exceptionally reserved ISO 3166-1 alpha-2 codes, accepted as countries besides the
/// assigned ones (the docs' own example uses `UK`).
pub const RESERVED_COUNTRY_CODES: &[&str] = &[
    "AC", "CP", "DG", "EA", "EU", "EZ", "FX", "IC", "SU", "TA", "UK", "UN",
];

/// One currency of the sandbox's approximate quotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CurrencyRow {
    /// The currency code (`BTC`).
    pub code: &'static str,
    /// `true` for fiat currencies (card and bank media), `false` for crypto (blockchain).
    pub fiat: bool,
    /// The value of one unit in EUR; every price is the ratio of two of these.
    pub eur_rate: &'static str,
    /// The decimal places amounts in this currency are rounded to.
    pub precision: u32,
}

/// The currencies of the approximate quote: a quote is always between one fiat and one
/// crypto currency.
pub const CURRENCIES: &[CurrencyRow] = &[
    CurrencyRow {
        code: "EUR",
        fiat: true,
        eur_rate: "1",
        precision: 2,
    },
    CurrencyRow {
        code: "USD",
        fiat: true,
        eur_rate: "0.9",
        precision: 2,
    },
    CurrencyRow {
        code: "GBP",
        fiat: true,
        eur_rate: "1.15",
        precision: 2,
    },
    CurrencyRow {
        code: "DKK",
        fiat: true,
        eur_rate: "0.134",
        precision: 2,
    },
    CurrencyRow {
        code: "BTC",
        fiat: false,
        eur_rate: "60000",
        precision: 8,
    },
    CurrencyRow {
        code: "ETH",
        fiat: false,
        eur_rate: "3000",
        precision: 8,
    },
    CurrencyRow {
        code: "LTC",
        fiat: false,
        eur_rate: "80",
        precision: 8,
    },
];

/// Per-currency amounts of a payment method (`{"EUR": 1, …}`), as decimal text.
pub type CurrencyAmounts = &'static [(&'static str, &'static str)];

/// One payment method: a pair of transfer media, their currencies and fees.
///
/// A transfer's fee is `max(fixed + amount × percentage / 100, minimum)` in the transfer's
/// currency, rounded half away from zero to the currency's precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PaymentMethodRow {
    /// How the customer pays (`card`, `bank`, `blockchain`).
    pub in_medium: &'static str,
    /// How the customer receives (`blockchain`, `bank`).
    pub out_medium: &'static str,
    /// The currencies the customer may pay in.
    pub in_currencies: &'static [&'static str],
    /// The currencies the customer may receive.
    pub out_currencies: &'static [&'static str],
    /// The fixed part of the transfer-in fee, per in currency.
    pub in_fixed_fees: CurrencyAmounts,
    /// The percentage part of the transfer-in fee.
    pub in_percentage_fee: &'static str,
    /// The smallest transfer-in fee, per in currency.
    pub minimum_in_fees: CurrencyAmounts,
    /// The fixed part of the transfer-out fee, per out currency.
    pub out_fixed_fees: CurrencyAmounts,
    /// The percentage part of the transfer-out fee.
    pub out_percentage_fee: &'static str,
    /// The smallest transfer-out fee, per out currency.
    pub minimum_out_fees: CurrencyAmounts,
    /// The smallest amount the customer may pay, per in currency (informative: the
    /// approximate quote does not enforce it).
    pub minimum_in_amounts: CurrencyAmounts,
}

pub(crate) const FIAT: &[&str] = &["EUR", "USD", "GBP", "DKK"];
pub(crate) const CRYPTO: &[&str] = &["BTC", "ETH", "LTC"];
pub(crate) const FIAT_ZERO: CurrencyAmounts =
    &[("EUR", "0"), ("USD", "0"), ("GBP", "0"), ("DKK", "0")];
pub(crate) const CRYPTO_ZERO: CurrencyAmounts = &[("BTC", "0"), ("ETH", "0"), ("LTC", "0")];
pub(crate) const BLOCKCHAIN_OUT_FEES: CurrencyAmounts =
    &[("BTC", "0.000195"), ("ETH", "0.0021"), ("LTC", "0.001")];

/// The payment methods, in the order `payment-methods` lists them.
pub const PAYMENT_METHODS: &[PaymentMethodRow] = &[
    PaymentMethodRow {
        in_medium: "card",
        out_medium: "blockchain",
        in_currencies: FIAT,
        out_currencies: CRYPTO,
        in_fixed_fees: FIAT_ZERO,
        in_percentage_fee: "4.99",
        minimum_in_fees: &[("EUR", "1"), ("USD", "1"), ("GBP", "1"), ("DKK", "7.5")],
        out_fixed_fees: BLOCKCHAIN_OUT_FEES,
        out_percentage_fee: "0",
        minimum_out_fees: CRYPTO_ZERO,
        minimum_in_amounts: &[("EUR", "10"), ("USD", "10"), ("GBP", "10"), ("DKK", "75")],
    },
    PaymentMethodRow {
        in_medium: "bank",
        out_medium: "blockchain",
        in_currencies: FIAT,
        out_currencies: CRYPTO,
        in_fixed_fees: FIAT_ZERO,
        in_percentage_fee: "0",
        minimum_in_fees: FIAT_ZERO,
        out_fixed_fees: BLOCKCHAIN_OUT_FEES,
        out_percentage_fee: "0",
        minimum_out_fees: CRYPTO_ZERO,
        minimum_in_amounts: &[("EUR", "25"), ("USD", "25"), ("GBP", "25"), ("DKK", "190")],
    },
    PaymentMethodRow {
        in_medium: "blockchain",
        out_medium: "bank",
        in_currencies: CRYPTO,
        out_currencies: FIAT,
        in_fixed_fees: CRYPTO_ZERO,
        in_percentage_fee: "0",
        minimum_in_fees: CRYPTO_ZERO,
        out_fixed_fees: &[("EUR", "1"), ("USD", "1"), ("GBP", "1"), ("DKK", "7.5")],
        out_percentage_fee: "0",
        minimum_out_fees: FIAT_ZERO,
        minimum_in_amounts: &[("BTC", "0.0002"), ("ETH", "0.003"), ("LTC", "0.1")],
    },
];

/// A state of a country in [`COUNTRIES`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StateRow {
    /// The state code (`OR`).
    pub code: &'static str,
    /// `supported`.
    pub supported: bool,
    /// `supportedTransferInMedia`.
    pub media: &'static [&'static str],
}

/// A country of the countries route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CountryRow {
    /// The ISO 3166-1 alpha-2 code (`DK`).
    pub code: &'static str,
    /// `supported`.
    pub supported: bool,
    /// `supportedTransferInMedia` (not sent for countries with states).
    pub media: &'static [&'static str],
    /// `states`, for countries answered per state (like the docs' `US`).
    pub states: &'static [StateRow],
}

pub(crate) const ALL_IN_MEDIA: &[&str] = &["card", "bank", "blockchain"];

pub(crate) const fn country(code: &'static str, media: &'static [&'static str]) -> CountryRow {
    CountryRow {
        code,
        supported: true,
        media,
        states: &[],
    }
}

/// The countries route's table, in code order.
pub const COUNTRIES: &[CountryRow] = &[
    country("AT", &["card"]),
    country("BE", ALL_IN_MEDIA),
    country("BG", ALL_IN_MEDIA),
    country("DE", ALL_IN_MEDIA),
    country("DK", ALL_IN_MEDIA),
    country("ES", ALL_IN_MEDIA),
    country("FR", ALL_IN_MEDIA),
    country("GB", ALL_IN_MEDIA),
    country("HR", ALL_IN_MEDIA),
    CountryRow {
        code: "KP",
        supported: false,
        media: &[],
        states: &[],
    },
    country("NL", ALL_IN_MEDIA),
    CountryRow {
        code: "US",
        supported: false,
        media: &[],
        states: &[
            StateRow {
                code: "CT",
                supported: false,
                media: ALL_IN_MEDIA,
            },
            StateRow {
                code: "LA",
                supported: false,
                media: &[],
            },
            StateRow {
                code: "OR",
                supported: false,
                media: ALL_IN_MEDIA,
            },
        ],
    },
];

/// The row of `code` (upper case).
pub fn currency(code: &str) -> Option<&'static CurrencyRow> {
    CURRENCIES.iter().find(|c| c.code == code)
}

/// The payment method of a pair of media.
pub fn payment_method(in_medium: &str, out_medium: &str) -> Option<&'static PaymentMethodRow> {
    PAYMENT_METHODS
        .iter()
        .find(|m| m.in_medium == in_medium && m.out_medium == out_medium)
}
