//! JSON-RPC errors, with the codes a validator uses so clients branch on them the same way.
use serde_json::{json, Value};

#[derive(Debug, Clone)]
pub struct RpcError {
    pub code: i64,
    pub message: String,
    pub data: Option<Value>,
}

pub type RpcResult = Result<Value, RpcError>;

impl RpcError {
    pub fn new(code: i64, message: impl Into<String>) -> Self {
        RpcError { code, message: message.into(), data: None }
    }
    pub fn parse_error() -> Self {
        Self::new(-32700, "Parse error")
    }
    pub fn invalid_request(detail: &str) -> Self {
        Self::new(-32600, if detail.is_empty() { "Invalid request".into() } else { format!("Invalid request: {detail}") })
    }
    pub fn method_not_found(method: &str) -> Self {
        Self::new(-32601, format!("Method not found: {method}"))
    }
    pub fn invalid_params(detail: impl std::fmt::Display) -> Self {
        Self::new(-32602, format!("Invalid params: {detail}"))
    }
    pub fn internal(detail: impl std::fmt::Display) -> Self {
        Self::new(-32603, format!("Internal error: {detail}"))
    }
    pub fn to_json(&self) -> Value {
        match &self.data {
            Some(data) => json!({"code": self.code, "message": self.message, "data": data}),
            None => json!({"code": self.code, "message": self.message}),
        }
    }
}

impl From<solana_program_test::BanksClientError> for RpcError {
    fn from(e: solana_program_test::BanksClientError) -> Self {
        RpcError::internal(format!("bank: {e}"))
    }
}
