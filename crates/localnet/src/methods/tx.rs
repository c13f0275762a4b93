//! Sending, simulating and looking up transactions.
use base64::{engine::general_purpose::STANDARD as B64, Engine as _};
use serde::Deserialize;
use serde_json::{json, Value};
use solana_sdk::{message::VersionedMessage, signature::Signature, transaction::VersionedTransaction};

use super::chain::BLOCKHASH_VALIDITY;
use crate::encode::{account_json, inner_json, return_data_json, transaction_json, AccountEncoding, TxEncoding};
use crate::engine::{Engine, SimOutcome, SubmitError};
use crate::error::RpcError;
use crate::params::{parse_pubkey, parse_signature, Params};
use crate::rpc::context;

/// Largest serialized transaction a validator accepts (PACKET_DATA_SIZE).
const MAX_TX_BYTES: usize = 1232;

fn decode_bytes(encoded: &str, encoding: Option<&str>, what: &str) -> Result<Vec<u8>, RpcError> {
    let bytes = match encoding.unwrap_or("base58") {
        "base58" => bs58::decode(encoded).into_vec().map_err(|e| RpcError::invalid_params(format!("invalid base58 {what}: {e}")))?,
        "base64" => B64.decode(encoded).map_err(|e| RpcError::invalid_params(format!("invalid base64 {what}: {e}")))?,
        other => return Err(RpcError::invalid_params(format!("unsupported encoding `{other}` for {what}, expected base58 or base64"))),
    };
    if bytes.len() > MAX_TX_BYTES {
        return Err(RpcError::invalid_params(format!("{what} too large: {} bytes (max: {MAX_TX_BYTES} bytes)", bytes.len())));
    }
    Ok(bytes)
}

fn decode_tx(encoded: &str, encoding: Option<&str>) -> Result<VersionedTransaction, RpcError> {
    let bytes = decode_bytes(encoded, encoding, "transaction")?;
    let tx: VersionedTransaction = bincode::deserialize(&bytes)
        .map_err(|e| RpcError::invalid_params(format!("failed to deserialize solana_transaction::versioned::VersionedTransaction: {e}")))?;
    tx.sanitize().map_err(|e| RpcError::invalid_params(format!("invalid transaction: Transaction failed to sanitize accounts offsets correctly ({e})")))?;
    Ok(tx)
}

/// The validator's preflight failure (-32002), message from the error's Display form.
fn preflight_error(sim: SimOutcome) -> RpcError {
    let err = sim.err.clone().expect("preflight failures carry an error");
    RpcError {
        code: -32002,
        message: format!("Transaction simulation failed: {err}"),
        data: Some(json!({
            "err": err,
            "logs": sim.logs,
            "accounts": null,
            "unitsConsumed": sim.units,
            "loadedAccountsDataSize": sim.loaded_accounts_data_size,
            "returnData": return_data_json(&sim.return_data),
            "innerInstructions": null,
            "replacementBlockhash": null,
        })),
    }
}

fn submit_error(e: SubmitError) -> RpcError {
    match e {
        SubmitError::Preflight(sim) => preflight_error(sim),
        SubmitError::Rpc(e) => e,
    }
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct SendConfig {
    encoding: Option<String>,
    skip_preflight: Option<bool>,
}

pub async fn send_transaction(engine: &Engine, p: Params) -> Result<Value, RpcError> {
    let encoded: String = p.required(0, "transaction")?;
    let cfg: SendConfig = p.config(1)?;
    let tx = decode_tx(&encoded, cfg.encoding.as_deref())?;
    let mut s = engine.lock().await;
    let sig = s.submit(tx, !cfg.skip_preflight.unwrap_or(false)).await.map_err(submit_error)?;
    Ok(json!(sig.to_string()))
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct SimAccounts {
    addresses: Vec<String>,
    encoding: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct SimConfig {
    encoding: Option<String>,
    sig_verify: Option<bool>,
    replace_recent_blockhash: Option<bool>,
    accounts: Option<SimAccounts>,
    inner_instructions: Option<bool>,
}

pub async fn simulate_transaction(engine: &Engine, p: Params) -> Result<Value, RpcError> {
    let encoded: String = p.required(0, "transaction")?;
    let cfg: SimConfig = p.config(1)?;
    let mut tx = decode_tx(&encoded, cfg.encoding.as_deref())?;
    let (sig_verify, replace) = (cfg.sig_verify.unwrap_or(false), cfg.replace_recent_blockhash.unwrap_or(false));
    if sig_verify && replace {
        return Err(RpcError::invalid_params("sigVerify may not be used with replaceRecentBlockhash"));
    }
    if sig_verify && !tx.verify_with_results().iter().all(|ok| *ok) {
        return Err(RpcError::new(-32003, "Transaction signature verification failure"));
    }
    let addresses = match &cfg.accounts {
        Some(a) => {
            AccountEncoding::parse(a.encoding.as_deref(), AccountEncoding::Base64)?;
            Some(a.addresses.iter().map(|k| parse_pubkey(k, "accounts.addresses")).collect::<Result<Vec<_>, _>>()?)
        }
        None => None,
    };
    let mut s = engine.lock().await;
    let mut replacement = Value::Null;
    if replace {
        let blockhash = s.latest_blockhash().await?;
        tx.message.set_recent_blockhash(blockhash);
        replacement = json!({"blockhash": blockhash.to_string(), "lastValidBlockHeight": s.block_height().await? + BLOCKHASH_VALIDITY});
    }
    let sim = s.simulate(&tx).await?;
    let accounts = match (&addresses, &sim.err) {
        (Some(addresses), None) => {
            let enc = AccountEncoding::parse(cfg.accounts.as_ref().and_then(|a| a.encoding.as_deref()), AccountEncoding::Base64)?;
            let accs = s.simulated_accounts(&tx, addresses).await?;
            json!(accs.iter().map(|a| a.as_ref().map(|a| account_json(a, enc, None)).transpose()).collect::<Result<Vec<_>, _>>()?)
        }
        _ => Value::Null,
    };
    let inner = match (cfg.inner_instructions.unwrap_or(false), &sim.inner) {
        (true, Some(inner)) => {
            let keys = s.resolve(&tx.message).await.map(|r| r.keys).unwrap_or_default();
            inner_json(inner, Some(&keys))
        }
        _ => Value::Null,
    };
    let slot = s.slot().await?;
    Ok(context(slot, json!({
        "err": sim.err,
        "logs": sim.logs,
        "accounts": accounts,
        "unitsConsumed": sim.units,
        "loadedAccountsDataSize": sim.loaded_accounts_data_size,
        "returnData": return_data_json(&sim.return_data),
        "innerInstructions": inner,
        "replacementBlockhash": replacement,
    })))
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct StatusConfig {
    #[allow(dead_code)] // every processed transaction is kept, so history is always searched
    search_transaction_history: Option<bool>,
}

pub async fn get_signature_statuses(engine: &Engine, p: Params) -> Result<Value, RpcError> {
    let sigs: Vec<String> = p.required(0, "signatures")?;
    if sigs.len() > 256 {
        return Err(RpcError::invalid_params("Too many inputs provided; max 256"));
    }
    let sigs = sigs.iter().map(|s| parse_signature(s, "signatures")).collect::<Result<Vec<_>, _>>()?;
    let _: StatusConfig = p.config(1)?;
    let mut s = engine.lock().await;
    let values: Vec<Value> = sigs
        .iter()
        .map(|sig| match s.txs.get(sig) {
            None => Value::Null,
            Some(r) => json!({
                "slot": r.slot,
                "confirmations": null,
                "err": r.err,
                "status": match &r.err { None => json!({"Ok": null}), Some(e) => json!({"Err": e}) },
                "confirmationStatus": "finalized",
            }),
        })
        .collect();
    Ok(context(s.slot().await?, json!(values)))
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct TxConfig {
    encoding: Option<String>,
    max_supported_transaction_version: Option<u8>,
}

pub async fn get_transaction(engine: &Engine, p: Params) -> Result<Value, RpcError> {
    let sig = parse_signature(&p.required::<String>(0, "signature")?, "signature")?;
    // The legacy form passes the encoding as a bare string.
    let cfg: TxConfig = match p.raw(1) {
        Some(Value::String(enc)) => TxConfig { encoding: Some(enc.clone()), ..TxConfig::default() },
        _ => p.config(1)?,
    };
    if cfg.max_supported_transaction_version.is_some_and(|v| v > 0) {
        return Err(RpcError::invalid_params("unsupported maxSupportedTransactionVersion (0 is the highest)"));
    }
    let enc = TxEncoding::parse(cfg.encoding.as_deref())?;
    let s = engine.lock().await;
    match s.txs.get(&sig) {
        None => Ok(Value::Null),
        Some(r) => transaction_json(r, enc, cfg.max_supported_transaction_version),
    }
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct SignaturesConfig {
    limit: Option<usize>,
    before: Option<String>,
    until: Option<String>,
}

pub async fn get_signatures_for_address(engine: &Engine, p: Params) -> Result<Value, RpcError> {
    let key = p.pubkey(0, "address")?;
    let cfg: SignaturesConfig = p.config(1)?;
    let limit = cfg.limit.unwrap_or(1000);
    if !(1..=1000).contains(&limit) {
        return Err(RpcError::invalid_params("Invalid limit; max 1000"));
    }
    let before = cfg.before.as_deref().map(|b| parse_signature(b, "before")).transpose()?;
    let until = cfg.until.as_deref().map(|u| parse_signature(u, "until")).transpose()?;
    let s = engine.lock().await;
    let newest_first = s.txs.for_address(&key).iter().rev();
    let after_before: Vec<&Signature> = match before {
        Some(b) => newest_first.skip_while(|s| **s != b).skip(1).collect(),
        None => newest_first.collect(),
    };
    let out: Vec<Value> = after_before
        .into_iter()
        .take_while(|s| Some(**s) != until)
        .take(limit)
        .filter_map(|sig| s.txs.get(sig).map(|r| (sig, r)))
        .map(|(sig, r)| json!({"signature": sig.to_string(), "slot": r.slot, "err": r.err, "memo": null, "blockTime": r.block_time, "confirmationStatus": "finalized"}))
        .collect();
    Ok(json!(out))
}

pub async fn request_airdrop(engine: &Engine, p: Params) -> Result<Value, RpcError> {
    let to = p.pubkey(0, "pubkey")?;
    let lamports: u64 = p.required(1, "lamports")?;
    let mut s = engine.lock().await;
    let sig = s.airdrop(&to, lamports).await.map_err(submit_error)?;
    Ok(json!(sig.to_string()))
}

pub async fn get_fee_for_message(engine: &Engine, p: Params) -> Result<Value, RpcError> {
    let encoded: String = p.required(0, "message")?;
    let bytes = decode_bytes(&encoded, Some("base64"), "message")?;
    let msg: VersionedMessage = bincode::deserialize(&bytes).map_err(|e| RpcError::invalid_params(format!("invalid message: {e}")))?;
    let mut s = engine.lock().await;
    let fee = match &msg {
        VersionedMessage::Legacy(m) => s.ctx.banks_client.get_fee_for_message(m.clone()).await?,
        // The bank only prices legacy messages; v0 pays per signature the same way.
        VersionedMessage::V0(m) => {
            let probe = solana_sdk::message::Message::new_with_blockhash(&[], m.account_keys.first(), &m.recent_blockhash);
            let per_sig = s.ctx.banks_client.get_fee_for_message(probe).await?;
            per_sig.map(|f| f * m.header.num_required_signatures as u64)
        }
    };
    Ok(context(s.slot().await?, json!(fee)))
}
