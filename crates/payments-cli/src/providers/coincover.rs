//! CoinCover on the command line: COINCOVER_TOKEN, COINCOVER_BASE_URL.

use std::path::PathBuf;

use coincover_api::{
    CheckTransaction, Client, CreatePlan, CreateUser, Environment, UpdatePlan, UpdateUser,
};
use serde_json::{Map, Value};

use super::{BoxFuture, Operation, ProviderCli, env, no_file, require_env, to_json};
use crate::exit::CliError;
use crate::input::{decode_strict, take_string};

/// CoinCover.
pub(crate) struct CoinCover;

/// A destination no sandbox rule flags (the documentation's example address).
pub(crate) const CLEAN_ADDRESS: &str = "16bG5v7VkCeadwzyD1CqAvL6soJ3nfGAhh";

/// A destination the sandbox lists as sanctioned (50101).
pub(crate) const SANCTIONED_ADDRESS: &str = payments_sandbox::coincover::LISTED_DESTINATIONS[0].0;

static OPERATIONS: &[Operation] = &[
    Operation {
        name: "check-transaction",
        method: "POST",
        path: "/transaction",
    },
    Operation {
        name: "create-user",
        method: "POST",
        path: "/user",
    },
    Operation {
        name: "update-user",
        method: "PATCH",
        path: "/user/{userId}",
    },
    Operation {
        name: "create-plan",
        method: "POST",
        path: "/user/{userId}/plan",
    },
    Operation {
        name: "update-plan",
        method: "PATCH",
        path: "/user/{userId}/plan",
    },
];

/// A client from the environment; `base_url` wins over COINCOVER_BASE_URL.
pub(crate) fn client(base_url: Option<String>) -> Result<Client, CliError> {
    let token = require_env("COINCOVER_TOKEN")?;
    let env = match base_url.or_else(|| env("COINCOVER_BASE_URL")) {
        Some(url) => Environment::Custom(url),
        None => Environment::Production,
    };
    Ok(Client::new(env, token)?)
}

async fn call(
    op: &'static Operation,
    mut doc: Map<String, Value>,
    base_url: Option<String>,
    file: Option<PathBuf>,
) -> Result<Value, CliError> {
    no_file(&file, op.name)?;
    // Decode (and validate the input's shape) before touching credentials or the network.
    enum Req {
        Check(CheckTransaction),
        CreateUser(CreateUser),
        UpdateUser(UpdateUser),
        CreatePlan(CreatePlan),
        UpdatePlan(UpdatePlan),
    }
    let req = match op.name {
        "check-transaction" => Req::Check(decode_strict(doc)?),
        "create-user" => Req::CreateUser(decode_strict(doc)?),
        "update-user" => {
            let user_id = take_string(&mut doc, "userId")?;
            let mut r: UpdateUser = decode_strict(doc)?;
            r.user_id = user_id;
            Req::UpdateUser(r)
        }
        "create-plan" => {
            let user_id = take_string(&mut doc, "userId")?;
            let mut r: CreatePlan = decode_strict(doc)?;
            r.user_id = user_id;
            Req::CreatePlan(r)
        }
        "update-plan" => {
            let user_id = take_string(&mut doc, "userId")?;
            let mut r: UpdatePlan = decode_strict(doc)?;
            r.user_id = user_id;
            Req::UpdatePlan(r)
        }
        other => {
            return Err(CliError::usage(format!(
                "unknown coincover operation {other:?}"
            )));
        }
    };
    let client = client(base_url)?;
    match req {
        // The user and plan operations answer nothing: `()`, printed as `null`.
        Req::Check(r) => to_json(&client.check_transaction(&r).await?),
        Req::CreateUser(r) => to_json(&client.create_user(&r).await?),
        Req::UpdateUser(r) => to_json(&client.update_user(&r).await?),
        Req::CreatePlan(r) => to_json(&client.create_plan(&r).await?),
        Req::UpdatePlan(r) => to_json(&client.update_plan(&r).await?),
    }
}

impl ProviderCli for CoinCover {
    fn name(&self) -> &'static str {
        "coincover"
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
