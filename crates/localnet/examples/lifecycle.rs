//! One day in the life of an H100 pool, on the real program inside a bank: LPs stake and add
//! liquidity, a seller sells hours, buyers rent, extend and terminate, the clock moves hour by
//! hour and the price drifts up as hours decay. Prints every step and writes an SVG of the price
//! and the hour reserve to `target/demo/h100-day.svg`.
//!
//! Run: `npm run demo` (or `cargo run -p pinfi-localnet --example lifecycle`).
#![allow(deprecated)]

#[path = "../tests/program/harness.rs"]
#[allow(dead_code)]
mod harness;

use harness::*;
use pinfi::state::StakeKind;
use std::fmt::Write as _;

const USDC_LIKE: f64 = 1e6; // the demo mint has 6 decimals

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let mut env = Env::with_pools(&["H100", "A100", "RTX4090"], default_pool_params()).await;
    let pool = pool_pda(&class("H100"));
    println!("protocol + pools H100, A100, RTX4090 created (bucket 1 h, fee 0.3 %, collateral 2×)");

    let lps = [env.user(5_000_000_000).await, env.user(5_000_000_000).await];
    let seller = env.user(5_000_000_000).await;
    let buyer = env.user(5_000_000_000).await;
    let mut series: Vec<(f64, f64, f64)> = vec![]; // (hour, price per GPU-hour, reserve GPU-hours)
    let mut lp_stakes = vec![];
    let mut seller_stake = None;

    for hour in 0..=24i64 {
        let now = T0 + hour * HOUR;
        env.warp_to(now).await;
        let what = match hour {
            0 => {
                let (_, s) = env.stake_new_device(&lps[0], pool, StakeKind::Lp, T0 + 24 * HOUR).await;
                env.add_liquidity(&lps[0], pool, s, u64::MAX).await.unwrap();
                lp_stakes.push((0, s));
                "LP 1 stakes one H100 for 24 h and adds liquidity at the reference price".to_string()
            }
            3 => {
                let (_, s) = env.stake_new_device(&lps[1], pool, StakeKind::Lp, T0 + 20 * HOUR).await;
                env.add_liquidity(&lps[1], pool, s, u64::MAX).await.unwrap();
                lp_stakes.push((1, s));
                "LP 2 adds 17 h of a second H100 at the prevailing price".to_string()
            }
            6 => {
                let (_, s) = env.stake_new_device(&seller, pool, StakeKind::Seller, T0 + 18 * HOUR).await;
                env.sell_hours(&seller, pool, s, 6 * 3_600, 1).await.unwrap();
                seller_stake = Some(s);
                "a seller sells 6 GPU-hours of a 12 h stake (collateral locked)".to_string()
            }
            8 => {
                env.buy_hours(&buyer, pool, 1, 20_000_000, T0 + 14 * HOUR, 1).await.unwrap();
                "a buyer pays 20 tokens for a rental until hour 14".to_string()
            }
            10 => {
                let rental = rental_pda(&pool, &buyer.key(), 1);
                env.extend_rental(&buyer, pool, rental, T0 + 16 * HOUR, u64::MAX).await.unwrap();
                "the buyer extends the rental to hour 16".to_string()
            }
            12 => {
                env.terminate_rental(&buyer, pool, rental_pda(&pool, &buyer.key(), 1), 0).await.unwrap();
                "the buyer terminates early; unused hours return to the pool".to_string()
            }
            18 => {
                env.settle_stake(pool, seller_stake.unwrap(), seller.key(), seller.tokens).await.unwrap();
                "the seller's stake ends: collateral and maintenance fee refunded".to_string()
            }
            20 => {
                let (i, s) = lp_stakes[1];
                let before = env.balance(&lps[i].tokens).await;
                env.settle_stake(pool, s, lps[i].key(), lps[i].tokens).await.unwrap();
                let got = env.balance(&lps[i].tokens).await - before;
                format!("LP 2 settles: receives {:.2} tokens (shares / L × U)", got as f64 / USDC_LIKE)
            }
            24 => {
                let (i, s) = lp_stakes[0];
                let before = env.balance(&lps[i].tokens).await;
                env.settle_stake(pool, s, lps[i].key(), lps[i].tokens).await.unwrap();
                let got = env.balance(&lps[i].tokens).await - before;
                format!("LP 1 settles: receives {:.2} tokens; the pool is empty again", got as f64 / USDC_LIKE)
            }
            _ => String::new(),
        };
        let p = env.pool(&pool).await;
        let h = p.core().hours_at(&p.slots, now).unwrap();
        let price = if h > 0 { p.utility_reserve as f64 / USDC_LIKE / (h as f64 / 3_600.0) } else { f64::NAN };
        println!(
            "h{hour:>2}  U = {:>10.2}  H = {:>7.2} GPU-h  price = {:>8.3} /GPU-h  {what}",
            p.utility_reserve as f64 / USDC_LIKE,
            h as f64 / 3_600.0,
            price
        );
        if h > 0 {
            series.push((hour as f64, price, h as f64 / 3_600.0));
        }
        env.assert_vault_books(&pool).await;
    }

    let out = std::path::Path::new("target/demo");
    std::fs::create_dir_all(out).unwrap();
    let path = out.join("h100-day.svg");
    std::fs::write(&path, svg(&series)).unwrap();
    println!("\nwrote {}", path.display());
}

/// Two stacked line charts (price, reserve) over the hours; no dependencies.
fn svg(series: &[(f64, f64, f64)]) -> String {
    let (w, h, pad) = (760.0, 220.0, 50.0);
    let mut s = format!(r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{}" font-family="sans-serif" font-size="12">"#, 2.0 * h + 40.0);
    let xmax = 24.0;
    for (row, (label, pick, color)) in [("price, tokens per GPU-hour", 1usize, "firebrick"), ("hour reserve, GPU-hours", 2, "steelblue")].iter().enumerate() {
        let top = row as f64 * (h + 20.0) + 10.0;
        let ys: Vec<f64> = series.iter().map(|p| if *pick == 1 { p.1 } else { p.2 }).collect();
        let ymax = ys.iter().cloned().fold(0.0, f64::max) * 1.1;
        let _ = write!(s, r#"<rect x="{pad}" y="{top}" width="{}" height="{}" fill="none" stroke="gray"/>"#, w - 2.0 * pad, h - 30.0);
        let _ = write!(s, r#"<text x="{}" y="{}">{label} (max {:.2})</text>"#, pad + 6.0, top + 16.0, ymax / 1.1);
        let pts: Vec<String> = series
            .iter()
            .zip(&ys)
            .map(|(p, y)| format!("{:.1},{:.1}", pad + p.0 / xmax * (w - 2.0 * pad), top + (h - 30.0) * (1.0 - y / ymax)))
            .collect();
        let _ = write!(s, r#"<polyline fill="none" stroke="{color}" stroke-width="2" points="{}"/>"#, pts.join(" "));
        for hour in (0..=24).step_by(4) {
            let x = pad + hour as f64 / xmax * (w - 2.0 * pad);
            let _ = write!(s, r#"<text x="{x:.1}" y="{}" text-anchor="middle">h{hour}</text>"#, top + h - 14.0);
        }
    }
    s.push_str("</svg>\n");
    s
}
