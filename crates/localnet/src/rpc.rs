//! JSON-RPC 2.0 framing: single and batch requests, notifications, and the standard error codes.
use std::panic::AssertUnwindSafe;

use futures_util::FutureExt;
use serde_json::{json, Map, Value};

use crate::engine::Engine;
use crate::error::RpcError;
use crate::params::Params;

pub fn error_response(id: Value, e: &RpcError) -> Value {
    json!({"jsonrpc": "2.0", "error": e.to_json(), "id": id})
}

/// The response body for a request body, or None when every request was a notification.
pub async fn handle_body(engine: &Engine, body: &[u8]) -> Option<Value> {
    let Ok(v) = serde_json::from_slice::<Value>(body) else {
        return Some(error_response(Value::Null, &RpcError::parse_error()));
    };
    match v {
        Value::Array(items) if items.is_empty() => Some(error_response(Value::Null, &RpcError::invalid_request("empty batch"))),
        Value::Array(items) => {
            let mut out = vec![];
            for item in items {
                out.extend(handle_request(engine, item).await);
            }
            (!out.is_empty()).then_some(Value::Array(out))
        }
        single => handle_request(engine, single).await,
    }
}

/// Splits a request object into (id, method, params), or the error response to send.
pub fn parse_request(req: Value) -> Result<(Option<Value>, String, Option<Value>), Value> {
    let Value::Object(mut obj) = req else {
        return Err(error_response(Value::Null, &RpcError::invalid_request("a request must be an object")));
    };
    let id = obj.remove("id");
    let reply_id = id.clone().unwrap_or(Value::Null);
    if obj.get("jsonrpc").is_some_and(|v| v != "2.0") {
        return Err(error_response(reply_id, &RpcError::invalid_request("`jsonrpc` must be \"2.0\"")));
    }
    let Some(Value::String(method)) = obj.remove("method") else {
        return Err(error_response(reply_id, &RpcError::invalid_request("`method` must be a string")));
    };
    Ok((id, method, obj.remove("params")))
}

async fn handle_request(engine: &Engine, req: Value) -> Option<Value> {
    let (id, method, params) = match parse_request(req) {
        Ok(parts) => parts,
        Err(response) => return Some(response),
    };
    let result = call(engine, &method, params).await;
    // A request without an id is a notification: it gets no response.
    let id = id?;
    Some(match result {
        Ok(v) => json!({"jsonrpc": "2.0", "result": v, "id": id}),
        Err(e) => error_response(id, &e),
    })
}

pub async fn call(engine: &Engine, method: &str, params: Option<Value>) -> Result<Value, RpcError> {
    let params = Params::new(params)?;
    // A bug in one method must not take the connection (or a lock holder) down with it.
    match AssertUnwindSafe(crate::methods::call(engine, method, params)).catch_unwind().await {
        Ok(r) => r,
        Err(_) => Err(RpcError::internal(format!("{method} panicked"))),
    }
}

pub fn context(slot: u64, value: Value) -> Value {
    let mut ctx = Map::new();
    ctx.insert("slot".into(), json!(slot));
    ctx.insert("apiVersion".into(), json!(crate::SOLANA_VERSION));
    json!({"context": ctx, "value": value})
}
