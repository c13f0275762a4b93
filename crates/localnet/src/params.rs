//! Positional JSON-RPC params with -32602 errors that say which argument was wrong and why.
use std::str::FromStr;

use serde::de::DeserializeOwned;
use serde_json::Value;
use solana_sdk::{pubkey::Pubkey, signature::Signature};

use crate::error::RpcError;

pub struct Params(Vec<Value>);

impl Params {
    pub fn new(v: Option<Value>) -> Result<Params, RpcError> {
        match v {
            None | Some(Value::Null) => Ok(Params(vec![])),
            Some(Value::Array(items)) => Ok(Params(items)),
            Some(_) => Err(RpcError::invalid_params("`params` must be an array")),
        }
    }

    pub fn required<T: DeserializeOwned>(&self, i: usize, name: &str) -> Result<T, RpcError> {
        match self.0.get(i) {
            None => Err(RpcError::invalid_params(format!("missing argument {} (`{name}`); `params` should have at least {} argument(s)", i + 1, i + 1))),
            Some(v) => serde_json::from_value(v.clone()).map_err(|e| RpcError::invalid_params(format!("`{name}`: {e}"))),
        }
    }

    pub fn optional<T: DeserializeOwned>(&self, i: usize, name: &str) -> Result<Option<T>, RpcError> {
        match self.0.get(i) {
            None | Some(Value::Null) => Ok(None),
            Some(_) => self.required(i, name).map(Some),
        }
    }

    /// An optional config object; absent or null means all defaults.
    pub fn config<T: DeserializeOwned + Default>(&self, i: usize) -> Result<T, RpcError> {
        Ok(self.optional(i, "config")?.unwrap_or_default())
    }

    pub fn raw(&self, i: usize) -> Option<&Value> {
        self.0.get(i)
    }

    pub fn pubkey(&self, i: usize, name: &str) -> Result<Pubkey, RpcError> {
        parse_pubkey(&self.required::<String>(i, name)?, name)
    }
}

pub fn parse_pubkey(s: &str, name: &str) -> Result<Pubkey, RpcError> {
    Pubkey::from_str(s).map_err(|_| RpcError::invalid_params(format!("`{name}`: invalid pubkey `{s}`")))
}

pub fn parse_signature(s: &str, name: &str) -> Result<Signature, RpcError> {
    Signature::from_str(s).map_err(|_| RpcError::invalid_params(format!("`{name}`: invalid signature `{s}`")))
}
