//! Blockhashes, slots, heights, epochs and node identity.
use std::str::FromStr;

use serde_json::{json, Value};
use solana_sdk::{hash::Hash, pubkey::Pubkey};

use crate::engine::Engine;
use crate::error::RpcError;
use crate::params::Params;
use crate::rpc::context;

/// How many block heights a blockhash is reported valid for. Block height only moves on warps here,
/// so web3's block-height expiry never fires early.
pub const BLOCKHASH_VALIDITY: u64 = 150;

pub fn identity() -> Pubkey {
    Pubkey::new_from_array(*b"pinfi-localnet-identity-00000000")
}

pub async fn get_latest_blockhash(engine: &Engine, _p: Params) -> Result<Value, RpcError> {
    let mut s = engine.lock().await;
    let blockhash = s.latest_blockhash().await?;
    let height = s.block_height().await?;
    let slot = s.slot().await?;
    Ok(context(slot, json!({"blockhash": blockhash.to_string(), "lastValidBlockHeight": height + BLOCKHASH_VALIDITY})))
}

pub async fn is_blockhash_valid(engine: &Engine, p: Params) -> Result<Value, RpcError> {
    let text: String = p.required(0, "blockhash")?;
    let hash = Hash::from_str(&text).map_err(|_| RpcError::invalid_params(format!("`blockhash`: invalid hash `{text}`")))?;
    let mut s = engine.lock().await;
    let valid = s.blockhash_valid(&hash).await?;
    Ok(context(s.slot().await?, json!(valid)))
}

pub async fn get_slot(engine: &Engine) -> Result<Value, RpcError> {
    Ok(json!(engine.lock().await.slot().await?))
}

pub async fn get_block_height(engine: &Engine) -> Result<Value, RpcError> {
    Ok(json!(engine.lock().await.block_height().await?))
}

pub async fn get_epoch_info(engine: &Engine) -> Result<Value, RpcError> {
    let mut s = engine.lock().await;
    let clock = s.clock().await?;
    let schedule = s.ctx.genesis_config().epoch_schedule.clone();
    let (epoch, slot_index) = schedule.get_epoch_and_slot_index(clock.slot);
    Ok(json!({
        "absoluteSlot": clock.slot,
        "blockHeight": s.block_height().await?,
        "epoch": epoch,
        "slotIndex": slot_index,
        "slotsInEpoch": schedule.get_slots_in_epoch(epoch),
        "transactionCount": s.txs.count(),
    }))
}

pub async fn get_epoch_schedule(engine: &Engine) -> Result<Value, RpcError> {
    let s = engine.lock().await;
    let e = &s.ctx.genesis_config().epoch_schedule;
    Ok(json!({
        "slotsPerEpoch": e.slots_per_epoch,
        "leaderScheduleSlotOffset": e.leader_schedule_slot_offset,
        "warmup": e.warmup,
        "firstNormalEpoch": e.first_normal_epoch,
        "firstNormalSlot": e.first_normal_slot,
    }))
}

pub async fn get_genesis_hash(engine: &Engine) -> Result<Value, RpcError> {
    Ok(json!(engine.lock().await.ctx.genesis_config().hash().to_string()))
}

/// The block time of the slot's transactions, or the clock for other past slots.
pub async fn get_block_time(engine: &Engine, p: Params) -> Result<Value, RpcError> {
    let slot: u64 = p.required(0, "slot")?;
    let mut s = engine.lock().await;
    let clock = s.clock().await?;
    if slot > clock.slot {
        return Err(RpcError::new(-32004, format!("Block not available for slot {slot}")));
    }
    Ok(json!(s.txs.block_time(slot).unwrap_or(clock.unix_timestamp)))
}

pub async fn get_transaction_count(engine: &Engine) -> Result<Value, RpcError> {
    Ok(json!(engine.lock().await.txs.count()))
}

pub async fn get_stake_minimum_delegation(engine: &Engine) -> Result<Value, RpcError> {
    let mut s = engine.lock().await;
    // program-test's genesis leaves stake_raise_minimum_delegation_to_1_sol off.
    Ok(context(s.slot().await?, json!(1)))
}
