//! `GET /partners/{partnerId}/approximate-quote`.

use super::*;

/// A decimal written as a JSON number, exactly (no `f64` on the way).
pub(crate) struct Num(pub(crate) Decimal);

impl Serialize for Num {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let d = if self.0.is_zero() {
            Decimal::ZERO
        } else {
            self.0.normalize()
        };
        let raw = RawValue::from_string(d.to_string()).map_err(serde::ser::Error::custom)?;
        raw.serialize(serializer)
    }
}

pub(crate) fn lookup(table: CurrencyAmounts, code: &str) -> Decimal {
    table
        .iter()
        .find(|(c, _)| *c == code)
        .map_or(Decimal::ZERO, |(_, v)| dec(v))
}

/// The fee of one transfer: `max(fixed + amount × percentage / 100, minimum)`, rounded half
/// away from zero to the currency's precision.
pub(crate) fn fee(
    fixed: CurrencyAmounts,
    percentage: &str,
    minimum: CurrencyAmounts,
    currency: &CurrencyRow,
    amount: Decimal,
) -> Option<Decimal> {
    let variable = amount
        .checked_mul(dec(percentage))?
        .checked_div(Decimal::ONE_HUNDRED)?;
    let fee = lookup(fixed, currency.code)
        .checked_add(variable)?
        .max(lookup(minimum, currency.code));
    Some(fee.round_dp_with_strategy(currency.precision, RoundingStrategy::MidpointAwayFromZero))
}

#[derive(Serialize)]
pub(crate) struct Transfer {
    pub(crate) medium: &'static str,
    #[serde(rename = "feeAmount")]
    pub(crate) fee_amount: Num,
    pub(crate) currency: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Quote {
    pub(crate) base_amount: Num,
    pub(crate) base_currency: &'static str,
    pub(crate) quote_amount: Num,
    pub(crate) quote_currency: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) transfer_in: Option<Transfer>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) transfer_out: Option<Transfer>,
}

pub(crate) fn hex_value(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    }
}

/// Decodes `application/x-www-form-urlencoded` text (`+` is a space).
pub(crate) fn form_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'%' => {
                let hi = hex_value(*b.get(i + 1)?)?;
                let lo = hex_value(*b.get(i + 2)?)?;
                out.push(hi << 4 | lo);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

pub(crate) fn parse_query(query: Option<&str>) -> Result<BTreeMap<String, String>, String> {
    let mut params = BTreeMap::new();
    for pair in query
        .unwrap_or_default()
        .split('&')
        .filter(|p| !p.is_empty())
    {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        let (Some(k), Some(v)) = (form_decode(k), form_decode(v)) else {
            return Err("query: not valid percent-encoded UTF-8".into());
        };
        if params.insert(k.clone(), v).is_some() {
            return Err(format!("{k}: given more than once"));
        }
    }
    Ok(params)
}

pub(crate) fn quote_currency(
    params: &BTreeMap<String, String>,
    name: &str,
) -> Result<&'static CurrencyRow, String> {
    let code = params
        .get(name)
        .filter(|c| !c.is_empty())
        .ok_or_else(|| format!("{name}: required"))?;
    currency(code).ok_or_else(|| {
        format!(
            "{name}: unsupported currency (supported: {})",
            CURRENCIES
                .iter()
                .map(|c| c.code)
                .collect::<Vec<_>>()
                .join(", ")
        )
    })
}

pub(crate) fn compute_quote(params: &BTreeMap<String, String>) -> Result<Quote, String> {
    let raw_amount = params
        .get("baseAmount")
        .filter(|a| !a.is_empty())
        .ok_or("baseAmount: required")?;
    let base_amount = Decimal::from_str_exact(raw_amount)
        .map_err(|_| "baseAmount: expected a decimal number such as -100")?;
    if base_amount.is_zero() {
        return Err("baseAmount: must not be 0 (negative: the amount to send; positive: the amount to receive)".into());
    }
    if base_amount.abs() > Decimal::from(MAX_QUOTE_AMOUNT) {
        return Err(format!(
            "baseAmount: at most {MAX_QUOTE_AMOUNT} in absolute value"
        ));
    }
    let base = quote_currency(params, "baseCurrency")?;
    let quote = quote_currency(params, "quoteCurrency")?;
    if base.fiat == quote.fiat {
        return Err("baseCurrency, quoteCurrency: one must be fiat and the other crypto".into());
    }
    // Negative: the customer sends base and receives quote; positive: the reverse.
    let sending = base_amount.is_sign_negative();
    let (in_cur, out_cur) = if sending {
        (base, quote)
    } else {
        (quote, base)
    };
    let media = match (
        params.get("transferInMedium").filter(|m| !m.is_empty()),
        params.get("transferOutMedium").filter(|m| !m.is_empty()),
    ) {
        (None, None) => None,
        (Some(i), Some(o)) => {
            let method = payment_method(i, o).ok_or_else(|| {
                format!(
                    "transferInMedium, transferOutMedium: {i} to {o} is not a payment method \
                     (card/blockchain, bank/blockchain, blockchain/bank)"
                )
            })?;
            if !method.in_currencies.contains(&in_cur.code) {
                return Err(format!(
                    "transferInMedium: {i} does not take {} (it takes {})",
                    in_cur.code,
                    method.in_currencies.join(", ")
                ));
            }
            if !method.out_currencies.contains(&out_cur.code) {
                return Err(format!(
                    "transferOutMedium: {o} does not pay out {} (it pays out {})",
                    out_cur.code,
                    method.out_currencies.join(", ")
                ));
            }
            Some(method)
        }
        _ => {
            return Err("transferInMedium, transferOutMedium: give both or neither".into());
        }
    };
    let overflow = || "baseAmount: too large".to_owned();
    let in_fee = |amount: Decimal| match media {
        Some(m) => fee(
            m.in_fixed_fees,
            m.in_percentage_fee,
            m.minimum_in_fees,
            in_cur,
            amount,
        ),
        None => Some(Decimal::ZERO),
    };
    let out_fee = |amount: Decimal| match media {
        Some(m) => fee(
            m.out_fixed_fees,
            m.out_percentage_fee,
            m.minimum_out_fees,
            out_cur,
            amount,
        ),
        None => Some(Decimal::ZERO),
    };
    let (in_amount, out_amount, quote_amount, fee_in, fee_out);
    if sending {
        in_amount = base_amount.abs();
        let gross = in_amount
            .checked_mul(dec(in_cur.eur_rate))
            .and_then(|v| v.checked_div(dec(out_cur.eur_rate)))
            .ok_or_else(overflow)?;
        fee_out = out_fee(gross).ok_or_else(overflow)?;
        fee_in = in_fee(in_amount).ok_or_else(overflow)?;
        out_amount = gross
            .checked_sub(fee_out)
            .ok_or_else(overflow)?
            .round_dp_with_strategy(out_cur.precision, RoundingStrategy::ToZero);
        if out_amount <= Decimal::ZERO {
            return Err("baseAmount: too small to cover the transfer-out fee".into());
        }
        quote_amount = out_amount;
    } else {
        out_amount = base_amount;
        fee_out = out_fee(out_amount).ok_or_else(overflow)?;
        in_amount = out_amount
            .checked_add(fee_out)
            .and_then(|v| v.checked_mul(dec(out_cur.eur_rate)))
            .and_then(|v| v.checked_div(dec(in_cur.eur_rate)))
            .ok_or_else(overflow)?
            .round_dp_with_strategy(in_cur.precision, RoundingStrategy::AwayFromZero);
        fee_in = in_fee(in_amount).ok_or_else(overflow)?;
        quote_amount = -in_amount;
    }
    Ok(Quote {
        base_amount: Num(base_amount),
        base_currency: base.code,
        quote_amount: Num(quote_amount),
        quote_currency: quote.code,
        transfer_in: media.map(|m| Transfer {
            medium: m.in_medium,
            fee_amount: Num(fee_in),
            currency: in_cur.code,
        }),
        transfer_out: media.map(|m| Transfer {
            medium: m.out_medium,
            fee_amount: Num(fee_out),
            currency: out_cur.code,
        }),
    })
}

pub(crate) async fn approximate_quote(
    State(sandbox): State<Sandbox>,
    path: Result<Path<String>, PathRejection>,
    RawQuery(query): RawQuery,
) -> Result<Response, ApiError> {
    let Path(partner) = path.map_err(path_failed)?;
    check_partner(&sandbox, &partner)?;
    let quote = parse_query(query.as_deref())
        .and_then(|p| compute_quote(&p))
        .map_err(invalid)?;
    Ok(json_response(StatusCode::OK, &quote))
}
