//! `POST /transaction`.

use payments_core::provider::InvalidInput;
use payments_core::{Amount, CoinId, Endpoint, RequestSpec};
use serde::{Deserialize, Serialize};

use super::require_text;
use crate::operations;
use crate::types::TransactionCheck;

/// `POST /transaction`: screens an outgoing transaction before it is broadcast.
///
/// Retried on timeouts, 408, 429 and 5xx: the check is identified by
/// `transactionCustomerId`, so a repeat re-asks about the same transaction.
///
/// Its input document is the documented body:
///
/// ```
/// use coincover_api::CheckTransaction;
/// let req: CheckTransaction = payments_core::read_document(
///     r#"{"transactionCustomerId":"c1","coin":"bitcoin","walletId":"w1",
///         "outputs":[{"destination":"d1","amount":"0.001","userId":"u1"}]}"#,
/// )?;
/// assert_eq!(req.outputs[0].amount.to_string(), "0.001");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// ```
/// use coincover_api::{CheckTransaction, TransactionOutput, CoinId, Amount};
/// let req = CheckTransaction::new(
///     "b27f38b9-5158-4b4b-ae2f-a030852f98cd",
///     CoinId::new("bitcoin-cash")?,
///     "1FjgpyeeWTRd7BxTXHEL2rjCj8",
///     vec![TransactionOutput::new(
///         "16bG5v7VkCeadwzyD1CqAvL6soJ3nfGAhh",
///         "356".parse::<Amount>()?,
///         "27a73667-fb36-4708-822f-8b2c79cb817e",
///     )],
/// )
/// .with_transaction_hash("GL8636339870050078");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[non_exhaustive]
pub struct CheckTransaction {
    /// Your own unique id of the transaction.
    pub transaction_customer_id: String,
    /// The transaction hash, verifiable on chain once published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transaction_hash: Option<String>,
    /// The coin as a CoinGecko id (`bitcoin-cash`), not a ticker.
    pub coin: CoinId,
    /// The wallet the transaction leaves from (an on-chain reference where there is one).
    pub wallet_id: String,
    /// One output per destination (batches have several).
    pub outputs: Vec<TransactionOutput>,
}

/// One destination of a transaction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[non_exhaustive]
pub struct TransactionOutput {
    /// The on-chain destination address.
    pub destination: String,
    /// The amount in the coin's unit (`1.7` bitcoin), sent as a JSON string.
    pub amount: Amount,
    /// Your id of the end user this output belongs to.
    pub user_id: String,
}

impl TransactionOutput {
    /// An output.
    pub fn new(destination: impl Into<String>, amount: Amount, user_id: impl Into<String>) -> Self {
        TransactionOutput {
            destination: destination.into(),
            amount,
            user_id: user_id.into(),
        }
    }
}

impl CheckTransaction {
    /// A check with every mandatory field.
    pub fn new(
        transaction_customer_id: impl Into<String>,
        coin: CoinId,
        wallet_id: impl Into<String>,
        outputs: Vec<TransactionOutput>,
    ) -> Self {
        CheckTransaction {
            transaction_customer_id: transaction_customer_id.into(),
            transaction_hash: None,
            coin,
            wallet_id: wallet_id.into(),
            outputs,
        }
    }

    /// Sets the transaction hash.
    pub fn with_transaction_hash(mut self, hash: impl Into<String>) -> Self {
        self.transaction_hash = Some(hash.into());
        self
    }
}

impl Endpoint for CheckTransaction {
    type Output = TransactionCheck;

    fn request(&self) -> Result<RequestSpec, InvalidInput> {
        require_text("transactionCustomerId", &self.transaction_customer_id)?;
        if let Some(h) = &self.transaction_hash {
            require_text("transactionHash", h)?;
        }
        require_text("walletId", &self.wallet_id)?;
        if self.outputs.is_empty() {
            return Err(InvalidInput::new(
                "outputs",
                "must have at least one output",
            ));
        }
        for (i, o) in self.outputs.iter().enumerate() {
            let at = |e: InvalidInput| e.within(format_args!("outputs[{i}]"));
            require_text("destination", &o.destination).map_err(at)?;
            require_text("userId", &o.user_id).map_err(at)?;
            if !o.amount.is_positive() {
                return Err(InvalidInput::new(
                    format!("outputs[{i}].amount"),
                    format!("must be greater than zero, got {}", o.amount),
                ));
            }
        }
        RequestSpec::new(&operations::CHECK_TRANSACTION).json(self)
    }
}
