//! Driver methods for epochs, rewards and the rental cranks.

use crate::harness::*;
use pinfi::constants::{EPOCH_SEED, POOL_EPOCH_SEED, REWARDS_VAULT_SEED};
use pinfi::state::EmissionParams;
use solana_sdk::{pubkey::Pubkey, signature::Keypair, signer::Signer, system_program};

pub fn epoch_pda(index: u64) -> Pubkey {
    Pubkey::find_program_address(&[EPOCH_SEED, &index.to_le_bytes()], &pinfi::ID).0
}
pub fn pool_epoch_pda(pool: &Pubkey, index: u64) -> Pubkey {
    Pubkey::find_program_address(&[POOL_EPOCH_SEED, pool.as_ref(), &index.to_le_bytes()], &pinfi::ID).0
}
pub fn rewards_vault_pda() -> Pubkey {
    Pubkey::find_program_address(&[REWARDS_VAULT_SEED], &pinfi::ID).0
}

impl Env {
    /// Hands the utility mint to the protocol PDA (after this, tests cannot mint test tokens).
    pub async fn mint_authority_to_protocol(&mut self) {
        let auth = self.mint_authority.insecure_clone();
        let ix = spl_token::instruction::set_authority(
            &spl_token::ID, &self.mint, Some(&protocol_pda()), spl_token::instruction::AuthorityType::MintTokens, &auth.pubkey(), &[],
        )
        .unwrap();
        self.send(&[ix], &[&auth]).await.unwrap();
    }

    pub async fn configure_emission(&mut self, signer: &Keypair, params: EmissionParams) -> TxResult {
        let accounts = pinfi::accounts::ConfigureEmission {
            admin: signer.pubkey(), protocol: protocol_pda(), utility_mint: self.mint, rewards_vault: rewards_vault_pda(),
            foundation: params.foundation, team: params.team, token_program: spl_token::ID, system_program: system_program::ID,
            event_authority: event_authority(), program: pinfi::ID,
        };
        self.send(&[ix(accounts, pinfi::instruction::ConfigureEmission { params })], &[signer]).await
    }

    pub async fn set_pool_weight(&mut self, signer: &Keypair, pool: Pubkey, weight: u64) -> TxResult {
        let accounts = pinfi::accounts::SetPoolWeight { admin: signer.pubkey(), protocol: protocol_pda(), pool, event_authority: event_authority(), program: pinfi::ID };
        self.send(&[ix(accounts, pinfi::instruction::SetPoolWeight { weight })], &[signer]).await
    }

    pub async fn close_epoch(&mut self, index: u64) -> TxResult {
        let p: pinfi::state::Protocol = self.account(&protocol_pda()).await;
        let payer = self.ctx.payer.pubkey();
        let accounts = pinfi::accounts::CloseEpoch {
            cranker: payer, protocol: protocol_pda(), epoch: epoch_pda(index), utility_mint: self.mint, rewards_vault: rewards_vault_pda(),
            foundation: p.emission.foundation, team: p.emission.team, token_program: spl_token::ID, system_program: system_program::ID,
            event_authority: event_authority(), program: pinfi::ID,
        };
        self.send(&[ix(accounts, pinfi::instruction::CloseEpoch { index })], &[]).await
    }

    pub async fn close_pool_epoch(&mut self, pool: Pubkey, index: u64) -> TxResult {
        let payer = self.ctx.payer.pubkey();
        let accounts = pinfi::accounts::ClosePoolEpoch {
            cranker: payer, protocol: protocol_pda(), epoch: epoch_pda(index), pool, pool_epoch: pool_epoch_pda(&pool, index),
            utility_mint: self.mint, rewards_vault: rewards_vault_pda(), token_program: spl_token::ID, system_program: system_program::ID,
            event_authority: event_authority(), program: pinfi::ID,
        };
        self.send(&[ix(accounts, pinfi::instruction::ClosePoolEpoch { index })], &[]).await
    }

    /// Claims with the pool epochs `from` and `to` (indices).
    pub async fn claim_rewards(&mut self, pool: Pubkey, stake: Pubkey, owner_tokens: Pubkey, from: u64, to: u64) -> TxResult {
        let s: pinfi::state::Stake = self.account(&stake).await;
        let accounts = pinfi::accounts::ClaimRewards {
            protocol: protocol_pda(), pool, device: s.device, stake, owner_tokens, from_epoch: pool_epoch_pda(&pool, from),
            to_epoch: pool_epoch_pda(&pool, to), rewards_vault: rewards_vault_pda(), utility_mint: self.mint,
            token_program: spl_token::ID, event_authority: event_authority(), program: pinfi::ID,
        };
        self.send(&[ix(accounts, pinfi::instruction::ClaimRewards {})], &[]).await
    }
}

impl Env {
    pub async fn assign_rental(&mut self, pool: Pubkey, rental: Pubkey, candidates: &[Pubkey]) -> TxResult {
        let accounts = pinfi::accounts::AssignRental { pool, rental, event_authority: event_authority(), program: pinfi::ID };
        let mut ix = ix(accounts, pinfi::instruction::AssignRental {});
        ix.accounts.extend(candidates.iter().map(|k| solana_sdk::instruction::AccountMeta::new(*k, false)));
        self.send(&[ix], &[]).await
    }

    pub async fn refund_rental(&mut self, pool: Pubkey, rental: Pubkey, buyer_tokens: Pubkey, stakes: &[Pubkey]) -> TxResult {
        let r: pinfi::state::Rental = self.account(&rental).await;
        let vault = self.pool(&pool).await.vault;
        let accounts = pinfi::accounts::RefundRental {
            protocol: protocol_pda(), pool, rental, buyer: r.buyer, buyer_tokens, vault, token_program: spl_token::ID,
            event_authority: event_authority(), program: pinfi::ID,
        };
        let mut ix = ix(accounts, pinfi::instruction::RefundRental {});
        ix.accounts.extend(stakes.iter().map(|k| solana_sdk::instruction::AccountMeta::new(*k, false)));
        self.send(&[ix], &[]).await
    }
}

impl Env {
    /// One stake's six remaining accounts for `settle_expired`, read while the stake exists.
    pub async fn sweep_item(&mut self, pool: Pubkey, stake: Pubkey, owner_tokens: Pubkey, from: u64, to: u64) -> [Pubkey; 6] {
        let s: pinfi::state::Stake = self.account(&stake).await;
        [stake, s.device, s.owner, owner_tokens, pool_epoch_pda(&pool, from), pool_epoch_pda(&pool, to)]
    }

    /// `settle_expired` over `stakes` (all of `pool`), each with its pool epochs `(from, to)`.
    pub async fn settle_expired(&mut self, pool: Pubkey, stakes: &[(Pubkey, Pubkey, u64, u64)]) -> TxResult {
        let mut items = vec![];
        for &(stake, owner_tokens, from, to) in stakes {
            items.push(self.sweep_item(pool, stake, owner_tokens, from, to).await);
        }
        self.settle_expired_items(pool, &items).await
    }

    pub async fn settle_expired_items(&mut self, pool: Pubkey, items: &[[Pubkey; 6]]) -> TxResult {
        use solana_sdk::instruction::AccountMeta;
        let p: pinfi::state::Protocol = self.account(&protocol_pda()).await;
        let vault = self.pool(&pool).await.vault;
        let rewards_vault = p.emission.epoch_secs.gt(&0).then(rewards_vault_pda);
        let accounts = pinfi::accounts::SettleExpired {
            protocol: protocol_pda(), pool, vault, rewards_vault, utility_mint: self.mint, token_program: spl_token::ID,
            event_authority: event_authority(), program: pinfi::ID,
        };
        let mut ix = ix(accounts, pinfi::instruction::SettleExpired {});
        for [stake, device, owner, owner_tokens, from, to] in items {
            ix.accounts.extend([
                AccountMeta::new(*stake, false),
                AccountMeta::new(*device, false),
                AccountMeta::new(*owner, false),
                AccountMeta::new(*owner_tokens, false),
                AccountMeta::new_readonly(*from, false),
                AccountMeta::new_readonly(*to, false),
            ]);
        }
        self.send(&[ix], &[]).await
    }

    /// The `StakesSettled` events recorded so far.
    pub fn stakes_settled(&self) -> Vec<pinfi::events::StakesSettled> {
        use anchor_lang::{AnchorDeserialize, Discriminator};
        let d = pinfi::events::StakesSettled::DISCRIMINATOR;
        self.events.iter().filter(|e| e.starts_with(d)).map(|e| pinfi::events::StakesSettled::try_from_slice(&e[d.len()..]).unwrap()).collect()
    }
}
