//! A small driver over solana-program-test: one method per instruction, accounts derived the
//! same way the SDK derives them, and a clock that tests move.

use anchor_lang::{AccountDeserialize, InstructionData, ToAccountMetas};
use pinfi::constants::*;
use pinfi::state::{PoolParams, ProtocolParams, StakeKind};
use solana_program_test::{BanksClientError, ProgramTestContext};
use solana_sdk::{
    clock::Clock, instruction::Instruction, program_pack::Pack, pubkey::Pubkey, signature::Keypair, signer::Signer,
    system_instruction, system_program, transaction::Transaction, transaction::TransactionError,
    instruction::InstructionError,
};

pub type TxResult = Result<(), BanksClientError>;

pub const HOUR: i64 = 3_600;
/// Tests use one-hour buckets so windows of a few hours cross several boundaries.
pub const BUCKET: u32 = 3_600;
/// A round start time that is a bucket boundary.
pub const T0: i64 = 1_800_000_000 - 1_800_000_000 % 3_600;

pub fn default_pool_params() -> PoolParams {
    PoolParams {
        swap_fee_bps: 30,
        min_stake_secs: 3_600,
        max_stake_secs: 7 * 24 * 3_600,
        bucket_secs: BUCKET,
        burn_per_gpu_hour: 100_000,
        maintenance_per_gpu_hour: 50_000,
        collateral_bps: 20_000,
        reference_price: 2_000_000,
    }
}

pub fn protocol_params() -> ProtocolParams {
    ProtocolParams { max_swap_fee_bps: 1_000, min_burn_per_gpu_hour: 1, min_collateral_bps: 10_000 }
}

pub fn class(name: &str) -> [u8; 16] {
    let mut out = [0u8; 16];
    out[..name.len()].copy_from_slice(name.as_bytes());
    out
}

pub fn protocol_pda() -> Pubkey {
    Pubkey::find_program_address(&[PROTOCOL_SEED], &pinfi::ID).0
}
pub fn pool_pda(gpu_class: &[u8; 16]) -> Pubkey {
    Pubkey::find_program_address(&[POOL_SEED, gpu_class], &pinfi::ID).0
}
pub fn vault_pda(pool: &Pubkey) -> Pubkey {
    Pubkey::find_program_address(&[VAULT_SEED, pool.as_ref()], &pinfi::ID).0
}
pub fn device_pda(device_key: &Pubkey) -> Pubkey {
    Pubkey::find_program_address(&[DEVICE_SEED, device_key.as_ref()], &pinfi::ID).0
}
pub fn certificate_pda(owner: &Pubkey, pool: &Pubkey, nonce: u64) -> Pubkey {
    Pubkey::find_program_address(&[CERTIFICATE_SEED, owner.as_ref(), pool.as_ref(), &nonce.to_le_bytes()], &pinfi::ID).0
}
pub fn stake_pda(device: &Pubkey, index: u64) -> Pubkey {
    Pubkey::find_program_address(&[STAKE_SEED, device.as_ref(), &index.to_le_bytes()], &pinfi::ID).0
}
pub fn rental_pda(pool: &Pubkey, buyer: &Pubkey, id: u64) -> Pubkey {
    Pubkey::find_program_address(&[RENTAL_SEED, pool.as_ref(), buyer.as_ref(), &id.to_le_bytes()], &pinfi::ID).0
}
pub fn event_authority() -> Pubkey {
    Pubkey::find_program_address(&[b"__event_authority"], &pinfi::ID).0
}

/// A funded user with a token account of the utility mint.
pub struct User {
    pub kp: Keypair,
    pub tokens: Pubkey,
}

impl User {
    pub fn key(&self) -> Pubkey {
        self.kp.pubkey()
    }
}

pub struct Env {
    pub ctx: ProgramTestContext,
    pub mint: Pubkey,
    pub mint_authority: Keypair,
    pub admin: Keypair,
    /// Raw `emit_cpi!` event payloads (discriminator + borsh), in execution order.
    pub events: Vec<Vec<u8>>,
    /// Account substitutions applied to the next transaction only (negative tests).
    pub substitute: Vec<(Pubkey, Pubkey)>,
}

pub fn ix<A: ToAccountMetas, D: InstructionData>(accounts: A, data: D) -> Instruction {
    Instruction { program_id: pinfi::ID, accounts: accounts.to_account_metas(None), data: data.data() }
}

impl Env {
    /// A bank with the program, a utility mint, and the clock at `T0`.
    pub async fn new() -> Env {
        let ctx = pinfi_localnet::program_test().start_with_context().await;
        let mut env = Env { ctx, mint: Pubkey::default(), mint_authority: Keypair::new(), admin: Keypair::new(), events: vec![], substitute: vec![] };
        env.warp_to(T0).await;
        env.airdrop(&env.admin.pubkey(), 10_000_000_000).await;
        env.mint = env.create_mint().await;
        env
    }

    /// Protocol initialised and one pool per class with `params`.
    pub async fn with_pools(classes: &[&str], params: PoolParams) -> Env {
        let mut env = Env::new().await;
        env.initialize_protocol(&env.mint.clone()).await.unwrap();
        for c in classes {
            let creator = env.user(0).await;
            env.create_pool(&creator, class(c), params).await.unwrap();
        }
        env
    }

    pub async fn now(&mut self) -> i64 {
        self.ctx.banks_client.get_sysvar::<Clock>().await.unwrap().unix_timestamp
    }

    pub async fn warp_to(&mut self, ts: i64) {
        let mut clock: Clock = self.ctx.banks_client.get_sysvar().await.unwrap();
        clock.unix_timestamp = ts;
        self.ctx.set_sysvar(&clock);
    }

    /// In the next transaction, pass `wrong` wherever the instruction would pass `right`.
    pub fn substitute_next(&mut self, right: Pubkey, wrong: Pubkey) {
        self.substitute.push((right, wrong));
    }

    pub async fn send(&mut self, ixs: &[Instruction], signers: &[&Keypair]) -> TxResult {
        let mut ixs = ixs.to_vec();
        for (right, wrong) in std::mem::take(&mut self.substitute) {
            let metas = ixs.iter_mut().flat_map(|ix| ix.accounts.iter_mut());
            let hits = metas.filter(|m| m.pubkey == right).map(|m| m.pubkey = wrong).count();
            assert!(hits > 0, "substitution {right} → {wrong} matched no account");
        }
        let ixs = &ixs[..];
        let payer = self.ctx.payer.insecure_clone();
        let blockhash = self.ctx.get_new_latest_blockhash().await.unwrap();
        let mut all: Vec<&Keypair> = vec![&payer];
        all.extend_from_slice(signers);
        let tx = Transaction::new_signed_with_payer(ixs, Some(&payer.pubkey()), &all, blockhash);
        // Same bank state, so the simulation's inner instructions are the execution's: they carry
        // the `emit_cpi!` events that tests read back.
        let sim = self.ctx.banks_client.simulate_transaction(tx.clone()).await?;
        let details = sim.simulation_details.unwrap_or_else(|| panic!("no simulation details: {:?}", sim.result));
        if let Some(Err(err)) = sim.result {
            // Like a cluster's preflight: the error comes back with the program's logs.
            return Err(BanksClientError::SimulationError { err, logs: details.logs, units_consumed: 0, return_data: None });
        }
        self.ctx.banks_client.process_transaction(tx).await?;
        let inner = details.inner_instructions.unwrap_or_default();
        let keys = &sim_keys(ixs, &payer.pubkey());
        for group in inner {
            for i in group {
                let program = keys.get(i.instruction.program_id_index as usize);
                let data = &i.instruction.data;
                if program == Some(&pinfi::ID) && data.starts_with(anchor_lang::event::EVENT_IX_TAG_LE) {
                    self.events.push(data[8..].to_vec());
                }
            }
        }
        Ok(())
    }

    /// (pool, seq) of every pool event recorded so far, in order.
    pub fn pool_event_seqs(&self) -> Vec<(Pubkey, u64)> {
        use anchor_lang::Discriminator;
        use pinfi::events::*;
        let pool_events: [&[u8]; 14] = [
            PoolCreated::DISCRIMINATOR, DeviceRegistered::DISCRIMINATOR, CertificateBurned::DISCRIMINATOR,
            StakeCreated::DISCRIMINATOR, LiquidityAdded::DISCRIMINATOR, HoursSold::DISCRIMINATOR,
            HoursBought::DISCRIMINATOR, RentalTerminated::DISCRIMINATOR, StakeSettled::DISCRIMINATOR,
            StakeFailed::DISCRIMINATOR, DeviceEndpointSet::DISCRIMINATOR, ChallengeOpened::DISCRIMINATOR,
            VerdictPosted::DISCRIMINATOR, ChallengeExpired::DISCRIMINATOR,
        ];
        self.events
            .iter()
            .filter(|e| pool_events.iter().any(|d| e.starts_with(d)))
            // Every pool event starts with `pool: Pubkey, seq: u64` after its discriminator.
            .map(|e| (Pubkey::try_from(&e[8..40]).unwrap(), u64::from_le_bytes(e[40..48].try_into().unwrap())))
            .collect()
    }

    pub async fn airdrop(&mut self, to: &Pubkey, lamports: u64) {
        let payer = self.ctx.payer.insecure_clone();
        self.send(&[system_instruction::transfer(&payer.pubkey(), to, lamports)], &[]).await.unwrap();
    }

    async fn create_mint(&mut self) -> Pubkey {
        let mint = Keypair::new();
        let rent = self.ctx.banks_client.get_rent().await.unwrap();
        let payer = self.ctx.payer.pubkey();
        let ixs = [
            system_instruction::create_account(&payer, &mint.pubkey(), rent.minimum_balance(spl_token::state::Mint::LEN), spl_token::state::Mint::LEN as u64, &spl_token::ID),
            spl_token::instruction::initialize_mint2(&spl_token::ID, &mint.pubkey(), &self.mint_authority.pubkey(), None, 6).unwrap(),
        ];
        self.send(&ixs, &[&mint]).await.unwrap();
        mint.pubkey()
    }

    pub async fn token_account(&mut self, mint: &Pubkey, owner: &Pubkey) -> Pubkey {
        let acc = Keypair::new();
        let rent = self.ctx.banks_client.get_rent().await.unwrap();
        let payer = self.ctx.payer.pubkey();
        let len = spl_token::state::Account::LEN;
        let ixs = [
            system_instruction::create_account(&payer, &acc.pubkey(), rent.minimum_balance(len), len as u64, &spl_token::ID),
            spl_token::instruction::initialize_account3(&spl_token::ID, &acc.pubkey(), mint, owner).unwrap(),
        ];
        self.send(&ixs, &[&acc]).await.unwrap();
        acc.pubkey()
    }

    pub async fn mint_to(&mut self, to: &Pubkey, amount: u64) {
        let auth = self.mint_authority.insecure_clone();
        let ix = spl_token::instruction::mint_to(&spl_token::ID, &self.mint, to, &auth.pubkey(), &[], amount).unwrap();
        self.send(&[ix], &[&auth]).await.unwrap();
    }

    /// A new user with SOL and `tokens` utility tokens.
    pub async fn user(&mut self, tokens: u64) -> User {
        let kp = Keypair::new();
        self.airdrop(&kp.pubkey(), 1_000_000_000).await;
        let mint = self.mint;
        let acc = self.token_account(&mint, &kp.pubkey()).await;
        if tokens > 0 {
            self.mint_to(&acc, tokens).await;
        }
        User { kp, tokens: acc }
    }

    pub async fn balance(&mut self, token_account: &Pubkey) -> u64 {
        let acc = self.ctx.banks_client.get_account(*token_account).await.unwrap().unwrap();
        spl_token::state::Account::unpack(&acc.data).unwrap().amount
    }

    pub async fn supply(&mut self) -> u64 {
        let acc = self.ctx.banks_client.get_account(self.mint).await.unwrap().unwrap();
        spl_token::state::Mint::unpack(&acc.data).unwrap().supply
    }

    pub async fn exists(&mut self, key: &Pubkey) -> bool {
        self.ctx.banks_client.get_account(*key).await.unwrap().is_some()
    }

    pub async fn account<T: AccountDeserialize>(&mut self, key: &Pubkey) -> T {
        let acc = self.ctx.banks_client.get_account(*key).await.unwrap().expect("account exists");
        T::try_deserialize(&mut acc.data.as_slice()).unwrap()
    }

    pub async fn pool(&mut self, pool: &Pubkey) -> pinfi::state::Pool {
        self.account(pool).await
    }

    /// The vault holds exactly `U + escrow + collateral` (no donations in these tests).
    pub async fn assert_vault_books(&mut self, pool: &Pubkey) {
        let p = self.pool(pool).await;
        let vault = self.balance(&p.vault).await;
        assert_eq!(vault, p.utility_reserve + p.escrow_total + p.collateral_total, "vault vs books");
    }

    // ── instructions ────────────────────────────────────────────────────────────────────────────

    pub async fn initialize_protocol(&mut self, mint: &Pubkey) -> TxResult {
        let admin = self.admin.insecure_clone();
        let accounts = pinfi::accounts::InitializeProtocol {
            admin: admin.pubkey(), protocol: protocol_pda(), utility_mint: *mint, system_program: system_program::ID,
            event_authority: event_authority(), program: pinfi::ID,
        };
        self.send(&[ix(accounts, pinfi::instruction::InitializeProtocol { params: protocol_params() })], &[&admin]).await
    }

    pub async fn update_protocol(&mut self, signer: &Keypair, args: pinfi::instructions::UpdateProtocolArgs) -> TxResult {
        let accounts = pinfi::accounts::UpdateProtocol { admin: signer.pubkey(), protocol: protocol_pda(), event_authority: event_authority(), program: pinfi::ID };
        self.send(&[ix(accounts, pinfi::instruction::UpdateProtocol { args })], &[signer]).await
    }

    pub async fn propose_admin(&mut self, signer: &Keypair, new_admin: Pubkey) -> TxResult {
        self.update_protocol(signer, pinfi::instructions::UpdateProtocolArgs { paused: None, params: None, new_admin: Some(new_admin), verification: None, rental_placement_secs: None, lottery: None }).await
    }

    pub async fn accept_admin(&mut self, signer: &Keypair) -> TxResult {
        let accounts = pinfi::accounts::AcceptAdmin { pending_admin: signer.pubkey(), protocol: protocol_pda(), event_authority: event_authority(), program: pinfi::ID };
        self.send(&[ix(accounts, pinfi::instruction::AcceptAdmin {})], &[signer]).await
    }

    pub async fn set_paused(&mut self, paused: bool) -> TxResult {
        let admin = self.admin.insecure_clone();
        self.update_protocol(&admin, pinfi::instructions::UpdateProtocolArgs { paused: Some(paused), params: None, new_admin: None, verification: None, rental_placement_secs: None, lottery: None }).await
    }

    pub async fn create_pool_with_mint(&mut self, creator: &User, gpu_class: [u8; 16], params: PoolParams, mint: Pubkey) -> TxResult {
        let pool = pool_pda(&gpu_class);
        let accounts = pinfi::accounts::CreatePool {
            creator: creator.key(), protocol: protocol_pda(), pool, vault: vault_pda(&pool), utility_mint: mint,
            token_program: spl_token::ID, system_program: system_program::ID, event_authority: event_authority(), program: pinfi::ID,
        };
        self.send(&[ix(accounts, pinfi::instruction::CreatePool { gpu_class, params })], &[&creator.kp]).await
    }

    pub async fn create_pool(&mut self, creator: &User, gpu_class: [u8; 16], params: PoolParams) -> TxResult {
        let mint = self.mint;
        self.create_pool_with_mint(creator, gpu_class, params, mint).await
    }

    pub async fn register_device(&mut self, owner: &User, device_key: &Keypair, pool: Pubkey) -> TxResult {
        let accounts = pinfi::accounts::RegisterDevice {
            owner: owner.key(), device_key: device_key.pubkey(), protocol: protocol_pda(), pool,
            device: device_pda(&device_key.pubkey()), system_program: system_program::ID, event_authority: event_authority(), program: pinfi::ID,
        };
        self.send(&[ix(accounts, pinfi::instruction::RegisterDevice { specs_hash: [7; 32] })], &[&owner.kp, device_key]).await
    }

    pub async fn burn_for_certificate(&mut self, owner: &User, pool: Pubkey, nonce: u64, gpu_seconds: u64) -> TxResult {
        self.burn_for_certificate_from(owner, owner.tokens, pool, nonce, gpu_seconds).await
    }

    pub async fn burn_for_certificate_from(&mut self, owner: &User, from: Pubkey, pool: Pubkey, nonce: u64, gpu_seconds: u64) -> TxResult {
        let accounts = pinfi::accounts::BurnForCertificate {
            owner: owner.key(), protocol: protocol_pda(), pool, utility_mint: self.mint, owner_tokens: from,
            certificate: certificate_pda(&owner.key(), &pool, nonce), token_program: spl_token::ID,
            system_program: system_program::ID, event_authority: event_authority(), program: pinfi::ID,
        };
        self.send(&[ix(accounts, pinfi::instruction::BurnForCertificate { nonce, gpu_seconds })], &[&owner.kp]).await
    }

    pub async fn create_stake_raw(&mut self, owner: &User, pool: Pubkey, device: Pubkey, certificate: Pubkey, kind: StakeKind, end: i64) -> TxResult {
        let index = self.account::<pinfi::state::Device>(&device).await.stake_count;
        let vault = self.pool(&pool).await.vault;
        let accounts = pinfi::accounts::CreateStake {
            owner: owner.key(), protocol: protocol_pda(), pool, device, certificate, stake: stake_pda(&device, index),
            owner_tokens: owner.tokens, vault, token_program: spl_token::ID, system_program: system_program::ID,
            event_authority: event_authority(), program: pinfi::ID,
        };
        self.send(&[ix(accounts, pinfi::instruction::CreateStake { kind, end })], &[&owner.kp]).await
    }

    /// Registers a fresh device for `owner`, burns a certificate and stakes it until `end`.
    /// Returns (device PDA, stake PDA).
    pub async fn stake_new_device(&mut self, owner: &User, pool: Pubkey, kind: StakeKind, end: i64) -> (Pubkey, Pubkey) {
        let key = Keypair::new();
        self.register_device(owner, &key, pool).await.unwrap();
        let device = device_pda(&key.pubkey());
        let stake = self.stake_device(owner, pool, device, kind, end).await.unwrap();
        (device, stake)
    }

    pub async fn stake_device(&mut self, owner: &User, pool: Pubkey, device: Pubkey, kind: StakeKind, end: i64) -> Result<Pubkey, BanksClientError> {
        let now = self.now().await;
        let nonce = rand_nonce();
        self.burn_for_certificate(owner, pool, nonce, (end - now) as u64).await?;
        let index = self.account::<pinfi::state::Device>(&device).await.stake_count;
        let cert = certificate_pda(&owner.key(), &pool, nonce);
        self.create_stake_raw(owner, pool, device, cert, kind, end).await?;
        Ok(stake_pda(&device, index))
    }

    pub async fn add_liquidity(&mut self, owner: &User, pool: Pubkey, stake: Pubkey, max_tokens_in: u64) -> TxResult {
        let vault = self.pool(&pool).await.vault;
        let accounts = pinfi::accounts::AddLiquidity {
            owner: owner.key(), protocol: protocol_pda(), pool, stake, owner_tokens: owner.tokens, vault,
            token_program: spl_token::ID, event_authority: event_authority(), program: pinfi::ID,
        };
        self.send(&[ix(accounts, pinfi::instruction::AddLiquidity { max_tokens_in })], &[&owner.kp]).await
    }

    pub async fn sell_hours(&mut self, owner: &User, pool: Pubkey, stake: Pubkey, hours: u64, min_tokens_out: u64) -> TxResult {
        let vault = self.pool(&pool).await.vault;
        let accounts = pinfi::accounts::SellHours {
            owner: owner.key(), protocol: protocol_pda(), pool, stake, owner_tokens: owner.tokens, vault,
            utility_mint: self.mint, token_program: spl_token::ID, event_authority: event_authority(), program: pinfi::ID,
        };
        self.send(&[ix(accounts, pinfi::instruction::SellHours { hours, min_tokens_out })], &[&owner.kp]).await
    }

    pub async fn buy_hours(&mut self, buyer: &User, pool: Pubkey, rental_id: u64, tokens_in: u64, end: i64, min_hours_out: u64) -> TxResult {
        let vault = self.pool(&pool).await.vault;
        let accounts = pinfi::accounts::BuyHours {
            buyer: buyer.key(), protocol: protocol_pda(), pool, rental: rental_pda(&pool, &buyer.key(), rental_id),
            buyer_tokens: buyer.tokens, vault, utility_mint: self.mint, token_program: spl_token::ID,
            system_program: system_program::ID, event_authority: event_authority(), program: pinfi::ID,
        };
        self.send(&[ix(accounts, pinfi::instruction::BuyHours { rental_id, tokens_in, end, min_hours_out })], &[&buyer.kp]).await
    }

    pub async fn extend_rental(&mut self, buyer: &User, pool: Pubkey, rental: Pubkey, new_end: i64, max_tokens_in: u64) -> TxResult {
        let vault = self.pool(&pool).await.vault;
        let accounts = pinfi::accounts::ExtendRental {
            buyer: buyer.key(), protocol: protocol_pda(), pool, rental, buyer_tokens: buyer.tokens, vault,
            utility_mint: self.mint, token_program: spl_token::ID, event_authority: event_authority(), program: pinfi::ID,
        };
        self.send(&[ix(accounts, pinfi::instruction::ExtendRental { new_end, max_tokens_in })], &[&buyer.kp]).await
    }

    pub async fn terminate_rental(&mut self, buyer: &User, pool: Pubkey, rental: Pubkey, min_tokens_out: u64) -> TxResult {
        let vault = self.pool(&pool).await.vault;
        let accounts = pinfi::accounts::TerminateRental {
            buyer: buyer.key(), protocol: protocol_pda(), pool, rental, buyer_tokens: buyer.tokens, vault,
            utility_mint: self.mint, token_program: spl_token::ID, event_authority: event_authority(), program: pinfi::ID,
        };
        self.send(&[ix(accounts, pinfi::instruction::TerminateRental { min_tokens_out })], &[&buyer.kp]).await
    }

    pub async fn settle_stake(&mut self, pool: Pubkey, stake: Pubkey, owner: Pubkey, owner_tokens: Pubkey) -> TxResult {
        self.settle_stake_with(pool, stake, owner, owner_tokens, &[]).await
    }

    /// With remaining accounts (a failed stake's booking rental and its buyer's token account).
    pub async fn settle_stake_with(&mut self, pool: Pubkey, stake: Pubkey, owner: Pubkey, owner_tokens: Pubkey, extra: &[solana_sdk::instruction::AccountMeta]) -> TxResult {
        let vault = self.pool(&pool).await.vault;
        let accounts = pinfi::accounts::SettleStake {
            protocol: protocol_pda(), pool, stake, owner, owner_tokens, vault, utility_mint: self.mint,
            token_program: spl_token::ID, event_authority: event_authority(), program: pinfi::ID,
        };
        let mut ix = ix(accounts, pinfi::instruction::SettleStake {});
        ix.accounts.extend_from_slice(extra);
        self.send(&[ix], &[]).await
    }

    /// The `pool_snapshot` view: simulated, read back from the return data.
    pub async fn pool_snapshot(&mut self, pool: Pubkey) -> pinfi::instructions::PoolSnapshot {
        use anchor_lang::AnchorDeserialize;
        let payer = self.ctx.payer.insecure_clone();
        let blockhash = self.ctx.get_new_latest_blockhash().await.unwrap();
        let view = ix(pinfi::accounts::ViewPool { pool }, pinfi::instruction::PoolSnapshot {});
        let tx = Transaction::new_signed_with_payer(&[view], Some(&payer.pubkey()), &[&payer], blockhash);
        let sim = self.ctx.banks_client.simulate_transaction(tx).await.unwrap();
        let data = sim.simulation_details.and_then(|d| d.return_data).expect("return data");
        assert_eq!(data.program_id, pinfi::ID);
        pinfi::instructions::PoolSnapshot::try_from_slice(&data.data).unwrap()
    }

    pub async fn mark_stake_failed(&mut self, signer: &Keypair, pool: Pubkey, stake: Pubkey) -> TxResult {
        let accounts = pinfi::accounts::MarkStakeFailed {
            admin: signer.pubkey(), protocol: protocol_pda(), pool, stake, event_authority: event_authority(), program: pinfi::ID,
        };
        self.send(&[ix(accounts, pinfi::instruction::MarkStakeFailed {})], &[signer]).await
    }
}

fn rand_nonce() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static N: AtomicU64 = AtomicU64::new(1);
    N.fetch_add(1, Ordering::Relaxed)
}

/// The program error a failed transaction carries (Anchor codes start at 6000).
pub fn custom_code(r: &TxResult) -> Option<u32> {
    match r {
        Err(BanksClientError::TransactionError(TransactionError::InstructionError(_, InstructionError::Custom(c))))
        | Err(BanksClientError::SimulationError { err: TransactionError::InstructionError(_, InstructionError::Custom(c)), .. }) => Some(*c),
        _ => None,
    }
}

#[track_caller]
pub fn assert_pinfi_err(r: TxResult, expected: pinfi::errors::PinfiError) {
    let want: u32 = expected.into();
    assert_eq!(custom_code(&r), Some(want), "expected {expected:?} ({want}), got {r:?}");
}

#[track_caller]
pub fn assert_anchor_err(r: TxResult, expected: anchor_lang::error::ErrorCode) {
    let want: u32 = expected.into();
    assert_eq!(custom_code(&r), Some(want), "expected {expected:?} ({want}), got {r:?}");
}

/// The account keys of a legacy message built from `ixs` with `payer` first, as compiled.
fn sim_keys(ixs: &[Instruction], payer: &Pubkey) -> Vec<Pubkey> {
    solana_sdk::message::Message::new(ixs, Some(payer)).account_keys
}

/// The program logs of a failed transaction (empty if it did not fail in simulation).
pub fn logs(r: &TxResult) -> Vec<String> {
    match r {
        Err(BanksClientError::SimulationError { logs, .. }) => logs.clone(),
        _ => vec![],
    }
}
