//! Every account constraint rejects the wrong account, and a rejected call loses nothing.

use crate::harness::*;
use anchor_lang::error::ErrorCode as Anchor;
use pinfi::errors::PinfiError as E;
use pinfi::state::StakeKind;
use solana_sdk::{pubkey::Pubkey, signature::Keypair, signer::Signer, system_program};

struct World {
    env: Env,
    pool: solana_sdk::pubkey::Pubkey,
    other_pool: solana_sdk::pubkey::Pubkey,
    lp: User,
    lp_stake: solana_sdk::pubkey::Pubkey,
    seller: User,
    seller_stake: solana_sdk::pubkey::Pubkey,
    buyer: User,
    rental: solana_sdk::pubkey::Pubkey,
}

/// Two pools; in the first an LP stake with liquidity, a seller stake that sold, a live rental.
async fn world() -> World {
    let mut env = Env::with_pools(&["H100", "A100"], default_pool_params()).await;
    let (pool, other_pool) = (pool_pda(&class("H100")), pool_pda(&class("A100")));
    let lp = env.user(1_000_000_000).await;
    let (_, lp_stake) = env.stake_new_device(&lp, pool, StakeKind::Lp, T0 + 24 * HOUR).await;
    env.add_liquidity(&lp, pool, lp_stake, u64::MAX).await.unwrap();
    let seller = env.user(1_000_000_000).await;
    let (_, seller_stake) = env.stake_new_device(&seller, pool, StakeKind::Seller, T0 + 12 * HOUR).await;
    env.sell_hours(&seller, pool, seller_stake, 3_600, 1).await.unwrap();
    let buyer = env.user(100_000_000).await;
    env.buy_hours(&buyer, pool, 1, 1_000_000, T0 + 6 * HOUR, 1).await.unwrap();
    let rental = rental_pda(&pool, &buyer.key(), 1);
    World { env, pool, other_pool, lp, lp_stake, seller, seller_stake, buyer, rental }
}

#[tokio::test]
async fn admin_handover_takes_a_proposal_and_the_new_keys_signature() {
    let mut env = Env::with_pools(&["H100"], default_pool_params()).await;
    let admin = env.admin.insecure_clone();
    let (next, stranger) = (Keypair::new(), Keypair::new());
    for k in [&next, &stranger] {
        env.airdrop(&k.pubkey(), 1_000_000_000).await;
    }
    // Nothing proposed: nobody can accept, not even the admin.
    assert_pinfi_err(env.accept_admin(&next).await, E::NotPendingAdmin);
    assert_pinfi_err(env.accept_admin(&admin).await, E::NotPendingAdmin);
    // Only the admin proposes.
    assert_pinfi_err(env.propose_admin(&stranger, stranger.pubkey()).await, E::NotOwner);
    env.propose_admin(&admin, next.pubkey()).await.unwrap();
    let p = env.account::<pinfi::state::Protocol>(&protocol_pda()).await;
    assert_eq!((p.admin, p.pending_admin), (admin.pubkey(), next.pubkey()), "a proposal changes no power yet");
    // Another key cannot take the proposal.
    assert_pinfi_err(env.accept_admin(&stranger).await, E::NotPendingAdmin);
    // Withdrawn by proposing the admin itself; then the proposed key is refused.
    env.propose_admin(&admin, admin.pubkey()).await.unwrap();
    assert_eq!(env.account::<pinfi::state::Protocol>(&protocol_pda()).await.pending_admin, Pubkey::default());
    assert_pinfi_err(env.accept_admin(&next).await, E::NotPendingAdmin);
    // Proposed again and accepted: the new key rules, the old one does not, the proposal is spent.
    env.propose_admin(&admin, next.pubkey()).await.unwrap();
    env.accept_admin(&next).await.unwrap();
    let p = env.account::<pinfi::state::Protocol>(&protocol_pda()).await;
    assert_eq!((p.admin, p.pending_admin), (next.pubkey(), Pubkey::default()));
    assert_pinfi_err(env.accept_admin(&next).await, E::NotPendingAdmin);
    let pause = |paused| pinfi::instructions::UpdateProtocolArgs { paused: Some(paused), params: None, new_admin: None, verification: None, rental_placement_secs: None, lottery: None };
    assert_pinfi_err(env.update_protocol(&admin, pause(true)).await, E::NotOwner);
    env.update_protocol(&next, pause(true)).await.unwrap();
    assert!(env.account::<pinfi::state::Protocol>(&protocol_pda()).await.paused);
}

#[tokio::test]
async fn protocol_and_pool_admin_constraints() {
    let mut w = world().await;
    let env = &mut w.env;
    // Only the admin updates the protocol.
    let r = env.update_protocol(&w.lp.kp, pinfi::instructions::UpdateProtocolArgs { paused: Some(true), params: None, new_admin: None, verification: None, rental_placement_secs: None, lottery: None }).await;
    assert_pinfi_err(r, E::NotOwner);
    // A second initialisation is refused (the PDA exists).
    let mint = env.mint;
    assert!(env.initialize_protocol(&mint).await.is_err());
    // Pool with a mint other than the protocol's.
    let other_mint_owner = env.user(0).await;
    let fake_mint = env.token_account(&mint, &other_mint_owner.key()).await; // not even a mint
    let r = env.create_pool_with_mint(&w.lp, class("V100"), default_pool_params(), fake_mint).await;
    assert!(r.is_err());
    // Bad class names and parameters.
    let r = env.create_pool(&w.lp, [0xff; 16], default_pool_params()).await;
    assert_pinfi_err(r, E::InvalidGpuClass);
    let mut gap = class("A");
    gap[2] = b'B';
    assert_pinfi_err(env.create_pool(&w.lp, gap, default_pool_params()).await, E::InvalidGpuClass);
    for bad in [
        pinfi::state::PoolParams { swap_fee_bps: 1_001, ..default_pool_params() },
        pinfi::state::PoolParams { bucket_secs: 0, ..default_pool_params() },
        pinfi::state::PoolParams { min_stake_secs: 10, max_stake_secs: 5, ..default_pool_params() },
        pinfi::state::PoolParams { max_stake_secs: 255 * 3_600, ..default_pool_params() },
        pinfi::state::PoolParams { burn_per_gpu_hour: 0, ..default_pool_params() },
        pinfi::state::PoolParams { collateral_bps: 9_999, ..default_pool_params() },
        pinfi::state::PoolParams { reference_price: 0, ..default_pool_params() },
    ] {
        assert_pinfi_err(env.create_pool(&w.lp, class("V100"), bad).await, E::InvalidPoolParams);
    }
    // The same class twice.
    assert!(env.create_pool(&w.lp, class("H100"), default_pool_params()).await.is_err());
    // Paused: pools, trades and stakes are refused; settlement still works.
    env.set_paused(true).await.unwrap();
    assert_pinfi_err(env.create_pool(&w.lp, class("V100"), default_pool_params()).await, E::ProtocolPaused);
    let before = env.balance(&w.buyer.tokens).await;
    assert_pinfi_err(env.buy_hours(&w.buyer, w.pool, 2, 1_000, T0 + 2 * HOUR, 0).await, E::ProtocolPaused);
    assert_eq!(env.balance(&w.buyer.tokens).await, before);
    assert_pinfi_err(env.sell_hours(&w.seller, w.pool, w.seller_stake, 60, 0).await, E::ProtocolPaused);
    env.warp_to(T0 + 12 * HOUR).await;
    env.settle_stake(w.pool, w.seller_stake, w.seller.key(), w.seller.tokens).await.unwrap();
    env.set_paused(false).await.unwrap();
}

#[tokio::test]
async fn device_and_certificate_constraints() {
    let mut w = world().await;
    let env = &mut w.env;
    // The device key must sign.
    let key = Keypair::new();
    let accounts = pinfi::accounts::RegisterDevice {
        owner: w.lp.key(), device_key: key.pubkey(), protocol: protocol_pda(), pool: w.pool,
        device: device_pda(&key.pubkey()), system_program: system_program::ID, event_authority: event_authority(), program: pinfi::ID,
    };
    let mut unsigned = ix(accounts, pinfi::instruction::RegisterDevice { specs_hash: [0; 32] });
    unsigned.accounts[1].is_signer = false;
    let lp_kp = w.lp.kp.insecure_clone();
    assert_anchor_err(env.send(&[unsigned], &[&lp_kp]).await, Anchor::AccountNotSigner);
    // Burning from someone else's token account.
    let r = env.burn_for_certificate_from(&w.lp, w.seller.tokens, w.pool, 77, 3_600).await;
    assert_pinfi_err(r, E::WrongTokenAccount);
    assert_pinfi_err(env.burn_for_certificate(&w.lp, w.pool, 78, 0).await, E::ZeroAmount);
    assert_pinfi_err(env.burn_for_certificate(&w.lp, w.pool, 79, 8 * 24 * 3_600).await, E::InvalidDuration);
    // Insufficient funds: the SPL burn fails and nothing moves.
    let poor = env.user(10).await;
    assert!(env.burn_for_certificate(&poor, w.pool, 80, 3_600).await.is_err());
    assert_eq!(env.balance(&poor.tokens).await, 10);

    // Stake constraints: a device and certificates for each wrong-account case.
    let dev_key = Keypair::new();
    env.register_device(&w.lp, &dev_key, w.pool).await.unwrap();
    let device = device_pda(&dev_key.pubkey());
    let end = T0 + 4 * HOUR;
    env.burn_for_certificate(&w.lp, w.pool, 100, 4 * 3_600).await.unwrap();
    let cert = certificate_pda(&w.lp.key(), &w.pool, 100);
    // Another owner's certificate.
    env.burn_for_certificate(&w.seller, w.pool, 101, 4 * 3_600).await.unwrap();
    let foreign_cert = certificate_pda(&w.seller.key(), &w.pool, 101);
    assert_pinfi_err(env.create_stake_raw(&w.lp, w.pool, device, foreign_cert, StakeKind::Lp, end).await, E::NotOwner);
    // A certificate of another pool.
    env.burn_for_certificate(&w.lp, w.other_pool, 102, 4 * 3_600).await.unwrap();
    let other_cert = certificate_pda(&w.lp.key(), &w.other_pool, 102);
    assert_pinfi_err(env.create_stake_raw(&w.lp, w.pool, device, other_cert, StakeKind::Lp, end).await, E::WrongPool);
    // Someone else's device.
    assert_pinfi_err(env.create_stake_raw(&w.seller, w.pool, device, foreign_cert, StakeKind::Lp, end).await, E::NotOwner);
    // A device of another pool.
    let other_key = Keypair::new();
    env.register_device(&w.lp, &other_key, w.other_pool).await.unwrap();
    let other_device = device_pda(&other_key.pubkey());
    assert_pinfi_err(env.create_stake_raw(&w.lp, w.pool, other_device, cert, StakeKind::Lp, end).await, E::WrongPool);
    // Window checks.
    assert_pinfi_err(env.create_stake_raw(&w.lp, w.pool, device, cert, StakeKind::Lp, end + 1).await, E::InvalidEnd);
    assert_pinfi_err(env.create_stake_raw(&w.lp, w.pool, device, cert, StakeKind::Lp, T0).await, E::InvalidEnd);
    assert_pinfi_err(env.create_stake_raw(&w.lp, w.pool, device, cert, StakeKind::Lp, end + HOUR).await, E::CertificateTooSmall);
    env.burn_for_certificate(&w.lp, w.pool, 103, 7 * 24 * 3_600).await.unwrap();
    let big = certificate_pda(&w.lp.key(), &w.pool, 103);
    assert_pinfi_err(env.create_stake_raw(&w.lp, w.pool, device, big, StakeKind::Lp, T0 + 8 * 24 * HOUR).await, E::InvalidDuration);
    // Wrong vault.
    let index = env.account::<pinfi::state::Device>(&device).await.stake_count;
    let other_vault = env.pool(&w.other_pool).await.vault;
    let accounts = pinfi::accounts::CreateStake {
        owner: w.lp.key(), protocol: protocol_pda(), pool: w.pool, device, certificate: cert, stake: stake_pda(&device, index),
        owner_tokens: w.lp.tokens, vault: other_vault, token_program: spl_token::ID, system_program: system_program::ID,
        event_authority: event_authority(), program: pinfi::ID,
    };
    let r = env.send(&[ix(accounts, pinfi::instruction::CreateStake { kind: StakeKind::Seller, end })], &[&lp_kp]).await;
    assert_pinfi_err(r, E::WrongTokenAccount);
    // Wrong stake PDA (not the device's next index).
    let accounts = pinfi::accounts::CreateStake {
        owner: w.lp.key(), protocol: protocol_pda(), pool: w.pool, device, certificate: cert, stake: stake_pda(&device, index + 1),
        owner_tokens: w.lp.tokens, vault: env.pool(&w.pool).await.vault, token_program: spl_token::ID,
        system_program: system_program::ID, event_authority: event_authority(), program: pinfi::ID,
    };
    let r = env.send(&[ix(accounts, pinfi::instruction::CreateStake { kind: StakeKind::Lp, end })], &[&lp_kp]).await;
    assert_anchor_err(r, Anchor::ConstraintSeeds);
    // The right accounts work, and the certificate is consumed.
    env.create_stake_raw(&w.lp, w.pool, device, cert, StakeKind::Lp, end).await.unwrap();
    assert!(!env.exists(&cert).await);
}

#[tokio::test]
async fn liquidity_and_sale_constraints() {
    let mut w = world().await;
    let env = &mut w.env;
    // Another owner's stake; wrong kind; twice; pool mismatch.
    assert_pinfi_err(env.add_liquidity(&w.seller, w.pool, w.lp_stake, u64::MAX).await, E::NotOwner);
    assert_pinfi_err(env.add_liquidity(&w.seller, w.pool, w.seller_stake, u64::MAX).await, E::WrongStakeKind);
    assert_pinfi_err(env.add_liquidity(&w.lp, w.pool, w.lp_stake, u64::MAX).await, E::LiquidityAlreadyAdded);
    assert_pinfi_err(env.sell_hours(&w.seller, w.other_pool, w.seller_stake, 60, 0).await, E::WrongPool);
    assert_pinfi_err(env.sell_hours(&w.lp, w.pool, w.lp_stake, 60, 0).await, E::WrongStakeKind);
    assert_pinfi_err(env.sell_hours(&w.lp, w.pool, w.seller_stake, 60, 0).await, E::NotOwner);
    // More hours than the stake holds now; slippage.
    // The 12 h stake sold 3_600 GPU-s at T0, so it holds 39_600 now.
    let held = 28_800;
    assert_pinfi_err(env.sell_hours(&w.seller, w.pool, w.seller_stake, 43_200, 0).await, E::InsufficientHours);
    let before = env.balance(&w.seller.tokens).await;
    assert_pinfi_err(env.sell_hours(&w.seller, w.pool, w.seller_stake, held, u64::MAX).await, E::SlippageExceeded);
    assert_eq!(env.balance(&w.seller.tokens).await, before, "a refused sale loses nothing");
    // LP slippage on a fresh LP stake.
    let lp2 = env.user(1_000_000_000).await;
    let (_, s2) = env.stake_new_device(&lp2, w.pool, StakeKind::Lp, T0 + 4 * HOUR).await;
    assert_pinfi_err(env.add_liquidity(&lp2, w.pool, s2, 1).await, E::SlippageExceeded);
    // Wrong vault and wrong mint on a sale.
    let other_vault = env.pool(&w.other_pool).await.vault;
    let seller_kp = w.seller.kp.insecure_clone();
    let accounts = pinfi::accounts::SellHours {
        owner: w.seller.key(), protocol: protocol_pda(), pool: w.pool, stake: w.seller_stake, owner_tokens: w.seller.tokens,
        vault: other_vault, utility_mint: env.mint, token_program: spl_token::ID, event_authority: event_authority(), program: pinfi::ID,
    };
    let r = env.send(&[ix(accounts, pinfi::instruction::SellHours { hours: 60, min_tokens_out: 0 })], &[&seller_kp]).await;
    assert_pinfi_err(r, E::WrongTokenAccount);
    let accounts = pinfi::accounts::SellHours {
        owner: w.seller.key(), protocol: protocol_pda(), pool: w.pool, stake: w.seller_stake, owner_tokens: w.seller.tokens,
        vault: env.pool(&w.pool).await.vault, utility_mint: w.seller.tokens, token_program: spl_token::ID,
        event_authority: event_authority(), program: pinfi::ID,
    };
    let r = env.send(&[ix(accounts, pinfi::instruction::SellHours { hours: 60, min_tokens_out: 0 })], &[&seller_kp]).await;
    assert!(r.is_err(), "a token account passed as the mint");
    // A token account of another owner as destination.
    let accounts = pinfi::accounts::SellHours {
        owner: w.seller.key(), protocol: protocol_pda(), pool: w.pool, stake: w.seller_stake, owner_tokens: w.lp.tokens,
        vault: env.pool(&w.pool).await.vault, utility_mint: env.mint, token_program: spl_token::ID,
        event_authority: event_authority(), program: pinfi::ID,
    };
    let r = env.send(&[ix(accounts, pinfi::instruction::SellHours { hours: 60, min_tokens_out: 0 })], &[&seller_kp]).await;
    assert_pinfi_err(r, E::WrongTokenAccount);
    // A non-pool account as the pool.
    let accounts = pinfi::accounts::SellHours {
        owner: w.seller.key(), protocol: protocol_pda(), pool: w.seller_stake, stake: w.seller_stake, owner_tokens: w.seller.tokens,
        vault: env.pool(&w.pool).await.vault, utility_mint: env.mint, token_program: spl_token::ID,
        event_authority: event_authority(), program: pinfi::ID,
    };
    let r = env.send(&[ix(accounts, pinfi::instruction::SellHours { hours: 60, min_tokens_out: 0 })], &[&seller_kp]).await;
    assert_anchor_err(r, Anchor::AccountDiscriminatorMismatch);
    // Expired stake.
    env.warp_to(T0 + 12 * HOUR).await;
    assert_pinfi_err(env.sell_hours(&w.seller, w.pool, w.seller_stake, 60, 0).await, E::StakeExpired);
    env.warp_to(T0 + 24 * HOUR).await;
    assert_pinfi_err(env.add_liquidity(&lp2, w.pool, s2, u64::MAX).await, E::StakeExpired);
    env.assert_vault_books(&w.pool).await;
}

#[tokio::test]
async fn rental_and_settlement_constraints() {
    let mut w = world().await;
    let env = &mut w.env;
    // Buys: slippage, bad ends, insufficient funds (SPL error, nothing lost).
    assert_pinfi_err(env.buy_hours(&w.buyer, w.pool, 2, 1_000_000, T0 + 6 * HOUR, u64::MAX).await, E::SlippageExceeded);
    assert_pinfi_err(env.buy_hours(&w.buyer, w.pool, 2, 1_000_000, T0 + 6 * HOUR + 5, 0).await, E::InvalidEnd);
    assert_pinfi_err(env.buy_hours(&w.buyer, w.pool, 2, 1_000_000, T0 + 8 * 24 * HOUR, 0).await, E::InvalidDuration);
    assert_pinfi_err(env.buy_hours(&w.buyer, w.pool, 2, 0, T0 + 6 * HOUR, 0).await, E::ZeroAmount);
    let poor = env.user(100).await;
    let r = env.buy_hours(&poor, w.pool, 1, 1_000_000, T0 + 6 * HOUR, 0).await;
    assert_eq!(custom_code(&r), Some(1), "spl-token InsufficientFunds");
    assert_eq!(env.balance(&poor.tokens).await, 100);
    // Rentals: someone else's, a shorter end, another pool.
    assert_pinfi_err(env.extend_rental(&w.lp, w.pool, w.rental, T0 + 8 * HOUR, u64::MAX).await, E::NotOwner);
    assert_pinfi_err(env.extend_rental(&w.buyer, w.pool, w.rental, T0 + 6 * HOUR, u64::MAX).await, E::InvalidEnd);
    assert_pinfi_err(env.extend_rental(&w.buyer, w.other_pool, w.rental, T0 + 8 * HOUR, u64::MAX).await, E::WrongPool);
    assert_pinfi_err(env.terminate_rental(&w.lp, w.pool, w.rental, 0).await, E::NotOwner);
    assert_pinfi_err(env.terminate_rental(&w.buyer, w.pool, w.rental, u64::MAX).await, E::SlippageExceeded);
    // Settlement: not before the end; rent and tokens only to the stake's owner.
    assert_pinfi_err(env.settle_stake(w.pool, w.lp_stake, w.lp.key(), w.lp.tokens).await, E::StakeNotEnded);
    env.warp_to(T0 + 24 * HOUR).await;
    assert_pinfi_err(env.terminate_rental(&w.buyer, w.pool, w.rental, 0).await, E::RentalEnded);
    assert_pinfi_err(env.settle_stake(w.pool, w.lp_stake, w.seller.key(), w.lp.tokens).await, E::NotOwner);
    assert_pinfi_err(env.settle_stake(w.pool, w.lp_stake, w.lp.key(), w.seller.tokens).await, E::WrongTokenAccount);
    assert_pinfi_err(env.settle_stake(w.other_pool, w.lp_stake, w.lp.key(), w.lp.tokens).await, E::WrongPool);
    env.settle_stake(w.pool, w.seller_stake, w.seller.key(), w.seller.tokens).await.unwrap();
    env.settle_stake(w.pool, w.lp_stake, w.lp.key(), w.lp.tokens).await.unwrap();
    // A settled stake is gone: settling twice cannot pay twice.
    assert!(env.settle_stake(w.pool, w.lp_stake, w.lp.key(), w.lp.tokens).await.is_err());
    env.assert_vault_books(&w.pool).await;
}

/// Each instruction that moves tokens refuses another pool's vault, a foreign mint and a fake
/// protocol account, and loses nothing when it does.
#[tokio::test]
async fn vaults_mints_and_protocol_are_pinned() {
    let mut w = world().await;
    let env = &mut w.env;
    let vault = env.pool(&w.pool).await.vault;
    let other_vault = env.pool(&w.other_pool).await.vault;
    let lp2 = env.user(1_000_000_000).await;
    let (_, fresh_lp) = env.stake_new_device(&lp2, w.pool, StakeKind::Lp, T0 + 4 * HOUR).await;

    env.substitute_next(vault, other_vault);
    assert_pinfi_err(env.add_liquidity(&lp2, w.pool, fresh_lp, u64::MAX).await, E::WrongTokenAccount);
    env.substitute_next(vault, other_vault);
    assert_pinfi_err(env.buy_hours(&w.buyer, w.pool, 5, 1_000, T0 + 2 * HOUR, 0).await, E::WrongTokenAccount);
    env.substitute_next(vault, other_vault);
    assert_pinfi_err(env.extend_rental(&w.buyer, w.pool, w.rental, T0 + 8 * HOUR, u64::MAX).await, E::WrongTokenAccount);
    env.substitute_next(vault, other_vault);
    assert_pinfi_err(env.terminate_rental(&w.buyer, w.pool, w.rental, 0).await, E::WrongTokenAccount);

    // A second mint: the protocol's mint is pinned everywhere.
    let other_mint_env_user = env.user(0).await;
    let real_mint = env.mint;
    let fake_mint = {
        // Any SPL mint other than the protocol's (here: create a second one).
        let kp = Keypair::new();
        let rent = env.ctx.banks_client.get_rent().await.unwrap();
        let payer = env.ctx.payer.insecure_clone();
        let len = <spl_token::state::Mint as solana_sdk::program_pack::Pack>::LEN;
        let ixs = [
            solana_sdk::system_instruction::create_account(&payer.pubkey(), &kp.pubkey(), rent.minimum_balance(len), len as u64, &spl_token::ID),
            spl_token::instruction::initialize_mint2(&spl_token::ID, &kp.pubkey(), &other_mint_env_user.key(), None, 6).unwrap(),
        ];
        env.send(&ixs, &[&kp]).await.unwrap();
        kp.pubkey()
    };
    env.substitute_next(real_mint, fake_mint);
    assert_pinfi_err(env.burn_for_certificate(&lp2, w.pool, 900, 3_600).await, E::WrongTokenAccount);
    env.substitute_next(real_mint, fake_mint);
    assert_pinfi_err(env.buy_hours(&w.buyer, w.pool, 6, 1_000, T0 + 2 * HOUR, 0).await, E::WrongTokenAccount);

    // A fake protocol account (right type, wrong address) and a non-protocol account.
    env.substitute_next(protocol_pda(), w.pool);
    assert_anchor_err(env.buy_hours(&w.buyer, w.pool, 7, 1_000, T0 + 2 * HOUR, 0).await, Anchor::AccountDiscriminatorMismatch);
    env.substitute_next(protocol_pda(), w.lp_stake);
    assert_anchor_err(env.sell_hours(&w.seller, w.pool, w.seller_stake, 60, 0).await, Anchor::AccountDiscriminatorMismatch);
    // A wrong token program.
    env.substitute_next(spl_token::ID, system_program::ID);
    assert_anchor_err(env.buy_hours(&w.buyer, w.pool, 8, 1_000, T0 + 2 * HOUR, 0).await, Anchor::InvalidProgramId);

    // Settlement pays only from the stake's own pool vault.
    env.warp_to(T0 + 24 * HOUR).await;
    env.substitute_next(vault, other_vault);
    assert_pinfi_err(env.settle_stake(w.pool, w.lp_stake, w.lp.key(), w.lp.tokens).await, E::WrongTokenAccount);
    assert_eq!(env.balance(&w.buyer.tokens).await, 100_000_000 - 1_000_000, "refused calls lost nothing");
    env.assert_vault_books(&w.pool).await;
}
