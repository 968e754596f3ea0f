//! CoinCover on the command line: COINCOVER_TOKEN, COINCOVER_BASE_URL.

use coincover_api::{
    CheckTransaction, Client, CreatePlan, CreateUser, Environment, UpdatePlan, UpdateUser,
};
use serde_json::{Map, Value};

use super::{BoxFuture, Operation, ProviderCli, env, require_env, to_json};
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
) -> Result<Value, CliError> {
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
        Req::Check(r) => to_json(&client.check_transaction(&r).await?),
        Req::CreateUser(r) => client
            .create_user(&r)
            .await
            .map(|()| Value::Null)
            .map_err(Into::into),
        Req::UpdateUser(r) => client
            .update_user(&r)
            .await
            .map(|()| Value::Null)
            .map_err(Into::into),
        Req::CreatePlan(r) => client
            .create_plan(&r)
            .await
            .map(|()| Value::Null)
            .map_err(Into::into),
        Req::UpdatePlan(r) => client
            .update_plan(&r)
            .await
            .map(|()| Value::Null)
            .map_err(Into::into),
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
        file: Option<std::path::PathBuf>,
    ) -> BoxFuture<'a, Result<Value, CliError>> {
        Box::pin(async move {
            super::no_file(&file, op.name)?;
            call(op, doc, base_url).await
        })
    }
}
