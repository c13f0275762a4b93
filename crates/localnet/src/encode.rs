//! Validator JSON shapes for accounts and transactions.
use base64::{engine::general_purpose::STANDARD as B64, Engine as _};
use serde::Deserialize;
use serde_json::{json, Value};
use solana_sdk::{
    account::Account, inner_instruction::InnerInstructions, instruction::CompiledInstruction, message::VersionedMessage,
    pubkey::Pubkey, transaction::VersionedTransaction, transaction_context::TransactionReturnData,
};

use crate::engine::TxRecord;
use crate::error::RpcError;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum AccountEncoding {
    Binary,
    Base58,
    Base64,
    Base64Zstd,
    /// No parsers here: served as base64, like the validator does for owners it cannot parse.
    JsonParsed,
}

impl AccountEncoding {
    pub fn parse(s: Option<&str>, default: Self) -> Result<Self, RpcError> {
        Ok(match s {
            None => default,
            Some("binary") => Self::Binary,
            Some("base58") => Self::Base58,
            Some("base64") => Self::Base64,
            Some("base64+zstd") => Self::Base64Zstd,
            Some("jsonParsed") => Self::JsonParsed,
            Some(other) => {
                return Err(RpcError::invalid_params(format!(
                    "unknown encoding `{other}`, expected one of binary, base58, base64, base64+zstd, jsonParsed"
                )))
            }
        })
    }
}

#[derive(Deserialize, Clone, Copy, Debug)]
pub struct DataSlice {
    pub offset: usize,
    pub length: usize,
}

pub fn b58(data: &[u8]) -> String {
    bs58::encode(data).into_string()
}

pub fn b64(data: &[u8]) -> String {
    B64.encode(data)
}

pub fn account_json(acc: &Account, enc: AccountEncoding, slice: Option<DataSlice>) -> Result<Value, RpcError> {
    let data = match slice {
        Some(s) => {
            let start = s.offset.min(acc.data.len());
            &acc.data[start..start.saturating_add(s.length).min(acc.data.len())]
        }
        None => &acc.data[..],
    };
    if matches!(enc, AccountEncoding::Binary | AccountEncoding::Base58) && data.len() > 128 {
        return Err(RpcError::new(-32600, "Encoded binary (base 58) data should be less than 128 bytes, please use Base64 encoding."));
    }
    let data = match enc {
        AccountEncoding::Binary => json!(b58(data)),
        AccountEncoding::Base58 => json!([b58(data), "base58"]),
        AccountEncoding::Base64 | AccountEncoding::JsonParsed => json!([b64(data), "base64"]),
        AccountEncoding::Base64Zstd => {
            let z = zstd::encode_all(data, 0).map_err(RpcError::internal)?;
            json!([b64(&z), "base64+zstd"])
        }
    };
    Ok(json!({
        "data": data,
        "executable": acc.executable,
        "lamports": acc.lamports,
        "owner": acc.owner.to_string(),
        "rentEpoch": acc.rent_epoch,
        "space": acc.data.len(),
    }))
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum TxEncoding {
    Json,
    JsonParsed,
    Base58,
    Base64,
}

impl TxEncoding {
    pub fn parse(s: Option<&str>) -> Result<Self, RpcError> {
        Ok(match s {
            None | Some("json") => Self::Json,
            Some("jsonParsed") => Self::JsonParsed,
            Some("base58") | Some("binary") => Self::Base58,
            Some("base64") => Self::Base64,
            Some(other) => return Err(RpcError::invalid_params(format!("unknown encoding `{other}`, expected one of json, jsonParsed, base58, base64"))),
        })
    }
}

fn compiled_json(ix: &CompiledInstruction, stack_height: Option<u32>) -> Value {
    json!({"programIdIndex": ix.program_id_index, "accounts": ix.accounts, "data": b58(&ix.data), "stackHeight": stack_height})
}

/// "Partially decoded": what jsonParsed gives for programs the validator has no parser for.
fn decoded_json(ix: &CompiledInstruction, keys: &[Pubkey], stack_height: Option<u32>) -> Value {
    let key = |i: u8| keys.get(i as usize).map(Pubkey::to_string);
    json!({
        "programId": key(ix.program_id_index),
        "accounts": ix.accounts.iter().map(|i| key(*i)).collect::<Vec<_>>(),
        "data": b58(&ix.data),
        "stackHeight": stack_height,
    })
}

pub fn inner_json(inner: &[InnerInstructions], parsed_keys: Option<&[Pubkey]>) -> Value {
    let groups: Vec<Value> = inner
        .iter()
        .enumerate()
        .filter(|(_, g)| !g.is_empty())
        .map(|(index, g)| {
            let ixs: Vec<Value> = g
                .iter()
                .map(|i| {
                    let h = Some(i.stack_height as u32);
                    match parsed_keys {
                        Some(keys) => decoded_json(&i.instruction, keys, h),
                        None => compiled_json(&i.instruction, h),
                    }
                })
                .collect();
            json!({"index": index, "instructions": ixs})
        })
        .collect();
    json!(groups)
}

pub fn return_data_json(rd: &Option<TransactionReturnData>) -> Value {
    match rd {
        Some(rd) => json!({"programId": rd.program_id.to_string(), "data": [b64(&rd.data), "base64"]}),
        None => Value::Null,
    }
}

fn strings(keys: &[Pubkey]) -> Vec<String> {
    keys.iter().map(Pubkey::to_string).collect()
}

fn message_json(msg: &VersionedMessage) -> Value {
    let h = msg.header();
    let mut out = json!({
        "accountKeys": strings(msg.static_account_keys()),
        "header": {
            "numRequiredSignatures": h.num_required_signatures,
            "numReadonlySignedAccounts": h.num_readonly_signed_accounts,
            "numReadonlyUnsignedAccounts": h.num_readonly_unsigned_accounts,
        },
        "recentBlockhash": msg.recent_blockhash().to_string(),
        "instructions": msg.instructions().iter().map(|ix| compiled_json(ix, None)).collect::<Vec<_>>(),
    });
    if let Some(lookups) = msg.address_table_lookups() {
        out["addressTableLookups"] = lookups
            .iter()
            .map(|l| json!({"accountKey": l.account_key.to_string(), "writableIndexes": l.writable_indexes, "readonlyIndexes": l.readonly_indexes}))
            .collect();
    }
    out
}

fn parsed_message_json(rec: &TxRecord) -> Value {
    let msg = &rec.tx.message;
    let statics = msg.static_account_keys().len();
    let writable_loaded = rec.loaded.writable.len();
    let keys: Vec<Value> = rec
        .keys
        .iter()
        .enumerate()
        .map(|(i, k)| {
            let writable = if i < statics { msg.is_maybe_writable(i, None) } else { i < statics + writable_loaded };
            let source = if i < statics { "transaction" } else { "lookupTable" };
            json!({"pubkey": k.to_string(), "writable": writable, "signer": msg.is_signer(i), "source": source})
        })
        .collect();
    let mut out = json!({
        "accountKeys": keys,
        "recentBlockhash": msg.recent_blockhash().to_string(),
        "instructions": msg.instructions().iter().map(|ix| decoded_json(ix, &rec.keys, None)).collect::<Vec<_>>(),
    });
    if let Some(lookups) = msg.address_table_lookups() {
        out["addressTableLookups"] = lookups
            .iter()
            .map(|l| json!({"accountKey": l.account_key.to_string(), "writableIndexes": l.writable_indexes, "readonlyIndexes": l.readonly_indexes}))
            .collect();
    }
    out
}

pub fn is_v0(tx: &VersionedTransaction) -> bool {
    matches!(tx.message, VersionedMessage::V0(_))
}

/// getTransaction's result for a stored transaction.
pub fn transaction_json(rec: &TxRecord, enc: TxEncoding, max_version: Option<u8>) -> Result<Value, RpcError> {
    let v0 = is_v0(&rec.tx);
    if v0 && max_version.is_none() {
        return Err(RpcError::new(
            -32015,
            "Transaction version (0) is not supported by the requesting client. Please try the request again with the following configuration parameter: \"maxSupportedTransactionVersion\": 0",
        ));
    }
    let signatures: Vec<String> = rec.tx.signatures.iter().map(|s| s.to_string()).collect();
    let transaction = match enc {
        TxEncoding::Json => json!({"signatures": signatures, "message": message_json(&rec.tx.message)}),
        TxEncoding::JsonParsed => json!({"signatures": signatures, "message": parsed_message_json(rec)}),
        TxEncoding::Base64 => json!([b64(&bincode::serialize(&rec.tx).map_err(RpcError::internal)?), "base64"]),
        TxEncoding::Base58 => json!([b58(&bincode::serialize(&rec.tx).map_err(RpcError::internal)?), "base58"]),
    };
    let parsed_keys = (enc == TxEncoding::JsonParsed).then_some(&rec.keys[..]);
    let status = match &rec.err {
        None => json!({"Ok": null}),
        Some(e) => json!({"Err": e}),
    };
    let mut meta = json!({
        "err": rec.err,
        "status": status,
        "fee": rec.fee,
        "preBalances": rec.pre_balances,
        "postBalances": rec.post_balances,
        "innerInstructions": inner_json(&rec.inner, parsed_keys),
        "logMessages": rec.logs,
        "preTokenBalances": rec.pre_token.iter().map(|b| b.to_json()).collect::<Vec<_>>(),
        "postTokenBalances": rec.post_token.iter().map(|b| b.to_json()).collect::<Vec<_>>(),
        "rewards": [],
        "loadedAddresses": {"writable": strings(&rec.loaded.writable), "readonly": strings(&rec.loaded.readonly)},
        "computeUnitsConsumed": rec.units,
    });
    if rec.return_data.is_some() {
        meta["returnData"] = return_data_json(&rec.return_data);
    }
    let mut out = json!({"slot": rec.slot, "blockTime": rec.block_time, "transaction": transaction, "meta": meta});
    if max_version.is_some() {
        out["version"] = if v0 { json!(0) } else { json!("legacy") };
    }
    Ok(out)
}
