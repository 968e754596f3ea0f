//! Coinify on the command line: COINIFY_PARTNER_ID, COINIFY_PRIVATE_KEY_FILE,
//! COINIFY_BASE_URL.

use std::path::PathBuf;

use coinify_api::{
    Client, DocumentType, Environment, GetApproximateQuote, SubmitKyc, UploadDocument,
};
use serde_json::{Map, Value};

use super::{BoxFuture, Operation, ProviderCli, env, no_file, no_input, require_env, to_json};
use crate::exit::CliError;
use crate::input::{decode_strict, take_string};

/// Coinify.
pub(crate) struct Coinify;

static OPERATIONS: &[Operation] = &[
    Operation {
        name: "approximate-quote",
        method: "GET",
        path: "/partners/{partnerId}/approximate-quote",
    },
    Operation {
        name: "kyc-create",
        method: "POST",
        path: "/partners/{partnerId}/kyc",
    },
    Operation {
        name: "kyc-upload-document",
        method: "POST",
        path: "/partners/{partnerId}/kyc/{reviewId}/documents",
    },
    Operation {
        name: "countries",
        method: "GET",
        path: "/countries/{partnerId}",
    },
    Operation {
        name: "payment-methods",
        method: "GET",
        path: "/partners/{partnerId}/payment-methods",
    },
];

/// A client from the environment; `base_url` wins over COINIFY_BASE_URL. The private key
/// is read only when `with_key` (the KYC operations).
pub(crate) fn client(base_url: Option<String>, with_key: bool) -> Result<Client, CliError> {
    let partner = require_env("COINIFY_PARTNER_ID")?;
    let env = match base_url.or_else(|| env("COINIFY_BASE_URL")) {
        Some(url) => Environment::Custom(url),
        None => Environment::Production,
    };
    let mut builder = Client::builder(env, &partner);
    if with_key {
        let path = require_env("COINIFY_PRIVATE_KEY_FILE")?;
        let pem = std::fs::read_to_string(&path).map_err(|e| {
            CliError::usage(format!("cannot read COINIFY_PRIVATE_KEY_FILE {path}: {e}"))
        })?;
        builder = builder.private_key(pem);
    }
    Ok(builder.build()?)
}

/// The MIME type of a document from its extension.
fn mime_for(path: &std::path::Path) -> Option<&'static str> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    Some(match ext.as_str() {
        "jpg" | "jpeg" => "image/jpeg",
        "png" => "image/png",
        "pdf" => "application/pdf",
        _ => return None,
    })
}

async fn call(
    op: &'static Operation,
    mut doc: Map<String, Value>,
    base_url: Option<String>,
    file: Option<PathBuf>,
) -> Result<Value, CliError> {
    if op.name != "kyc-upload-document" {
        no_file(&file, op.name)?;
    }
    match op.name {
        "approximate-quote" => {
            let r: GetApproximateQuote = decode_strict(doc)?;
            to_json(&client(base_url, false)?.approximate_quote(&r).await?)
        }
        "kyc-create" => {
            let r: SubmitKyc = decode_strict(doc)?;
            let result = client(base_url, true)?.submit_kyc(&r).await?;
            let mut v = to_json(&result.review)?;
            if let Value::Object(m) = &mut v {
                m.insert("created".into(), Value::Bool(result.created));
            }
            Ok(v)
        }
        "kyc-upload-document" => {
            let review_id = take_string(&mut doc, "reviewId")?;
            let external_id = take_string(&mut doc, "externalId")?;
            let kind = take_string(&mut doc, "documentType")?;
            let kind = DocumentType::parse(&kind).ok_or_else(|| {
                CliError::usage(format!(
                    "documentType {kind:?} is not one of passport, national_id, drivers_license, selfie"
                ))
            })?;
            let path =
                file.ok_or_else(|| CliError::usage("kyc-upload-document needs --file PATH"))?;
            let content_type = match doc.remove("contentType") {
                Some(Value::String(s)) => s,
                Some(_) => return Err(CliError::usage("contentType must be a string")),
                None => mime_for(&path)
                    .ok_or_else(|| {
                        CliError::usage(format!(
                            "cannot tell the MIME type of {}; give \"contentType\" in --data",
                            path.display()
                        ))
                    })?
                    .to_owned(),
            };
            if let Some(k) = doc.keys().next() {
                return Err(CliError::usage(format!("unknown field {k}")));
            }
            let c = client(base_url, true)?;
            let upload = tokio::task::spawn_blocking(move || {
                UploadDocument::from_path(review_id, external_id, kind, &content_type, &path)
            })
            .await
            .map_err(|e| CliError::usage(format!("cannot read the file: {e}")))??;
            to_json(&c.upload_document(&upload).await?)
        }
        "countries" => {
            no_input(&doc, op.name)?;
            to_json(&client(base_url, false)?.supported_countries().await?)
        }
        "payment-methods" => {
            no_input(&doc, op.name)?;
            to_json(&client(base_url, false)?.payment_methods().await?)
        }
        other => Err(CliError::usage(format!(
            "unknown coinify operation {other:?}"
        ))),
    }
}

impl ProviderCli for Coinify {
    fn name(&self) -> &'static str {
        "coinify"
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
}
