//! Driver methods for proof-of-compute instructions (verifiers, challenges, verdicts).

use crate::harness::*;
use pinfi::constants::{CHALLENGE_SEED, VERIFIER_SEED, VERIFIER_VAULT_SEED};
use pinfi::instructions::VerdictArgs;
use pinfi::manager::lottery;
use pinfi::state::{ChallengeOutcome, LotteryParams, LotteryTicket, VerificationParams};
use solana_sdk::{clock::Clock, hash::hashv, pubkey::Pubkey, signature::Keypair, signer::Signer, system_program, sysvar};

pub fn verifier_pda(authority: &Pubkey) -> Pubkey {
    Pubkey::find_program_address(&[VERIFIER_SEED, authority.as_ref()], &pinfi::ID).0
}
pub fn verifier_vault_pda(verifier: &Pubkey) -> Pubkey {
    Pubkey::find_program_address(&[VERIFIER_VAULT_SEED, verifier.as_ref()], &pinfi::ID).0
}
pub fn challenge_pda(device: &Pubkey, id: u64) -> Pubkey {
    Pubkey::find_program_address(&[CHALLENGE_SEED, device.as_ref(), &id.to_le_bytes()], &pinfi::ID).0
}

/// A verdict as an honest verifier would post it for `nonce`.
pub fn verdict(outcome: ChallengeOutcome, nonce: [u8; 32], elapsed_ms: u32, deadline_ms: u32) -> VerdictArgs {
    VerdictArgs { outcome, nonce, elapsed_ms, deadline_ms, root: [1; 32], walk_root: [2; 32], evidence_hash: [3; 32] }
}

/// A verifier's round secrets and their tree (odd tails paired with themselves), as a daemon keeps them.
pub struct RoundSecrets {
    pub secrets: Vec<[u8; 32]>,
    levels: Vec<Vec<[u8; 32]>>,
}

impl RoundSecrets {
    pub fn new(seed: u8, rounds: usize) -> Self {
        let secrets: Vec<[u8; 32]> = (0..rounds).map(|r| hashv(&[&[seed], &(r as u64).to_le_bytes()]).to_bytes()).collect();
        let mut levels = vec![secrets.iter().map(lottery::leaf).collect::<Vec<_>>()];
        while levels.last().unwrap().len() > 1 {
            let cur = levels.last().unwrap();
            let up = (0..cur.len().div_ceil(2)).map(|p| lottery::node(&cur[2 * p], cur.get(2 * p + 1).unwrap_or(&cur[2 * p]))).collect();
            levels.push(up);
        }
        RoundSecrets { secrets, levels }
    }

    pub fn root(&self) -> [u8; 32] {
        self.levels.last().unwrap()[0]
    }

    pub fn ticket(&self, round: u64) -> LotteryTicket {
        let mut idx = round as usize;
        let path = self.levels[..self.levels.len() - 1]
            .iter()
            .map(|lv| {
                let s = if idx ^ 1 < lv.len() { lv[idx ^ 1] } else { lv[idx] };
                idx >>= 1;
                s
            })
            .collect();
        LotteryTicket { round, secret: self.secrets[round as usize], path }
    }
}

pub fn commit(nonce: &[u8; 32]) -> [u8; 32] {
    hashv(&[nonce]).to_bytes()
}

impl Env {
    /// Moves the bank `n` slots on and keeps the unix time where the test put it.
    pub async fn advance_slots(&mut self, n: u64) {
        let clock: Clock = self.ctx.banks_client.get_sysvar().await.unwrap();
        self.ctx.warp_to_slot(clock.slot + n).unwrap();
        self.warp_to(clock.unix_timestamp).await;
    }

    pub async fn set_lottery(&mut self, l: LotteryParams) -> TxResult {
        let admin = self.admin.insecure_clone();
        let args = pinfi::instructions::UpdateProtocolArgs { paused: None, params: None, new_admin: None, verification: None, rental_placement_secs: None, lottery: Some(l) };
        self.update_protocol(&admin, args).await
    }

    pub async fn commit_lottery(&mut self, who: &User, root: [u8; 32], start_slot: u64, rounds: u32) -> TxResult {
        let accounts = pinfi::accounts::CommitLottery {
            authority: who.key(), protocol: protocol_pda(), verifier: verifier_pda(&who.key()), event_authority: event_authority(), program: pinfi::ID,
        };
        self.send(&[ix(accounts, pinfi::instruction::CommitLottery { root, start_slot, rounds })], &[&who.kp]).await
    }

    pub async fn slot(&mut self) -> u64 {
        self.ctx.banks_client.get_sysvar::<Clock>().await.unwrap().slot
    }

    /// The SlotHashes sysvar's raw data, as open_challenge reads it.
    pub async fn slot_hashes_data(&mut self) -> Vec<u8> {
        self.ctx.banks_client.get_account(sysvar::slot_hashes::ID).await.unwrap().unwrap().data
    }

    pub async fn set_verification(&mut self, v: VerificationParams) -> TxResult {
        let admin = self.admin.insecure_clone();
        let args = pinfi::instructions::UpdateProtocolArgs { paused: None, params: None, new_admin: None, verification: Some(v), rental_placement_secs: None, lottery: None };
        self.update_protocol(&admin, args).await
    }

    pub async fn register_verifier(&mut self, who: &User, amount: u64) -> TxResult {
        let verifier = verifier_pda(&who.key());
        let accounts = pinfi::accounts::RegisterVerifier {
            authority: who.key(), protocol: protocol_pda(), verifier, vault: verifier_vault_pda(&verifier),
            authority_tokens: who.tokens, utility_mint: self.mint, token_program: spl_token::ID,
            system_program: system_program::ID, event_authority: event_authority(), program: pinfi::ID,
        };
        self.send(&[ix(accounts, pinfi::instruction::RegisterVerifier { amount })], &[&who.kp]).await
    }

    pub async fn unbond_verifier(&mut self, who: &User) -> TxResult {
        let accounts = pinfi::accounts::UnbondVerifier {
            authority: who.key(), protocol: protocol_pda(), verifier: verifier_pda(&who.key()), event_authority: event_authority(), program: pinfi::ID,
        };
        self.send(&[ix(accounts, pinfi::instruction::UnbondVerifier {})], &[&who.kp]).await
    }

    pub async fn withdraw_verifier(&mut self, who: &User) -> TxResult {
        let verifier = verifier_pda(&who.key());
        let accounts = pinfi::accounts::WithdrawVerifier {
            authority: who.key(), protocol: protocol_pda(), verifier, vault: verifier_vault_pda(&verifier),
            authority_tokens: who.tokens, token_program: spl_token::ID, event_authority: event_authority(), program: pinfi::ID,
        };
        self.send(&[ix(accounts, pinfi::instruction::WithdrawVerifier {})], &[&who.kp]).await
    }

    pub async fn slash_verifier(&mut self, signer: &Keypair, verifier_authority: &Pubkey, amount: u64) -> TxResult {
        let verifier = verifier_pda(verifier_authority);
        let accounts = pinfi::accounts::SlashVerifier {
            admin: signer.pubkey(), protocol: protocol_pda(), verifier, vault: verifier_vault_pda(&verifier),
            utility_mint: self.mint, token_program: spl_token::ID, event_authority: event_authority(), program: pinfi::ID,
        };
        self.send(&[ix(accounts, pinfi::instruction::SlashVerifier { amount })], &[signer]).await
    }

    /// `who` signs for the verifier account of `account_of` (the same key unless a test forges it).
    pub async fn set_verifier_endpoint(&mut self, who: &User, account_of: &Pubkey, endpoint: &str) -> TxResult {
        let accounts = pinfi::accounts::SetVerifierEndpoint {
            authority: who.key(), protocol: protocol_pda(), verifier: verifier_pda(account_of), event_authority: event_authority(), program: pinfi::ID,
        };
        self.send(&[ix(accounts, pinfi::instruction::SetVerifierEndpoint { endpoint: endpoint.to_string() })], &[&who.kp]).await
    }

    pub async fn set_device_endpoint(&mut self, owner: &User, pool: Pubkey, device: Pubkey, endpoint: &str) -> TxResult {
        let accounts = pinfi::accounts::SetDeviceEndpoint { owner: owner.key(), pool, device, event_authority: event_authority(), program: pinfi::ID };
        self.send(&[ix(accounts, pinfi::instruction::SetDeviceEndpoint { endpoint: endpoint.to_string() })], &[&owner.kp]).await
    }

    /// Opens the device's next challenge against `stake`; returns the challenge PDA.
    pub async fn open_challenge(&mut self, who: &User, pool: Pubkey, device: Pubkey, stake: Pubkey, nonce: [u8; 32]) -> Result<Pubkey, solana_program_test::BanksClientError> {
        self.open_challenge_with(who, pool, device, stake, nonce, None).await
    }

    /// The same, with a lottery ticket.
    pub async fn open_challenge_with(
        &mut self, who: &User, pool: Pubkey, device: Pubkey, stake: Pubkey, nonce: [u8; 32], ticket: Option<LotteryTicket>,
    ) -> Result<Pubkey, solana_program_test::BanksClientError> {
        let id = self.account::<pinfi::state::Device>(&device).await.challenge_count;
        let challenge = challenge_pda(&device, id);
        let accounts = pinfi::accounts::OpenChallenge {
            authority: who.key(), protocol: protocol_pda(), verifier: verifier_pda(&who.key()), pool, device, stake, challenge,
            slot_hashes: sysvar::slot_hashes::ID, system_program: system_program::ID, event_authority: event_authority(), program: pinfi::ID,
        };
        self.send(&[ix(accounts, pinfi::instruction::OpenChallenge { params_id: 1, nonce_commit: commit(&nonce), ticket })], &[&who.kp]).await?;
        Ok(challenge)
    }

    pub async fn submit_verdict(&mut self, who: &User, challenge: Pubkey, args: VerdictArgs) -> TxResult {
        let c: pinfi::state::Challenge = self.account(&challenge).await;
        let accounts = pinfi::accounts::SubmitVerdict {
            authority: who.key(), protocol: protocol_pda(), verifier: verifier_pda(&who.key()), pool: c.pool, device: c.device,
            stake: c.stake, challenge, event_authority: event_authority(), program: pinfi::ID,
        };
        self.send(&[ix(accounts, pinfi::instruction::SubmitVerdict { args })], &[&who.kp]).await
    }

    pub async fn expire_challenge(&mut self, challenge: Pubkey) -> TxResult {
        let c: pinfi::state::Challenge = self.account(&challenge).await;
        let accounts = pinfi::accounts::ExpireChallenge {
            protocol: protocol_pda(), verifier: verifier_pda(&c.verifier), pool: c.pool, challenge, event_authority: event_authority(), program: pinfi::ID,
        };
        self.send(&[ix(accounts, pinfi::instruction::ExpireChallenge {})], &[]).await
    }
}
