//! `GET /partners/{partnerId}/approximate-quote`.

use payments_core::money::as_number;
use payments_core::provider::{InvalidInput, path_segment};
use payments_core::{Amount, Currency, Endpoint, RequestSpec};
use serde::{Deserialize, Serialize};

use super::partner;
use crate::operations;
use crate::types::{ApproximateQuote, PartnerId, TransferMedium};

/// Asks for an approximate quote: how much `quote_currency` the customer would get for
/// `base_amount` of `base_currency`.
///
/// A **negative** `base_amount` is what the customer sends (`-100` EUR to buy BTC). Give
/// both transfer media ([`with_transfer_media`](Self::with_transfer_media)) to have the
/// fees included; Coinify ignores one without the other, so this client refuses a
/// request with only one of them.
///
/// The amount is sent in the query string with its exact decimal digits
/// (`baseAmount=-100`, `baseAmount=0.0012814`). Sent without authentication (the docs name
/// none for this endpoint). Its input document is the documented query parameters, plus
/// `partnerId` when not the client's.
///
/// ```
/// use coinify_api::{Currency, GetApproximateQuote, TransferMedium};
/// let q = GetApproximateQuote::new(
///     "-100".parse().unwrap(),
///     Currency::new("EUR").unwrap(),
///     Currency::new("BTC").unwrap(),
/// )
/// .with_transfer_media(TransferMedium::Card, TransferMedium::Blockchain);
/// # let _ = q;
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GetApproximateQuote {
    /// The partner (`{partnerId}`); `None` sends for the client's.
    #[serde(default, skip_serializing)]
    pub partner_id: Option<PartnerId>,
    /// The amount to quote, in `base_currency`; negative when it is what the customer
    /// sends.
    #[serde(with = "as_number")]
    pub base_amount: Amount,
    /// The currency of `base_amount`.
    pub base_currency: Currency,
    /// The currency to quote in.
    pub quote_currency: Currency,
    /// How the customer pays in; set together with `transfer_out_medium`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transfer_in_medium: Option<TransferMedium>,
    /// How the customer is paid out; set together with `transfer_in_medium`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transfer_out_medium: Option<TransferMedium>,
}

impl GetApproximateQuote {
    /// A quote without transfer fees, for the client's partner.
    pub fn new(base_amount: Amount, base_currency: Currency, quote_currency: Currency) -> Self {
        GetApproximateQuote {
            partner_id: None,
            base_amount,
            base_currency,
            quote_currency,
            transfer_in_medium: None,
            transfer_out_medium: None,
        }
    }

    /// Includes the fees of paying in with `transfer_in` and out with `transfer_out`.
    pub fn with_transfer_media(
        mut self,
        transfer_in: TransferMedium,
        transfer_out: TransferMedium,
    ) -> Self {
        self.transfer_in_medium = Some(transfer_in);
        self.transfer_out_medium = Some(transfer_out);
        self
    }

    /// Asks for `partner` rather than the client's partner.
    pub fn for_partner(mut self, partner: PartnerId) -> Self {
        self.partner_id = Some(partner);
        self
    }

    fn validate(&self) -> Result<(), InvalidInput> {
        if self.base_amount.decimal().is_zero() {
            return Err(InvalidInput::new("baseAmount", "must not be zero"));
        }
        match (&self.transfer_in_medium, &self.transfer_out_medium) {
            (Some(_), None) => Err(InvalidInput::new(
                "transferOutMedium",
                "must be given together with transferInMedium",
            )),
            (None, Some(_)) => Err(InvalidInput::new(
                "transferInMedium",
                "must be given together with transferOutMedium",
            )),
            (Some(i), Some(o)) => {
                if i.as_str().is_empty() {
                    return Err(InvalidInput::new("transferInMedium", "must not be empty"));
                }
                if o.as_str().is_empty() {
                    return Err(InvalidInput::new("transferOutMedium", "must not be empty"));
                }
                Ok(())
            }
            (None, None) => Ok(()),
        }
    }

    /// The documented query string, each value percent-encoded, the amount digit for digit.
    fn query(&self) -> String {
        let mut q = format!(
            "baseAmount={}&baseCurrency={}&quoteCurrency={}",
            path_segment(&self.base_amount.to_string()),
            path_segment(self.base_currency.as_str()),
            path_segment(self.quote_currency.as_str()),
        );
        if let (Some(i), Some(o)) = (&self.transfer_in_medium, &self.transfer_out_medium) {
            q.push_str("&transferInMedium=");
            q.push_str(&path_segment(i.as_str()));
            q.push_str("&transferOutMedium=");
            q.push_str(&path_segment(o.as_str()));
        }
        q
    }
}

impl Endpoint for GetApproximateQuote {
    type Output = ApproximateQuote;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        self.validate()?;
        Ok(RequestSpec::with_path(
            &operations::APPROXIMATE_QUOTE,
            &[Some(partner(&self.partner_id)?)],
        )?
        .query(self.query()))
    }
}
