//! Orders: [`Order`] as `order-list`, `order-coin-list`, `order-token-list`, `order-show`
//! and `quote-confirm` return it (and as `platform-orders`, `deposit-create` and other
//! answers carry it), its payment, commissions and quote ([`OrderQuote`]), the
//! enumerations it uses, and the platform shape the order, quote, transfer and checkout
//! objects share ([`ExternalPlatformInfo`]; the nested user is [`User`]).
//!
//! CCPro sends one order with different key sets on different endpoints (reference
//! §2.3): a reference `{id, publicId}` (`quote.order` in `quote-list`), a full order
//! without `childOrder`/`transfer` (`quote-show`), one with `kycLevelRequired`
//! (`order-show`, `quote-confirm`), `feePercent` as `0` or `"0"`, `externalPlatform` as
//! `null` or an object of nulls. Every field is therefore optional, so each form decodes
//! into the same type and writes back what it read (absent fields are not written).

use payments_core::ExactAmount;
use serde::de::value::{BorrowedStrDeserializer, MapAccessDeserializer, StringDeserializer};
use serde::de::{DeserializeSeed, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::types::common::Ref;
use crate::types::quotes::Quote;
use crate::types::users::User;

payments_core::wire_enum! {
    /// An asset's kind: a coin or a token (`type` of orders, quotes, transfers and
    /// their requests).
    pub enum AssetType {
        /// A coin (`ETH`, `XBT`).
        Coin = "coin",
        /// A token (`IPSX`).
        Token = "token",
    }
}

payments_core::wire_enum! {
    /// An order's or quote's operation (`typeOperationName`; `orderType` when creating a
    /// quote; the `type` filter of `quote-list`).
    pub enum TradeOperation {
        /// A deposit.
        Deposit = "deposit",
        /// Buying crypto with fiat.
        BuyWithFiat = "buy_with_fiat",
        /// Buying crypto with crypto.
        BuyWithCrypto = "buy_with_crypto",
        /// Selling crypto for fiat.
        SellToFiat = "sell_to_fiat",
        /// Selling crypto for crypto.
        SellToCrypto = "sell_to_crypto",
        /// A withdrawal.
        Withdraw = "withdraw",
        /// A withdrawal of an ICO token.
        WithdrawIco = "withdrawIco",
    }
}

impl TradeOperation {
    /// Whether the operation buys (`buy_with_fiat`, `buy_with_crypto`).
    pub fn is_buy(&self) -> bool {
        matches!(
            self,
            TradeOperation::BuyWithFiat | TradeOperation::BuyWithCrypto
        )
    }

    /// Whether the operation sells (`sell_to_fiat`, `sell_to_crypto`).
    pub fn is_sell(&self) -> bool {
        matches!(
            self,
            TradeOperation::SellToFiat | TradeOperation::SellToCrypto
        )
    }
}

payments_core::wire_enum! {
    /// An order's direction (`typeOperation`).
    pub enum OrderDirection {
        /// Funds come in.
        In = "in",
        /// Funds go out.
        Out = "out",
    }
}

payments_core::wire_enum! {
    /// An order's status (upper case on the wire; the `status` filter of the order lists).
    pub enum OrderStatus {
        /// Approved: done.
        Approved = "APPROVED",
        /// Rejected.
        Rejected = "REJECTED",
        /// The payment is being processed.
        ProcessingPayment = "PROCESSING_PAYMENT",
        /// Waiting for the user's payment.
        PaymentWaiting = "PAYMENT_WAITING",
    }
}

payments_core::wire_enum! {
    /// How an order or quote is paid (`payment.method`, `payment.type`, `paymentType`,
    /// the `orderPaymentType` of `quote-create`).
    pub enum PaymentType {
        /// A bank transfer.
        Bank = "bank",
        /// A card.
        Card = "card",
    }
}

/// An order. Every field is optional: the same order comes as a reference (`id` and
/// `publicId` only), as a full order, and as a full order with its quote embedded, so one
/// type reads every form (see the module docs).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Order {
    /// The order's id (a UUID; `null` in an empty reference).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The order's short public id (`ftCVHqME`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub public_id: Option<String>,
    /// Its status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<OrderStatus>,
    /// The asset's kind (`coin`, `token`).
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub asset_type: Option<AssetType>,
    /// Whether funds come in or go out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub type_operation: Option<OrderDirection>,
    /// The operation (`sell_to_fiat`, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub type_operation_name: Option<TradeOperation>,
    /// The symbol paid with (`null` on deposits).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_symbol: Option<String>,
    /// The amount paid, exact as sent (`"500.0000000000000000000000000"`; `"0"` on
    /// deposits).
    #[serde(
        default,
        with = "payments_core::exact::optional",
        skip_serializing_if = "Option::is_none"
    )]
    pub from_amount: Option<ExactAmount>,
    /// The rate, exact as sent (`"0"` on deposits and some sells).
    #[serde(
        default,
        with = "payments_core::exact::optional",
        skip_serializing_if = "Option::is_none"
    )]
    pub rate: Option<ExactAmount>,
    /// The symbol received.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to_symbol: Option<String>,
    /// The amount received, exact as sent.
    #[serde(
        default,
        with = "payments_core::exact::optional",
        skip_serializing_if = "Option::is_none"
    )]
    pub to_amount: Option<ExactAmount>,
    /// The wallet (an address) the funds go to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wallet: Option<String>,
    /// The blockchain transaction id, once there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tx_id: Option<String>,
    /// The order this one follows from (both members may be null).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_order: Option<Ref>,
    /// The order that follows from this one (e.g. the withdrawal after a buy).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub child_order: Option<Ref>,
    /// How it is paid.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment: Option<OrderPayment>,
    /// CCPro's commission on it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commissions: Option<OrderCommissions>,
    /// The quote it came from: a reference (`id`, `publicId`) in the lists, the quote
    /// itself in `order-show` (with its checkout) and `quote-confirm`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<OrderQuote>,
    /// The transfer it belongs to, if any (both members null otherwise).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transfer: Option<Ref>,
    /// The user (platform order lists only; boxed, as most orders carry none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<Box<User>>,
    /// The platform the order came through (`null`, or an object whose members may all be
    /// null).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_platform: Option<ExternalPlatformInfo>,
    /// The KYC level the order needs (`order-show`, `quote-confirm`, deposits).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kyc_level_required: Option<u32>,
    /// When it was created, Unix seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<i64>,
}

impl Order {
    /// Whether this is only a reference (no status, no amounts): what the quote lists
    /// embed as `order`. Read the order with `order-show` for the rest.
    pub fn is_reference(&self) -> bool {
        self.status.is_none()
            && self.type_operation_name.is_none()
            && self.from_amount.is_none()
            && self.to_amount.is_none()
    }
}

/// An order's `quote`: the quote's `id` and `publicId`, read inline, and the whole
/// [`Quote`] only when the answer embeds it (`order-show`, `quote-confirm`), so the
/// reference form the lists send allocates no quote. Written back in the form it came in.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct OrderQuote {
    /// The quote's id (a UUID; `null` in an empty reference).
    pub id: Option<String>,
    /// The quote's short public id.
    pub public_id: Option<String>,
    /// The whole quote (its `id` and `publicId` included), when the answer embeds more
    /// than the reference.
    pub full: Option<Box<Quote>>,
}

impl OrderQuote {
    /// Whether only the reference came (no other member set).
    pub fn is_reference(&self) -> bool {
        self.full.is_none()
    }

    /// The whole quote, when it came.
    pub fn quote(&self) -> Option<&Quote> {
        self.full.as_deref()
    }
}

impl<'de> Deserialize<'de> for OrderQuote {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(OrderQuoteVisitor)
    }
}

/// Reads `id` and `publicId` inline; at the first other member, reads the rest of the
/// object (that member first) as a whole [`Quote`], in the same pass.
struct OrderQuoteVisitor;

impl<'de> Visitor<'de> for OrderQuoteVisitor {
    type Value = OrderQuote;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a quote or a reference to one")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<OrderQuote, A::Error> {
        let (mut id, mut public_id): (Option<String>, Option<String>) = (None, None);
        while let Some(key) = map.next_key_seed(KeySeed)? {
            match key.as_str() {
                "id" => id = map.next_value()?,
                "publicId" => public_id = map.next_value()?,
                _ => {
                    let rest = Pending {
                        key: Some(key),
                        map,
                    };
                    let mut quote = Quote::deserialize(MapAccessDeserializer::new(rest))?;
                    // The reference members read before the others belong to the quote.
                    if quote.id.is_none() {
                        quote.id = id;
                    }
                    if quote.public_id.is_none() {
                        quote.public_id = public_id;
                    }
                    return Ok(OrderQuote {
                        id: quote.id.clone(),
                        public_id: quote.public_id.clone(),
                        full: Some(Box::new(quote)),
                    });
                }
            }
        }
        Ok(OrderQuote {
            id,
            public_id,
            full: None,
        })
    }
}

/// An object key, borrowed from the input where it can be.
enum Key<'de> {
    Borrowed(&'de str),
    Owned(String),
}

impl Key<'_> {
    fn as_str(&self) -> &str {
        match self {
            Key::Borrowed(s) => s,
            Key::Owned(s) => s,
        }
    }
}

struct KeySeed;

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Key<'de>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Key<'de>, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeySeed {
    type Value = Key<'de>;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a member name")
    }

    fn visit_borrowed_str<E: serde::de::Error>(self, v: &'de str) -> Result<Key<'de>, E> {
        Ok(Key::Borrowed(v))
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Key<'de>, E> {
        Ok(Key::Owned(v.to_owned()))
    }

    fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Key<'de>, E> {
        Ok(Key::Owned(v))
    }
}

/// The rest of an object, with one key already read handed out first.
struct Pending<'de, A> {
    key: Option<Key<'de>>,
    map: A,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Pending<'de, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        match self.key.take() {
            Some(Key::Borrowed(k)) => seed.deserialize(BorrowedStrDeserializer::new(k)).map(Some),
            Some(Key::Owned(k)) => seed.deserialize(StringDeserializer::new(k)).map(Some),
            None => self.map.next_key_seed(seed),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        self.map.next_value_seed(seed)
    }
}

impl Serialize for OrderQuote {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if let Some(full) = &self.full {
            return full.serialize(s);
        }
        let len = usize::from(self.id.is_some()) + usize::from(self.public_id.is_some());
        let mut map = s.serialize_map(Some(len))?;
        if let Some(id) = &self.id {
            map.serialize_entry("id", id)?;
        }
        if let Some(public_id) = &self.public_id {
            map.serialize_entry("publicId", public_id)?;
        }
        map.end()
    }
}

/// How an order is paid.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderPayment {
    /// The payment method's kind (`bank`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<PaymentType>,
    /// The payment method's id (one of the user's banks or cards).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Where the user confirms a bank payment, as sent (the docs' examples carry stray
    /// spaces from line wrapping: strip whitespace before using it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The payment fee in percent, exact as sent: the string `"0"` on most endpoints, the
    /// number `0` on `deposit-create`; written back in the form it came in.
    #[serde(
        default,
        with = "payments_core::exact::optional",
        skip_serializing_if = "Option::is_none"
    )]
    pub fee_percent: Option<ExactAmount>,
    /// Whether a proof of payment was uploaded (`order-payment-proof`). `null` in every
    /// documented example, so its type is not documented: kept as the exact JSON text it came as.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proof_uploaded: Option<crate::types::common::RawJson>,
}

/// CCPro's commission on an order.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderCommissions {
    /// The commission in percent, 0 to 100 (`"15.0000000000000000000000000"`, `"5"`).
    #[serde(
        default,
        with = "payments_core::exact::optional",
        skip_serializing_if = "Option::is_none"
    )]
    pub percent: Option<ExactAmount>,
    /// The commission's amount, exact as sent.
    #[serde(
        default,
        with = "payments_core::exact::optional",
        skip_serializing_if = "Option::is_none"
    )]
    pub amount: Option<ExactAmount>,
}

/// The platform an object came through (`externalPlatform`): `null` on some endpoints, an
/// object whose members are all null on others, filled on platform lists.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExternalPlatformInfo {
    /// The platform's code (`CCPRO`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Its name (`CryptoCoin`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Its address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

impl ExternalPlatformInfo {
    /// Whether every member is null (CCPro's way of saying "no platform" on some
    /// endpoints, where others send `null`).
    pub fn is_empty(&self) -> bool {
        self.code.is_none() && self.name.is_none() && self.url.is_none()
    }
}
