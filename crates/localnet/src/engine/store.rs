//! Transaction history: what getTransaction, getSignatureStatuses and getSignaturesForAddress read.
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use solana_sdk::{
    inner_instruction::InnerInstructions, message::v0::LoadedAddresses, pubkey::Pubkey, signature::Signature,
    transaction::{TransactionError, VersionedTransaction}, transaction_context::TransactionReturnData,
};

use super::token::TokenBalance;

#[derive(Debug)]
pub struct TxRecord {
    pub slot: u64,
    pub block_time: i64,
    pub tx: VersionedTransaction,
    pub err: Option<TransactionError>,
    pub logs: Vec<String>,
    /// Per top-level instruction, as the runtime recorded them (from the simulation of the same state).
    pub inner: Vec<InnerInstructions>,
    pub fee: u64,
    pub keys: Vec<Pubkey>,
    pub loaded: LoadedAddresses,
    pub pre_balances: Vec<u64>,
    pub post_balances: Vec<u64>,
    pub pre_token: Vec<TokenBalance>,
    pub post_token: Vec<TokenBalance>,
    pub units: u64,
    pub return_data: Option<TransactionReturnData>,
}

#[derive(Default)]
pub struct TxStore {
    by_sig: HashMap<Signature, Arc<TxRecord>>,
    /// Oldest first.
    by_address: HashMap<Pubkey, Vec<Signature>>,
    /// Clock time of the last transaction in each slot (the clock can move within a slot).
    slot_times: BTreeMap<u64, i64>,
}

impl TxStore {
    pub fn get(&self, sig: &Signature) -> Option<&Arc<TxRecord>> {
        self.by_sig.get(sig)
    }

    pub fn insert(&mut self, record: TxRecord) -> Arc<TxRecord> {
        let sig = record.tx.signatures[0];
        for key in &record.keys {
            self.by_address.entry(*key).or_default().push(sig);
        }
        self.slot_times.insert(record.slot, record.block_time);
        let record = Arc::new(record);
        self.by_sig.insert(sig, record.clone());
        record
    }

    pub fn for_address(&self, key: &Pubkey) -> &[Signature] {
        self.by_address.get(key).map(Vec::as_slice).unwrap_or(&[])
    }

    pub fn block_time(&self, slot: u64) -> Option<i64> {
        self.slot_times.get(&slot).copied()
    }

    pub fn count(&self) -> u64 {
        self.by_sig.len() as u64
    }
}
