//! Account reads: single, multiple, program scans and SPL token views.
use serde::Deserialize;
use serde_json::{json, Value};
use solana_rpc_client_types::filter::RpcFilterType;
use solana_sdk::{account::Account, pubkey::Pubkey};

use crate::encode::{account_json, AccountEncoding, DataSlice};
use crate::engine::{token, Engine, TOKEN_2022};
use crate::error::RpcError;
use crate::params::{parse_pubkey, Params};
use crate::rpc::context;

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct AccountConfig {
    encoding: Option<String>,
    data_slice: Option<DataSlice>,
    filters: Option<Vec<RpcFilterType>>,
    with_context: Option<bool>,
}

impl AccountConfig {
    fn encoding(&self) -> Result<AccountEncoding, RpcError> {
        // The validator's default is the legacy base58 "binary" encoding.
        AccountEncoding::parse(self.encoding.as_deref(), AccountEncoding::Binary)
    }
}

fn encode_opt(acc: Option<&Account>, enc: AccountEncoding, slice: Option<DataSlice>) -> Result<Value, RpcError> {
    acc.map_or(Ok(Value::Null), |a| account_json(a, enc, slice))
}

pub async fn get_account_info(engine: &Engine, p: Params) -> Result<Value, RpcError> {
    let key = p.pubkey(0, "pubkey")?;
    let cfg: AccountConfig = p.config(1)?;
    let enc = cfg.encoding()?;
    let mut s = engine.lock().await;
    let acc = s.account(&key).await?;
    Ok(context(s.slot().await?, encode_opt(acc.as_ref(), enc, cfg.data_slice)?))
}

pub async fn get_multiple_accounts(engine: &Engine, p: Params) -> Result<Value, RpcError> {
    let keys: Vec<String> = p.required(0, "pubkeys")?;
    if keys.len() > 100 {
        return Err(RpcError::invalid_params("Too many inputs provided; max 100"));
    }
    let keys = keys.iter().map(|k| parse_pubkey(k, "pubkeys")).collect::<Result<Vec<_>, _>>()?;
    let cfg: AccountConfig = p.config(1)?;
    let enc = cfg.encoding()?;
    let mut s = engine.lock().await;
    let accs = s.accounts(&keys).await?;
    let values = accs.iter().map(|a| encode_opt(a.as_ref(), enc, cfg.data_slice)).collect::<Result<Vec<_>, _>>()?;
    Ok(context(s.slot().await?, json!(values)))
}

fn filter_allows(f: &RpcFilterType, data: &[u8], acc: &Account) -> bool {
    match f {
        RpcFilterType::DataSize(n) => data.len() as u64 == *n,
        RpcFilterType::Memcmp(m) => m.bytes_match(data),
        RpcFilterType::TokenAccountState => token::token_account(acc).is_some(),
    }
}

pub fn check_filters(filters: &[RpcFilterType]) -> Result<(), RpcError> {
    if filters.len() > 4 {
        return Err(RpcError::invalid_params("Too many filters provided; max 4"));
    }
    for f in filters {
        f.verify().map_err(|e| RpcError::invalid_params(format!("filter {f:?}: {e}")))?;
    }
    Ok(())
}

pub fn filters_allow(filters: &[RpcFilterType], acc: &Account) -> bool {
    filters.iter().all(|f| filter_allows(f, &acc.data, acc))
}

pub async fn get_program_accounts(engine: &Engine, p: Params) -> Result<Value, RpcError> {
    let program = p.pubkey(0, "programId")?;
    let cfg: AccountConfig = p.config(1)?;
    let enc = cfg.encoding()?;
    let filters = cfg.filters.clone().unwrap_or_default();
    check_filters(&filters)?;
    let mut s = engine.lock().await;
    let mut out = vec![];
    for (key, acc) in s.scan(&program).await? {
        if filters_allow(&filters, &acc) {
            out.push(json!({"pubkey": key.to_string(), "account": account_json(&acc, enc, cfg.data_slice)?}));
        }
    }
    Ok(if cfg.with_context == Some(true) { context(s.slot().await?, json!(out)) } else { json!(out) })
}

pub async fn get_balance(engine: &Engine, p: Params) -> Result<Value, RpcError> {
    let key = p.pubkey(0, "pubkey")?;
    let mut s = engine.lock().await;
    let lamports = s.account(&key).await?.map_or(0, |a| a.lamports);
    Ok(context(s.slot().await?, json!(lamports)))
}

pub async fn get_minimum_balance_for_rent_exemption(engine: &Engine, p: Params) -> Result<Value, RpcError> {
    let len: usize = p.required(0, "dataLength")?;
    // Beyond the largest possible account the rent arithmetic overflows.
    const MAX_ACCOUNT_LEN: usize = 10 * 1024 * 1024;
    if len > MAX_ACCOUNT_LEN {
        return Err(RpcError::invalid_params(format!("`dataLength`: {len} is larger than an account can be ({MAX_ACCOUNT_LEN})")));
    }
    let s = engine.lock().await;
    let rent = s.ctx.banks_client.get_rent().await?;
    Ok(json!(rent.minimum_balance(len)))
}

fn not_token(what: &str) -> RpcError {
    RpcError::invalid_params(format!("not a Token {what}"))
}

pub async fn get_token_account_balance(engine: &Engine, p: Params) -> Result<Value, RpcError> {
    let key = p.pubkey(0, "pubkey")?;
    let mut s = engine.lock().await;
    let acc = s.account(&key).await?.ok_or_else(|| RpcError::invalid_params("could not find account"))?;
    let (mint, _, amount) = token::token_account(&acc).ok_or_else(|| not_token("account"))?;
    let decimals = s.mint_decimals(&mint).await?.ok_or_else(|| not_token("mint"))?;
    Ok(context(s.slot().await?, token::ui_amount(amount, decimals)))
}

pub async fn get_token_supply(engine: &Engine, p: Params) -> Result<Value, RpcError> {
    let key = p.pubkey(0, "pubkey")?;
    let mut s = engine.lock().await;
    let acc = s.account(&key).await?.ok_or_else(|| RpcError::invalid_params("could not find mint"))?;
    let decimals = token::mint_decimals(&acc).ok_or_else(|| not_token("mint"))?;
    let supply = u64::from_le_bytes(acc.data[36..44].try_into().expect("mint layout"));
    Ok(context(s.slot().await?, token::ui_amount(supply, decimals)))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
enum TokenFilter {
    Mint(String),
    ProgramId(String),
}

pub async fn get_token_accounts_by_owner(engine: &Engine, p: Params) -> Result<Value, RpcError> {
    let owner = p.pubkey(0, "owner")?;
    let filter: TokenFilter = p.required(1, "filter ({mint} or {programId})")?;
    let cfg: AccountConfig = p.config(2)?;
    let enc = cfg.encoding()?;
    let (mint, programs): (Option<Pubkey>, Vec<Pubkey>) = match filter {
        TokenFilter::Mint(m) => (Some(parse_pubkey(&m, "mint")?), vec![spl_token::ID, TOKEN_2022]),
        TokenFilter::ProgramId(id) => {
            let id = parse_pubkey(&id, "programId")?;
            if id != spl_token::ID && id != TOKEN_2022 {
                return Err(RpcError::invalid_params("unrecognized Token program id"));
            }
            (None, vec![id])
        }
    };
    let mut s = engine.lock().await;
    let mut out = vec![];
    for program in programs {
        for (key, acc) in s.scan(&program).await? {
            let Some((m, o, _)) = token::token_account(&acc) else { continue };
            if o == owner && mint.is_none_or(|want| want == m) {
                out.push(json!({"pubkey": key.to_string(), "account": account_json(&acc, enc, cfg.data_slice)?}));
            }
        }
    }
    Ok(context(s.slot().await?, json!(out)))
}
