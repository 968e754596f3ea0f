//! `payment-methods` and `countries`.

use super::*;

/// Serializes a [`CurrencyAmounts`] table as `{"EUR": 1, …}`.
pub(crate) struct Amounts(pub(crate) CurrencyAmounts);

impl Serialize for Amounts {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (code, amount) in self.0 {
            map.serialize_entry(code, &Num(dec(amount)))?;
        }
        map.end()
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct PaymentMethod {
    pub(crate) in_medium: &'static str,
    pub(crate) out_medium: &'static str,
    pub(crate) in_currencies: &'static [&'static str],
    pub(crate) out_currencies: &'static [&'static str],
    pub(crate) in_fixed_fees: Amounts,
    pub(crate) in_percentage_fee: Num,
    pub(crate) minimum_in_fees: Amounts,
    pub(crate) out_fixed_fees: Amounts,
    pub(crate) out_percentage_fee: Num,
    pub(crate) minimum_out_fees: Amounts,
    pub(crate) minimum_in_amounts: Amounts,
}

impl From<&PaymentMethodRow> for PaymentMethod {
    fn from(m: &PaymentMethodRow) -> Self {
        PaymentMethod {
            in_medium: m.in_medium,
            out_medium: m.out_medium,
            in_currencies: m.in_currencies,
            out_currencies: m.out_currencies,
            in_fixed_fees: Amounts(m.in_fixed_fees),
            in_percentage_fee: Num(dec(m.in_percentage_fee)),
            minimum_in_fees: Amounts(m.minimum_in_fees),
            out_fixed_fees: Amounts(m.out_fixed_fees),
            out_percentage_fee: Num(dec(m.out_percentage_fee)),
            minimum_out_fees: Amounts(m.minimum_out_fees),
            minimum_in_amounts: Amounts(m.minimum_in_amounts),
        }
    }
}

pub(crate) async fn payment_methods(
    State(sandbox): State<Sandbox>,
    path: Result<Path<String>, PathRejection>,
) -> Result<Response, ApiError> {
    let Path(partner) = path.map_err(path_failed)?;
    check_partner(&sandbox, &partner)?;
    let methods: Vec<PaymentMethod> = PAYMENT_METHODS.iter().map(PaymentMethod::from).collect();
    Ok(json_response(StatusCode::OK, &methods))
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Support {
    pub(crate) supported: bool,
    pub(crate) supported_transfer_in_media: &'static [&'static str],
}

#[derive(Serialize)]
pub(crate) struct WithStates {
    pub(crate) supported: bool,
    pub(crate) states: States,
}

pub(crate) struct States(pub(crate) &'static [StateRow]);

impl Serialize for States {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for s in self.0 {
            map.serialize_entry(
                s.code,
                &Support {
                    supported: s.supported,
                    supported_transfer_in_media: s.media,
                },
            )?;
        }
        map.end()
    }
}

pub(crate) struct Countries;

impl Serialize for Countries {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(COUNTRIES.len()))?;
        for c in COUNTRIES {
            if c.states.is_empty() {
                map.serialize_entry(
                    c.code,
                    &Support {
                        supported: c.supported,
                        supported_transfer_in_media: c.media,
                    },
                )?;
            } else {
                map.serialize_entry(
                    c.code,
                    &WithStates {
                        supported: c.supported,
                        states: States(c.states),
                    },
                )?;
            }
        }
        map.end()
    }
}

pub(crate) async fn countries(
    State(sandbox): State<Sandbox>,
    path: Result<Path<String>, PathRejection>,
) -> Result<Response, ApiError> {
    let Path(partner) = path.map_err(path_failed)?;
    check_partner(&sandbox, &partner)?;
    Ok(json_response(StatusCode::OK, &Countries))
}

pub(crate) async fn countries_without_id() -> ApiError {
    not_found("id is missing from the request")
}
