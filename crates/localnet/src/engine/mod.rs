//! The bank behind the RPC: one `ProgramTestContext`, plus what a validator keeps and program-test
//! does not expose: transaction history, an index of account keys (there is no Bank handle to scan
//! for getProgramAccounts) and a stream of events for PubSub.

mod exec;
mod store;
pub mod token;

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use solana_program_test::ProgramTestContext;
use solana_sdk::{
    account::{Account, AccountSharedData}, clock::Clock, hash::Hash, pubkey, pubkey::Pubkey, signature::Signature, signer::Signer, sysvar,
    transaction::TransactionError,
};
use tokio::sync::{broadcast, Mutex, MutexGuard};

use crate::error::RpcError;
pub use exec::{with_return_line, Resolved, SimOutcome, SubmitError};
pub use store::{TxRecord, TxStore};

pub const TOKEN_2022: Pubkey = pubkey!("TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb");
const WELL_KNOWN: [Pubkey; 4] = [
    pubkey!("ATokenGPvbdGVxr1b2hvZbsiqW5xWH25efTNsLJA8knL"),
    pubkey!("MemoSq4gqABAXKb96qnH8TysNcWxMyWCqXgDLGmfcHr"),
    pubkey!("Memo1UhkJRfHyvLMcVucJwxXeuD728EqVDDwQDxFMNo"),
    TOKEN_2022,
];

/// What PubSub subscribers may want to hear about.
#[derive(Clone, Debug)]
pub enum Event {
    Tx(Arc<TxEvent>),
    /// Post-state of accounts a transaction or cheatcode wrote (deleted accounts as the default account).
    Accounts { slot: u64, accounts: Arc<Vec<(Pubkey, Account)>> },
    Slot { slot: u64, parent: u64 },
}

#[derive(Debug)]
pub struct TxEvent {
    pub signature: Signature,
    pub slot: u64,
    pub err: Option<TransactionError>,
    pub logs: Vec<String>,
    pub keys: Vec<Pubkey>,
}

pub struct Engine {
    state: Mutex<State>,
    events: broadcast::Sender<Event>,
}

impl Engine {
    pub async fn start(quiet: bool) -> Arc<Engine> {
        // Slow subscribers lag and miss events rather than stall the bank.
        let (events, _) = broadcast::channel(4096);
        let state = State::new(events.clone(), quiet).await;
        Arc::new(Engine { state: Mutex::new(state), events })
    }

    pub async fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().await
    }

    pub fn subscribe(&self) -> broadcast::Receiver<Event> {
        self.events.subscribe()
    }
}

pub struct State {
    pub ctx: ProgramTestContext,
    keys: BTreeSet<Pubkey>,
    /// Owner of each indexed key as last seen (None: no account). Every write goes through a
    /// transaction or cheatcode whose keys we refetch, so scans only fetch plausible candidates.
    owners: HashMap<Pubkey, Option<Pubkey>>,
    decimals: HashMap<Pubkey, u8>,
    pub txs: TxStore,
    /// Added to the bank's block height so reported heights never go back across resets.
    height_offset: u64,
    max_height: u64,
    events: broadcast::Sender<Event>,
    pub quiet: bool,
}

impl State {
    async fn new(events: broadcast::Sender<Event>, quiet: bool) -> State {
        let ctx = crate::program_test().start_with_context().await;
        let mut state = State {
            ctx,
            keys: BTreeSet::new(),
            owners: HashMap::new(),
            decimals: HashMap::new(),
            txs: TxStore::default(),
            height_offset: 0,
            max_height: 0,
            events,
            quiet,
        };
        state.seed_keys();
        state
    }

    /// A fresh bank with the program; every account, transaction and subscription target is gone.
    pub async fn reset(&mut self) -> Result<(), RpcError> {
        let before = self.block_height().await?;
        self.ctx = crate::program_test().start_with_context().await;
        self.keys.clear();
        self.owners.clear();
        self.decimals.clear();
        self.txs = TxStore::default();
        self.seed_keys();
        let raw = self.ctx.banks_client.get_root_block_height().await?;
        self.height_offset = (before + 1).saturating_sub(raw);
        let slot = self.slot().await?;
        self.emit(Event::Slot { slot, parent: slot.saturating_sub(1) });
        Ok(())
    }

    fn seed_keys(&mut self) {
        let genesis: Vec<Pubkey> = self.ctx.genesis_config().accounts.keys().copied().collect();
        self.keys.extend(genesis);
        self.keys.extend([self.ctx.payer.pubkey(), pinfi::ID, spl_token::ID]);
        self.keys.extend(WELL_KNOWN);
        self.keys.extend([sysvar::clock::ID, sysvar::rent::ID, sysvar::epoch_schedule::ID, sysvar::slot_hashes::ID, sysvar::stake_history::ID]);
    }

    pub fn emit(&self, event: Event) {
        // No receivers is the common case (no websocket client).
        let _ = self.events.send(event);
    }

    pub fn note_keys<'a>(&mut self, keys: impl IntoIterator<Item = &'a Pubkey>) {
        self.keys.extend(keys);
    }

    fn note_account(&mut self, key: &Pubkey, acc: Option<&Account>) {
        self.owners.insert(*key, acc.map(|a| a.owner));
        if acc.is_some() {
            self.keys.insert(*key);
        }
    }

    pub async fn account(&mut self, key: &Pubkey) -> Result<Option<Account>, RpcError> {
        let acc = self.ctx.banks_client.get_account(*key).await?;
        self.note_account(key, acc.as_ref());
        Ok(acc)
    }

    pub async fn accounts(&mut self, keys: &[Pubkey]) -> Result<Vec<Option<Account>>, RpcError> {
        let client = &self.ctx.banks_client;
        let mut accs = Vec::with_capacity(keys.len());
        // Concurrent requests to the in-process bank server, in bounded batches.
        for chunk in keys.chunks(256) {
            accs.extend(futures_util::future::try_join_all(chunk.iter().map(|k| client.get_account(*k))).await?);
        }
        for (k, a) in keys.iter().zip(&accs) {
            self.note_account(k, a.as_ref());
        }
        Ok(accs)
    }

    /// Every indexed account owned by `owner`, in key order.
    pub async fn scan(&mut self, owner: &Pubkey) -> Result<Vec<(Pubkey, Account)>, RpcError> {
        let candidates: Vec<Pubkey> = self
            .keys
            .iter()
            .filter(|k| match self.owners.get(k) {
                Some(known) => known.as_ref() == Some(owner),
                None => true,
            })
            .copied()
            .collect();
        let accs = self.accounts(&candidates).await?;
        Ok(candidates.into_iter().zip(accs).filter_map(|(k, a)| a.filter(|a| a.owner == *owner).map(|a| (k, a))).collect())
    }

    /// Overwrites accounts outside any transaction. The lamports come from (or go back to) the
    /// faucet, program-test's payer: a warp checks the bank's capitalization against the sum of
    /// all balances and panics on a mismatch, and only transactions update capitalization.
    pub async fn store_balanced(&mut self, writes: &[(Pubkey, Account)]) -> Result<(), RpcError> {
        let faucet = self.ctx.payer.pubkey();
        let keys: Vec<Pubkey> = writes.iter().map(|(k, _)| *k).collect();
        let before: i128 = self.accounts(&keys).await?.iter().map(|a| a.as_ref().map_or(0, |a| a.lamports as i128)).sum();
        let after: i128 = writes.iter().map(|(_, a)| a.lamports as i128).sum();
        let mut funder = match writes.iter().find(|(k, _)| *k == faucet) {
            Some((_, a)) => a.clone(),
            None => self.account(&faucet).await?.unwrap_or_default(),
        };
        let balance = funder.lamports as i128 + before - after;
        funder.lamports = u64::try_from(balance)
            .map_err(|_| RpcError::invalid_params(format!("the localnet faucet cannot fund {} lamports", after - before)))?;
        for (key, acc) in writes.iter().filter(|(k, _)| *k != faucet).chain([&(faucet, funder)]) {
            self.ctx.set_account(key, &AccountSharedData::from(acc.clone()));
            self.note_account(key, (acc.lamports > 0).then_some(acc));
        }
        Ok(())
    }

    /// A cheatcode write, announced to account subscribers.
    pub async fn set_account(&mut self, key: &Pubkey, account: Account) -> Result<(), RpcError> {
        self.store_balanced(&[(*key, account.clone())]).await?;
        let slot = self.slot().await?;
        self.emit(Event::Accounts { slot, accounts: Arc::new(vec![(*key, account)]) });
        Ok(())
    }

    pub async fn clock(&mut self) -> Result<Clock, RpcError> {
        Ok(self.ctx.banks_client.get_sysvar::<Clock>().await?)
    }

    pub async fn slot(&mut self) -> Result<u64, RpcError> {
        Ok(self.ctx.banks_client.get_root_slot().await?)
    }

    pub async fn block_height(&mut self) -> Result<u64, RpcError> {
        let h = self.ctx.banks_client.get_root_block_height().await? + self.height_offset;
        self.max_height = self.max_height.max(h);
        Ok(self.max_height)
    }

    pub async fn latest_blockhash(&mut self) -> Result<Hash, RpcError> {
        Ok(self.ctx.banks_client.get_latest_blockhash().await?)
    }

    /// A recent blockhash other than `not` (program-test registers one every ~6.4 ms).
    pub async fn fresh_blockhash(&mut self, not: &Hash) -> Result<Hash, RpcError> {
        for _ in 0..500 {
            let h = self.latest_blockhash().await?;
            if h != *not {
                return Ok(h);
            }
            tokio::time::sleep(std::time::Duration::from_millis(2)).await;
        }
        Err(RpcError::internal("the bank produced no new blockhash"))
    }

    /// Whether `hash` is still accepted for new transactions.
    pub async fn blockhash_valid(&mut self, hash: &Hash) -> Result<bool, RpcError> {
        // The bank prices a message only while its blockhash is in the queue.
        let msg = solana_sdk::message::Message::new_with_blockhash(&[], Some(&self.ctx.payer.pubkey()), hash);
        Ok(self.ctx.banks_client.get_fee_for_message(msg).await?.is_some())
    }

    pub async fn mint_decimals(&mut self, mint: &Pubkey) -> Result<Option<u8>, RpcError> {
        if let Some(d) = self.decimals.get(mint) {
            return Ok(Some(*d));
        }
        let d = self.account(mint).await?.and_then(|a| token::mint_decimals(&a));
        if let Some(d) = d {
            self.decimals.insert(*mint, d);
        }
        Ok(d)
    }
}

