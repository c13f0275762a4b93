//! Cost of a swap with 10 live stakes vs 100,000, measured side by side in one run.
//!
//! Two levels: the pure pool transition (`pinfi_math::pool`), and the whole `buy_hours`
//! instruction through a bank (solana-program-test). Native execution meters no compute units,
//! so wall time is the measure; runs alternate A/B/A/B so machine noise hits both sides alike,
//! and the ratio is what to read (goal: ~1.0, i.e. flat in the number of stakes).
//!
//! Run: `npm run bench` (or `cargo run -p pinfi-localnet --example bench_swap`).
#![allow(deprecated)]

#[path = "../tests/program/harness.rs"]
#[allow(dead_code)]
mod harness;

use anchor_lang::{AccountSerialize, Discriminator};
use harness::*;
use pinfi_math::pool::{CurveParams, PoolCore};
use pinfi_math::reserve::{Reserve, BUCKETS};
use solana_sdk::account::Account;
use std::time::Instant;

const SMALL: usize = 10;
const LARGE: usize = 100_000;

/// A pool holding `lots` LP lots of `devices` devices each, ends spread over the whole ring.
fn pool_with_lots(lots: usize, devices: u64, now: i64) -> (PoolCore, Vec<u128>) {
    let bucket = BUCKET;
    let mut core = PoolCore {
        utility_reserve: 0,
        lp_supply: 0,
        escrow_total: 0,
        collateral_total: 0,
        reserve: Reserve::new(bucket, now).unwrap(),
    };
    let mut slots = vec![0u128; BUCKETS];
    let curve = CurveParams { fee_bps: 30, collateral_bps: 20_000, reference_price: 2_000_000 };
    for i in 0..lots {
        // Spread ends over the whole ring, whatever the number of lots.
        let end = now + (1 + (i * 7_919) % (BUCKETS - 2)) as i64 * bucket as i64;
        core.add_liquidity(&mut slots, &curve, now, end, devices * (end - now) as u64).unwrap();
    }
    (core, slots)
}

fn pure_swaps(core: &PoolCore, slots: &[u128], now: i64, batches: usize) -> f64 {
    let curve = CurveParams { fee_bps: 30, collateral_bps: 20_000, reference_price: 2_000_000 };
    const BATCH: usize = 100;
    let start = Instant::now();
    for _ in 0..batches {
        // A fresh copy per batch (same 4 KiB copy on both sides); the clock moves 37 s a swap, so
        // each batch also crosses a bucket boundary and pays for expiry bookkeeping.
        let (mut core, mut slots) = (*core, slots.to_vec());
        for i in 0..BATCH {
            let t = now + 37 * i as i64;
            std::hint::black_box(core.buy_hours(&mut slots, &curve, t, 1_000_000).unwrap());
        }
    }
    start.elapsed().as_nanos() as f64 / (batches * BATCH) as f64
}

async fn instruction_swaps(env: &mut Env, pool: solana_sdk::pubkey::Pubkey, buyer: &User, first_id: u64, rounds: usize) -> f64 {
    let start = Instant::now();
    for i in 0..rounds {
        env.buy_hours(buyer, pool, first_id + i as u64, 100_000, T0 + 4 * HOUR, 1).await.unwrap();
    }
    start.elapsed().as_nanos() as f64 / rounds as f64
}

/// Overwrites `pool`'s books with `core` (and tops up its vault to match).
async fn load_pool(env: &mut Env, pool: solana_sdk::pubkey::Pubkey, core: &PoolCore, slots: &[u128]) {
    let mut state = env.pool(&pool).await;
    state.store(core);
    state.slots.copy_from_slice(slots);
    let mut data = Vec::with_capacity(8 + std::mem::size_of::<pinfi::state::Pool>());
    state.try_serialize(&mut data).unwrap();
    assert!(data.starts_with(pinfi::state::Pool::DISCRIMINATOR));
    let old = env.ctx.banks_client.get_account(pool).await.unwrap().unwrap();
    data.resize(old.data.len(), 0);
    env.ctx.set_account(&pool, &Account { data, ..old }.into());
    let have = env.balance(&state.vault).await;
    if core.utility_reserve > have {
        env.mint_to(&state.vault.clone(), core.utility_reserve - have).await;
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let profile = if cfg!(debug_assertions) { "debug" } else { "release" };
    println!("swap cost vs live stakes ({profile} build; read the ratios, not the absolute times)\n");

    let now = T0;
    let (small, small_slots) = pool_with_lots(SMALL, 1, now);
    print!("building a pool with {LARGE} lots… ");
    let (large, large_slots) = pool_with_lots(LARGE, 1, now);
    println!("done (H = {} GPU-s)", large.hours_at(&large_slots, now).unwrap());
    // Control: as few lots as the small pool but reserves as large as the big one, to separate
    // the cost of wider numbers (U256 division) from any cost per lot.
    let (wide, wide_slots) = pool_with_lots(SMALL, (LARGE / SMALL) as u64, now);

    let rounds = 200;
    let (mut a, mut b, mut c) = (0.0, 0.0, 0.0);
    for _ in 0..4 {
        a += pure_swaps(&small, &small_slots, now, rounds);
        b += pure_swaps(&large, &large_slots, now, rounds);
        c += pure_swaps(&wide, &wide_slots, now, rounds);
    }
    println!("pure transition   {SMALL:>7} stakes: {:>9.0} ns/swap", a / 4.0);
    println!("pure transition   {LARGE:>7} stakes: {:>9.0} ns/swap   ratio {:.3}", b / 4.0, b / a);
    println!("  control: {SMALL} stakes, same reserves as {LARGE}: {:>5.0} ns/swap   ratio to {LARGE} stakes {:.3}", c / 4.0, b / c);

    let mut env = Env::with_pools(&["SMALL", "LARGE"], default_pool_params()).await;
    let (ps, pl) = (pool_pda(&class("SMALL")), pool_pda(&class("LARGE")));
    load_pool(&mut env, ps, &small, &small_slots).await;
    load_pool(&mut env, pl, &large, &large_slots).await;
    let buyer = env.user(1_000_000_000_000).await;
    let rounds = 40;
    let (mut a, mut b) = (0.0, 0.0);
    for r in 0..4u64 {
        a += instruction_swaps(&mut env, ps, &buyer, r * 1_000, rounds).await;
        b += instruction_swaps(&mut env, pl, &buyer, r * 1_000, rounds).await;
    }
    println!("buy_hours tx      {SMALL:>7} stakes: {:>9.0} µs/tx", a / 4.0 / 1e3);
    println!("buy_hours tx      {LARGE:>7} stakes: {:>9.0} µs/tx   ratio {:.3}", b / 4.0 / 1e3, b / a);
}
