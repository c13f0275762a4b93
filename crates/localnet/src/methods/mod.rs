//! Method table. Every commitment level is satisfied once a transaction is processed (one bank).
mod accounts;
mod chain;
mod tx;

pub use accounts::{check_filters, filters_allow};

use serde_json::Value;

use crate::engine::Engine;
use crate::error::RpcError;
use crate::params::Params;

pub async fn call(engine: &Engine, method: &str, p: Params) -> Result<Value, RpcError> {
    match method {
        "getAccountInfo" => accounts::get_account_info(engine, p).await,
        "getMultipleAccounts" => accounts::get_multiple_accounts(engine, p).await,
        "getProgramAccounts" => accounts::get_program_accounts(engine, p).await,
        "getBalance" => accounts::get_balance(engine, p).await,
        "getMinimumBalanceForRentExemption" => accounts::get_minimum_balance_for_rent_exemption(engine, p).await,
        "getTokenAccountBalance" => accounts::get_token_account_balance(engine, p).await,
        "getTokenAccountsByOwner" => accounts::get_token_accounts_by_owner(engine, p).await,
        "getTokenSupply" => accounts::get_token_supply(engine, p).await,

        "sendTransaction" => tx::send_transaction(engine, p).await,
        "simulateTransaction" => tx::simulate_transaction(engine, p).await,
        "getSignatureStatuses" => tx::get_signature_statuses(engine, p).await,
        "getTransaction" => tx::get_transaction(engine, p).await,
        "getSignaturesForAddress" => tx::get_signatures_for_address(engine, p).await,
        "requestAirdrop" => tx::request_airdrop(engine, p).await,
        "getFeeForMessage" => tx::get_fee_for_message(engine, p).await,

        "getLatestBlockhash" => chain::get_latest_blockhash(engine, p).await,
        "isBlockhashValid" => chain::is_blockhash_valid(engine, p).await,
        "getSlot" => chain::get_slot(engine).await,
        "getBlockHeight" => chain::get_block_height(engine).await,
        "getEpochInfo" => chain::get_epoch_info(engine).await,
        "getEpochSchedule" => chain::get_epoch_schedule(engine).await,
        "getGenesisHash" => chain::get_genesis_hash(engine).await,
        "getBlockTime" => chain::get_block_time(engine, p).await,
        "getTransactionCount" => chain::get_transaction_count(engine).await,
        "getVersion" => Ok(serde_json::json!({"solana-core": crate::SOLANA_VERSION, "feature-set": 0})),
        "getHealth" => Ok(Value::from("ok")),
        "getIdentity" => Ok(serde_json::json!({"identity": chain::identity().to_string()})),
        "getRecentPrioritizationFees" => Ok(serde_json::json!([])),
        "getFirstAvailableBlock" | "minimumLedgerSlot" => Ok(Value::from(0)),
        "getStakeMinimumDelegation" => chain::get_stake_minimum_delegation(engine).await,

        "surfnet_timeTravel" => crate::cheats::time_travel(engine, p).await,
        "surfnet_setAccount" => crate::cheats::set_account(engine, p).await,
        "surfnet_resetNetwork" => crate::cheats::reset_network(engine).await,
        "pinfi_getClock" => crate::cheats::get_clock(engine).await,
        _ => Err(RpcError::method_not_found(method)),
    }
}
