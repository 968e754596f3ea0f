//! Covery on the command line: COVERY_TOKEN, COVERY_SECRET, COVERY_BASE_URL.

use std::path::PathBuf;

use covery_api::webhook::Verifier;
use covery_api::{
    Client, ConfirmFraudAlert, Environment, Event, FindFraudAlert, FraudAlertFeedback,
    LatestFraudAlerts, MakeDecision, Postback, SendEvent,
};
use payments_core::webhook::WebhookSecrets;
use serde_json::{Map, Value};

use super::{BoxFuture, Operation, ProviderCli, env, no_file, no_input, require_env, to_json};
use crate::exit::CliError;
use crate::input::decode_strict;

/// Covery.
pub(crate) struct Covery;

static OPERATIONS: &[Operation] = &[
    Operation {
        name: "ping",
        method: "POST",
        path: "/api/ping",
    },
    Operation {
        name: "send-event",
        method: "POST",
        path: "/api/sendEvent",
    },
    Operation {
        name: "make-decision",
        method: "POST",
        path: "/api/makeDecision",
    },
    Operation {
        name: "postback",
        method: "POST",
        path: "/api/postback",
    },
    Operation {
        name: "fraud-latest",
        method: "POST",
        path: "/api/manage/fraud/latest",
    },
    Operation {
        name: "fraud-find",
        method: "POST",
        path: "/api/manage/fraud/find",
    },
    Operation {
        name: "fraud-confirm",
        method: "POST",
        path: "/api/manage/fraud/confirm",
    },
    Operation {
        name: "fraud-feedback",
        method: "POST",
        path: "/api/manage/fraud/feedback",
    },
];

/// A client from the environment; `base_url` wins over COVERY_BASE_URL.
pub(crate) fn client(base_url: Option<String>) -> Result<Client, CliError> {
    let token = require_env("COVERY_TOKEN")?;
    let secret = require_env("COVERY_SECRET")?;
    let env = match base_url.or_else(|| env("COVERY_BASE_URL")) {
        Some(url) => Environment::Custom(url),
        None => Environment::Production,
    };
    Ok(Client::new(env, token, secret)?)
}

/// Reads an event document (its `type`, or `event_type` for transfers, picks the kind)
/// and refuses fields the event type does not know.
fn event(doc: Map<String, Value>) -> Result<Event, CliError> {
    let input = Value::Object(doc);
    let text = input.to_string();
    let event: Event =
        serde_json::from_str(&text).map_err(|e| CliError::usage(format!("invalid event: {e}")))?;
    let back =
        serde_json::to_value(&event).map_err(|e| CliError::usage(format!("invalid event: {e}")))?;
    if let (Value::Object(i), Value::Object(k)) = (&input, &back)
        && let Some(extra) = i
            .iter()
            .find(|(key, v)| !v.is_null() && !k.contains_key(*key))
    {
        return Err(CliError::usage(format!(
            "unknown field {} for a {} event",
            extra.0,
            event.kind()
        )));
    }
    Ok(event)
}

async fn call(
    op: &'static Operation,
    doc: Map<String, Value>,
    base_url: Option<String>,
    file: Option<PathBuf>,
) -> Result<Value, CliError> {
    no_file(&file, op.name)?;
    enum Req {
        Ping,
        Send(SendEvent),
        Decide(MakeDecision),
        Postback(Postback),
        Latest(LatestFraudAlerts),
        Find(FindFraudAlert),
        Confirm(ConfirmFraudAlert),
        Feedback(FraudAlertFeedback),
    }
    let req = match op.name {
        "ping" => no_input(&doc, op.name).map(|()| Req::Ping)?,
        "send-event" => Req::Send(SendEvent::new(event(doc)?)),
        "make-decision" => Req::Decide(MakeDecision::new(event(doc)?)),
        "postback" => Req::Postback(decode_strict(doc)?),
        "fraud-latest" => Req::Latest(decode_strict(doc)?),
        "fraud-find" => Req::Find(decode_strict(doc)?),
        "fraud-confirm" => Req::Confirm(decode_strict(doc)?),
        "fraud-feedback" => Req::Feedback(decode_strict(doc)?),
        other => {
            return Err(CliError::usage(format!(
                "unknown covery operation {other:?}"
            )));
        }
    };
    let c = client(base_url)?;
    match req {
        Req::Ping => to_json(&c.ping().await?),
        Req::Send(r) => to_json(&c.send_event(&r).await?),
        Req::Decide(r) => to_json(&c.make_decision(&r).await?),
        Req::Postback(r) => to_json(&c.postback(&r).await?),
        Req::Latest(r) => to_json(&c.latest_fraud_alerts(&r).await?),
        Req::Find(r) => to_json(&c.find_fraud_alert(&r).await?),
        // Confirming and feedback answer nothing: `()`, printed as `null`.
        Req::Confirm(r) => to_json(&c.confirm_fraud_alert(&r).await?),
        Req::Feedback(r) => to_json(&c.fraud_alert_feedback(&r).await?),
    }
}

/// The example fraud alert `trigger covery fraud-alert` sends: the documented example.
pub(crate) const EXAMPLE_ALERT: &str = r#"{"id":8464503,"source":"ethoca","externalId":"5SNLJ1WOKODEUPLY396439RT4","type":"issuer_alert","state":"none","cardBin":"502006","cardLast4":"7616","alertTimestamp":1459521191,"transactionTimestamp":1459521191,"transactionAmount":28.55,"transactionCurrency":"USD","is3dSecure":null,"arn":"43792622030200003292612","chargebackAmount":0,"chargebackCurrency":"","chargebackReasonCode":"","merchantDescriptor":"EXAMPLE"}"#;

impl ProviderCli for Covery {
    fn name(&self) -> &'static str {
        "covery"
    }

    fn operations(&self) -> &'static [Operation] {
        OPERATIONS
    }

    fn call<'a>(
        &'a self,
        op: &'static Operation,
        doc: Map<String, Value>,
        base_url: Option<String>,
        file: Option<PathBuf>,
    ) -> BoxFuture<'a, Result<Value, CliError>> {
        Box::pin(call(op, doc, base_url, file))
    }

    fn verify_callback(
        &self,
        headers: &[(String, String)],
        body: &[u8],
    ) -> Result<Value, CliError> {
        let secret = require_env("COVERY_SECRET")?;
        let verifier = Verifier::new(WebhookSecrets::new(secret.into()));
        let alert = verifier
            .verify(headers.iter().map(|(n, v)| (n.as_str(), v.as_str())), body)
            .map_err(|e| CliError::provider(format!("covery callback rejected: {e}")))?;
        to_json(&alert)
    }

    fn trigger<'a>(&'a self, event: &'a str, url: &'a str) -> BoxFuture<'a, Result<u16, CliError>> {
        Box::pin(async move {
            if event != "fraud-alert" {
                return Err(CliError::usage(format!(
                    "unknown covery event {event:?}; one of: fraud-alert"
                )));
            }
            let secret = require_env("COVERY_SECRET")?;
            let nonce = payments_core::signer::NonceSource::nonce(
                &payments_core::signer::TimestampNonce::new(),
            );
            let body = EXAMPLE_ALERT.as_bytes();
            let signature =
                payments_core::digest::sha256_nonce_hex(nonce.as_bytes(), body, secret.as_bytes());
            super::post_callback(
                url,
                &[
                    ("content-type", "application/json"),
                    ("x-auth-nonce", &nonce),
                    ("x-auth-signature", &signature),
                ],
                body,
            )
            .await
        })
    }
}
