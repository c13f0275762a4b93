//! Running transactions: simulate, submit (simulate for the inner instructions program-test only
//! records in simulations, then process), and record what getTransaction needs.
#![allow(deprecated)] // solana-sdk 2.3 re-exports the lookup-table state through deprecated paths.

use std::sync::Arc;

use solana_sdk::{
    account::Account, address_lookup_table::{self, state::AddressLookupTable}, inner_instruction::InnerInstructions,
    message::{v0::LoadedAddresses, MessageHeader, VersionedMessage}, pubkey::Pubkey, signature::Signature,
    signer::Signer, system_instruction, transaction::{Transaction, TransactionError, VersionedTransaction},
    transaction_context::TransactionReturnData,
};

use super::{token::TokenBalance, Event, State, TxEvent, TxRecord};
use crate::error::RpcError;

#[derive(Debug, Clone, Default)]
pub struct SimOutcome {
    pub err: Option<TransactionError>,
    pub logs: Vec<String>,
    pub units: u64,
    pub return_data: Option<TransactionReturnData>,
    pub inner: Option<Vec<InnerInstructions>>,
    pub loaded_accounts_data_size: u32,
}

pub enum SubmitError {
    /// Would not execute or land: the validator's preflight failure (-32002).
    Preflight(SimOutcome),
    Rpc(RpcError),
}

impl From<RpcError> for SubmitError {
    fn from(e: RpcError) -> Self {
        SubmitError::Rpc(e)
    }
}

/// A message's account keys with lookup tables applied, in runtime order.
pub struct Resolved {
    pub keys: Vec<Pubkey>,
    pub writable: Vec<bool>,
    pub loaded: LoadedAddresses,
}

fn static_writable(h: &MessageHeader, i: usize, n: usize) -> bool {
    let signed = h.num_required_signatures as usize;
    if i < signed {
        i < signed.saturating_sub(h.num_readonly_signed_accounts as usize)
    } else {
        i < n.saturating_sub(h.num_readonly_unsigned_accounts as usize)
    }
}

/// Native programs do not get the runtime's `Program return:` line (SBF ones do), and Anchor's
/// `.view()` reads it: put it where the validator does, before the program's last `success` line.
pub fn with_return_line(mut logs: Vec<String>, rd: &Option<TransactionReturnData>) -> Vec<String> {
    if let Some(rd) = rd.as_ref().filter(|rd| !rd.data.is_empty()) {
        use base64::Engine as _;
        let line = format!("Program return: {} {}", rd.program_id, base64::engine::general_purpose::STANDARD.encode(&rd.data));
        if logs.contains(&line) {
            return logs;
        }
        let success = format!("Program {} success", rd.program_id);
        match logs.iter().rposition(|l| *l == success) {
            Some(i) => logs.insert(i, line),
            None => logs.push(line),
        }
    }
    logs
}

impl State {
    pub async fn resolve(&mut self, msg: &VersionedMessage) -> Result<Resolved, TransactionError> {
        let statics = msg.static_account_keys();
        let n = statics.len();
        let mut writable: Vec<bool> = (0..n).map(|i| static_writable(msg.header(), i, n)).collect();
        let mut loaded = LoadedAddresses::default();
        for lookup in msg.address_table_lookups().unwrap_or(&[]) {
            let acc = self.account(&lookup.account_key).await.ok().flatten().ok_or(TransactionError::AddressLookupTableNotFound)?;
            if acc.owner != address_lookup_table::program::id() {
                return Err(TransactionError::InvalidAddressLookupTableOwner);
            }
            let table = AddressLookupTable::deserialize(&acc.data).map_err(|_| TransactionError::InvalidAddressLookupTableData)?;
            let pick = |i: &u8| table.addresses.get(*i as usize).copied().ok_or(TransactionError::InvalidAddressLookupTableIndex);
            for i in &lookup.writable_indexes {
                loaded.writable.push(pick(i)?);
            }
            for i in &lookup.readonly_indexes {
                loaded.readonly.push(pick(i)?);
            }
        }
        writable.extend(loaded.writable.iter().map(|_| true));
        writable.extend(loaded.readonly.iter().map(|_| false));
        let keys = statics.iter().chain(&loaded.writable).chain(&loaded.readonly).copied().collect();
        Ok(Resolved { keys, writable, loaded })
    }

    /// Runs `tx` against the current state without committing (signatures are not checked).
    pub async fn simulate(&mut self, tx: &VersionedTransaction) -> Result<SimOutcome, RpcError> {
        if let Ok(r) = self.resolve(&tx.message).await {
            self.note_keys(&r.keys);
        }
        let r = self.ctx.banks_client.simulate_transaction(tx.clone()).await?;
        let err = r.result.and_then(Result::err);
        Ok(match r.simulation_details {
            Some(d) => SimOutcome {
                err,
                logs: with_return_line(d.logs, &d.return_data),
                units: d.units_consumed,
                return_data: d.return_data.filter(|rd| !rd.data.is_empty()),
                inner: d.inner_instructions,
                loaded_accounts_data_size: d.loaded_accounts_data_size,
            },
            None => SimOutcome { err, ..SimOutcome::default() },
        })
    }

    /// Post-state of `addresses` as if `tx` had run. The bank does not hand out simulated
    /// accounts, so run a copy under another blockhash (the caller's message never enters the
    /// status cache) and put every account it wrote back.
    pub async fn simulated_accounts(&mut self, tx: &VersionedTransaction, addresses: &[Pubkey]) -> Result<Vec<Option<Account>>, RpcError> {
        let resolved = self.resolve(&tx.message).await.map_err(RpcError::internal)?;
        let pre = self.accounts(&resolved.keys).await?;
        let mut copy = tx.clone();
        let blockhash = self.fresh_blockhash(tx.message.recent_blockhash()).await?;
        copy.message.set_recent_blockhash(blockhash);
        let landed = self.ctx.banks_client.process_transaction_with_metadata(copy).await?.metadata.is_some();
        let post = self.accounts(&resolved.keys).await?;
        if landed {
            let restore: Vec<(Pubkey, Account)> = resolved
                .keys
                .iter()
                .zip(pre)
                .zip(&resolved.writable)
                .filter(|(_, w)| **w)
                .map(|((k, a), _)| (*k, a.unwrap_or_default()))
                .collect();
            // The copy's fee stays paid (the bank has already counted it), by the faucet.
            self.store_balanced(&restore).await?;
        }
        let mut out = Vec::with_capacity(addresses.len());
        for a in addresses {
            // Accounts outside the transaction are what they are now.
            out.push(match resolved.keys.iter().position(|k| k == a) {
                Some(i) => post[i].clone(),
                None => self.account(a).await?,
            });
        }
        Ok(out)
    }

    /// sendTransaction: like a validator, a signature seen before is answered, not re-run.
    pub async fn submit(&mut self, tx: VersionedTransaction, preflight: bool) -> Result<Signature, SubmitError> {
        let signature = tx.signatures[0];
        if self.txs.get(&signature).is_some() {
            return Ok(signature);
        }
        if !tx.verify_with_results().iter().all(|ok| *ok) {
            return Err(RpcError::new(-32003, "Transaction signature verification failure").into());
        }
        let not_landed = |err| SubmitError::Preflight(SimOutcome { err: Some(err), ..SimOutcome::default() });
        let resolved = self.resolve(&tx.message).await.map_err(not_landed)?;
        let sim = self.simulate(&tx).await?;
        if preflight && sim.err.is_some() {
            return Err(SubmitError::Preflight(sim));
        }
        let pre = self.accounts(&resolved.keys).await?;
        let clock = self.clock().await?;
        let result = self.ctx.banks_client.process_transaction_with_metadata(tx.clone()).await.map_err(RpcError::from)?;
        let Some(meta) = result.metadata else {
            return Err(not_landed(result.result.err().unwrap_or(TransactionError::AccountNotFound)));
        };
        let post = self.accounts(&resolved.keys).await?;
        let lamports = |accs: &[Option<Account>]| accs.iter().map(|a| a.as_ref().map_or(0, |a| a.lamports)).collect::<Vec<u64>>();
        let (pre_balances, post_balances) = (lamports(&pre), lamports(&post));
        // Lamports only move between the transaction's accounts; what is missing afterwards is the fee.
        let fee = pre_balances.iter().sum::<u64>().saturating_sub(post_balances.iter().sum::<u64>());
        let pre_token = self.token_balances(&pre).await?;
        let post_token = self.token_balances(&post).await?;
        let err = result.result.err();
        let written: Vec<(Pubkey, Account)> = resolved
            .keys
            .iter()
            .zip(&post)
            .zip(&resolved.writable)
            .filter(|(_, w)| **w)
            .map(|((k, a), _)| (*k, a.clone().unwrap_or_default()))
            .collect();
        let record = TxRecord {
            slot: clock.slot,
            block_time: clock.unix_timestamp,
            err: err.clone(),
            logs: with_return_line(meta.log_messages, &meta.return_data),
            inner: sim.inner.unwrap_or_default(),
            fee,
            keys: resolved.keys.clone(),
            loaded: resolved.loaded,
            pre_balances,
            post_balances,
            pre_token,
            post_token,
            units: meta.compute_units_consumed,
            return_data: meta.return_data.filter(|rd| !rd.data.is_empty()),
            tx,
        };
        if !self.quiet {
            eprintln!("tx {signature} {}", err.as_ref().map_or("ok".to_string(), |e| format!("failed: {e}")));
        }
        let record = self.txs.insert(record);
        self.emit(Event::Accounts { slot: record.slot, accounts: Arc::new(written) });
        self.emit(Event::Tx(Arc::new(TxEvent { signature, slot: record.slot, err, logs: record.logs.clone(), keys: record.keys.clone() })));
        Ok(signature)
    }

    /// requestAirdrop: a transfer from program-test's funded payer, recorded like any transaction.
    pub async fn airdrop(&mut self, to: &Pubkey, lamports: u64) -> Result<Signature, SubmitError> {
        let payer = self.ctx.payer.insecure_clone();
        let mut used = Default::default();
        loop {
            // The same transfer under the same blockhash would have the same signature.
            let blockhash = self.fresh_blockhash(&used).await?;
            let ix = system_instruction::transfer(&payer.pubkey(), to, lamports);
            let tx = Transaction::new_signed_with_payer(&[ix], Some(&payer.pubkey()), &[&payer], blockhash);
            if self.txs.get(&tx.signatures[0]).is_none() {
                return self.submit(tx.into(), true).await;
            }
            used = blockhash;
        }
    }

    async fn token_balances(&mut self, accs: &[Option<Account>]) -> Result<Vec<TokenBalance>, RpcError> {
        let mut out = vec![];
        for (index, acc) in accs.iter().enumerate() {
            let Some(acc) = acc else { continue };
            let Some((mint, owner, amount)) = super::token::token_account(acc) else { continue };
            if let Some(decimals) = self.mint_decimals(&mint).await? {
                out.push(TokenBalance { index, mint, owner, program: acc.owner, amount, decimals });
            }
        }
        Ok(out)
    }
}
