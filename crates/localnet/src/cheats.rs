//! Test control, named after surfpool's cheatcodes so tests could move to it unchanged.
use base64::{engine::general_purpose::STANDARD as B64, Engine as _};
use serde::Deserialize;
use serde_json::{json, Value};
use solana_sdk::{account::Account, clock::Clock};

use crate::engine::{Engine, Event, State};
use crate::error::RpcError;
use crate::params::{parse_pubkey, Params};
use crate::rpc::context;

fn clock_json(c: &Clock) -> Value {
    json!({
        "slot": c.slot,
        "epoch": c.epoch,
        "unixTimestamp": c.unix_timestamp,
        "epochStartTimestamp": c.epoch_start_timestamp,
        "leaderScheduleEpoch": c.leader_schedule_epoch,
    })
}

pub async fn get_clock(engine: &Engine) -> Result<Value, RpcError> {
    Ok(clock_json(&engine.lock().await.clock().await?))
}

/// 2^48 slots is millions of years of 400 ms slots.
const MAX_SLOT: u64 = 1 << 48;

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct TimeTravel {
    absolute_timestamp: Option<i64>,
    absolute_slot: Option<u64>,
    absolute_epoch: Option<u64>,
}

/// Moves the bank to a later slot, keeping the clock's timestamp from going back (a new bank
/// recomputes it from genesis).
async fn warp(s: &mut State, slot: u64) -> Result<(), RpcError> {
    // Tick heights are slot × 64: far slots overflow inside the bank, which then panics while
    // holding its locks and is unusable afterwards.
    if slot > MAX_SLOT {
        return Err(RpcError::invalid_params(format!("slot {slot} is beyond the localnet's limit of {MAX_SLOT}")));
    }
    let before = s.clock().await?;
    if slot < before.slot {
        return Err(RpcError::invalid_params(format!("cannot travel back to slot {slot}: the clock is at slot {}", before.slot)));
    }
    if slot == before.slot {
        return Ok(());
    }
    s.ctx.warp_to_slot(slot).map_err(|e| RpcError::internal(format!("warp to slot {slot}: {e}")))?;
    let mut after = s.clock().await?;
    if after.unix_timestamp < before.unix_timestamp {
        after.unix_timestamp = before.unix_timestamp;
        s.ctx.set_sysvar(&after);
    }
    s.emit(Event::Slot { slot, parent: before.slot });
    Ok(())
}

pub async fn time_travel(engine: &Engine, p: Params) -> Result<Value, RpcError> {
    let t: TimeTravel = p.config(0)?;
    if t.absolute_timestamp.is_none() && t.absolute_slot.is_none() && t.absolute_epoch.is_none() {
        return Err(RpcError::invalid_params("expected one of absoluteTimestamp, absoluteSlot, absoluteEpoch"));
    }
    let mut s = engine.lock().await;
    let now = s.clock().await?;
    // Check everything before changing anything.
    if let Some(ts) = t.absolute_timestamp {
        if ts < now.unix_timestamp {
            return Err(RpcError::invalid_params(format!("cannot travel back in time: {ts} is before the clock's {}", now.unix_timestamp)));
        }
    }
    let epoch_slot = match t.absolute_epoch {
        Some(e) if e > MAX_SLOT / 32 => return Err(RpcError::invalid_params(format!("epoch {e} is beyond the localnet's limit"))),
        Some(e) => Some(s.ctx.genesis_config().epoch_schedule.get_first_slot_in_epoch(e)),
        None => None,
    };
    if let Some(slot) = t.absolute_slot.into_iter().chain(epoch_slot).max() {
        warp(&mut s, slot).await?;
    }
    if let Some(ts) = t.absolute_timestamp {
        let mut clock = s.clock().await?;
        clock.unix_timestamp = clock.unix_timestamp.max(ts);
        s.ctx.set_sysvar(&clock);
    }
    let clock = s.clock().await?;
    let mut out = clock_json(&clock);
    out["absoluteSlot"] = json!(clock.slot);
    out["blockHeight"] = json!(s.block_height().await?);
    Ok(out)
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct AccountUpdate {
    lamports: Option<u64>,
    /// Hex like surfpool, or base64 when `encoding` is "base64".
    data: Option<String>,
    encoding: Option<String>,
    owner: Option<String>,
    executable: Option<bool>,
    rent_epoch: Option<u64>,
}

pub async fn set_account(engine: &Engine, p: Params) -> Result<Value, RpcError> {
    let key = p.pubkey(0, "pubkey")?;
    let u: AccountUpdate = p.required(1, "update")?;
    let data = match (u.data.as_deref(), u.encoding.as_deref()) {
        (None, _) => None,
        (Some(d), None | Some("hex")) => Some(hex(d)?),
        (Some(d), Some("base64")) => Some(B64.decode(d).map_err(|e| RpcError::invalid_params(format!("`data`: invalid base64: {e}")))?),
        (Some(_), Some(other)) => return Err(RpcError::invalid_params(format!("`encoding`: expected hex or base64, got `{other}`"))),
    };
    let owner = u.owner.as_deref().map(|o| parse_pubkey(o, "owner")).transpose()?;
    let mut s = engine.lock().await;
    let mut acc: Account = s.account(&key).await?.unwrap_or_default();
    if let Some(l) = u.lamports {
        acc.lamports = l;
    }
    if let Some(d) = data {
        acc.data = d;
    }
    if let Some(o) = owner {
        acc.owner = o;
    }
    if let Some(e) = u.executable {
        acc.executable = e;
    }
    if let Some(r) = u.rent_epoch {
        acc.rent_epoch = r;
    }
    s.set_account(&key, acc).await?;
    Ok(context(s.slot().await?, Value::Null))
}

fn hex(s: &str) -> Result<Vec<u8>, RpcError> {
    let s = s.strip_prefix("0x").unwrap_or(s);
    let bad = || RpcError::invalid_params("`data`: expected hex (even number of 0-9a-f digits)");
    if s.len() % 2 != 0 {
        return Err(bad());
    }
    (0..s.len()).step_by(2).map(|i| u8::from_str_radix(s.get(i..i + 2).ok_or_else(bad)?, 16).map_err(|_| bad())).collect()
}

pub async fn reset_network(engine: &Engine) -> Result<Value, RpcError> {
    let mut s = engine.lock().await;
    s.reset().await?;
    Ok(context(s.slot().await?, Value::Null))
}
