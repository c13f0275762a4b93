//! Checks every golden vector of `tests/golden/pool-math.json` (written by the independent Python
//! implementation, `scripts/gen-golden.py`) against the Rust math, with zero difference.

use pinfi_math::curve::*;
use pinfi_math::decay::{balance_floor, rate_ceil, rate_floor, withdraw};
use pinfi_math::pool::{CurveParams, PoolCore};
use pinfi_math::reserve::{align_down, align_up, Reserve, BUCKETS};
use pinfi_math::{Error, Result};
use serde_json::{json, Map, Value};
use std::str::FromStr;

fn num<T: FromStr>(v: &Value, key: &str) -> T {
    let s = v[key].as_str().unwrap_or_else(|| panic!("{key} is not a string in {v}"));
    s.parse().unwrap_or_else(|_| panic!("{key} = {s} does not fit its Rust type"))
}

fn error_name(e: Error) -> &'static str {
    match e {
        Error::Math(_) => "Math",
        Error::ZeroAmount => "ZeroAmount",
        Error::InsufficientHours => "InsufficientHours",
        Error::EmptyReserve => "EmptyReserve",
        Error::BadLotEnd => "BadLotEnd",
        Error::InvariantViolated => "InvariantViolated",
        Error::Precision => "Precision",
    }
}

fn outcome<T: ToString>(r: Result<T>) -> Value {
    match r {
        Ok(v) => json!({ "value": v.to_string() }),
        Err(e) => json!({ "error": error_name(e) }),
    }
}

fn fields(r: Result<Value>) -> Value {
    r.unwrap_or_else(|e| json!({ "error": error_name(e) }))
}

fn function(op: &str, a: &Value) -> Option<Value> {
    Some(match op {
        "fee_ceil" => outcome(fee_ceil(num(a, "amount"), num(a, "bps"))),
        "hours_out_floor" => outcome(hours_out_floor(num(a, "u"), num(a, "h"), num(a, "tokens_in"))),
        "tokens_in_for_hours_ceil" => outcome(tokens_in_for_hours_ceil(num(a, "u"), num(a, "h"), num(a, "hours_out"))),
        "gross_for_net_ceil" => outcome(gross_for_net_ceil(num(a, "net"), num(a, "bps"))),
        "tokens_out_floor" => outcome(tokens_out_floor(num(a, "u"), num(a, "h"), num(a, "hours_in"))),
        "equal_value_tokens_ceil" => outcome(equal_value_tokens_ceil(
            num(a, "u"),
            num(a, "h"),
            num(a, "hours_in"),
            num(a, "reference_price_per_hour"),
        )),
        "lp_shares_floor" => outcome(lp_shares_floor(num(a, "lp_supply"), num(a, "u"), num(a, "tokens_in"))),
        "lp_payout_floor" => outcome(lp_payout_floor(num(a, "shares"), num(a, "lp_supply"), num(a, "u"))),
        "per_hour_charge_ceil" => outcome(per_hour_charge_ceil(num(a, "per_hour"), num(a, "secs"))),
        "collateral_ceil" => outcome(collateral_ceil(num(a, "proceeds"), num(a, "multiple_bps"))),
        "balance_floor" => outcome(balance_floor(num(a, "rate"), num(a, "end"), num(a, "now"))),
        "rate_floor" => outcome(rate_floor(num(a, "amount"), num(a, "end"), num(a, "now"))),
        "rate_ceil" => outcome(rate_ceil(num(a, "amount"), num(a, "end"), num(a, "now"))),
        "withdraw" => outcome(withdraw(num(a, "rate"), num(a, "end"), num(a, "now"), num(a, "amount"))),
        "align_down" => outcome(Ok(align_down(num(a, "t"), num(a, "b")))),
        "align_up" => outcome(Ok(align_up(num(a, "t"), num(a, "b")))),
        _ => return None,
    })
}

fn reserve_state(r: &Reserve, slots: &[u128]) -> Value {
    let ring: Map<String, Value> =
        slots.iter().enumerate().filter(|(_, s)| **s != 0).map(|(i, s)| (i.to_string(), json!(s.to_string()))).collect();
    json!({
        "rate_sum": r.rate_sum.to_string(),
        "rate_end_sum": r.rate_end_sum.to_string(),
        "scale": r.scale.to_string(),
        "cursor": r.cursor.to_string(),
        "slots": ring,
    })
}

fn pool_state(c: &PoolCore, slots: &[u128]) -> Value {
    json!({
        "utility_reserve": c.utility_reserve.to_string(),
        "lp_supply": c.lp_supply.to_string(),
        "escrow_total": c.escrow_total.to_string(),
        "collateral_total": c.collateral_total.to_string(),
        "reserve": reserve_state(&c.reserve, slots),
    })
}

fn reserve_step(r: &mut Reserve, slots: &mut [u128], s: &Value) -> Value {
    let now = num(s, "now");
    match s["op"].as_str().unwrap() {
        "add_lot" => outcome(r.add_lot(slots, now, num(s, "end"), num(s, "rate"))),
        "remove_pro_rata" => outcome(r.remove_pro_rata(slots, now, num(s, "amount"))),
        "hours_at" => outcome(r.hours_at(slots, now)),
        "advance" => fields(r.advance(slots, now).map(|_| json!({ "value": null }))),
        "renormalize" => fields(r.renormalize(slots, now).map(|_| json!({ "value": null }))),
        op => panic!("unknown reserve step {op}"),
    }
}

fn pool_step(c: &mut PoolCore, slots: &mut [u128], p: &CurveParams, s: &Value) -> Value {
    let now = num(s, "now");
    fields(match s["op"].as_str().unwrap() {
        "add_liquidity" => c.add_liquidity(slots, p, now, num(s, "end"), num(s, "hours")).map(|r| {
            json!({ "hours_credited": r.hours_credited.to_string(), "tokens_in": r.tokens_in.to_string(),
                    "shares": r.shares.to_string() })
        }),
        "sell_hours" => c.sell_hours(slots, p, now, num(s, "end"), num(s, "hours")).map(|r| {
            json!({ "hours_credited": r.hours_credited.to_string(), "gross_out": r.gross_out.to_string(),
                    "fee": r.fee.to_string(), "seller_out": r.seller_out.to_string(),
                    "collateral": r.collateral.to_string() })
        }),
        "buy_hours" => c.buy_hours(slots, p, now, num(s, "tokens_in")).map(|r| {
            json!({ "tokens_in": r.tokens_in.to_string(), "fee": r.fee.to_string(), "hours_out": r.hours_out.to_string() })
        }),
        "quote_buy_exact_out" => {
            c.quote_buy_exact_out(slots, p, now, num(s, "hours_out")).map(|t| json!({ "tokens_in": t.to_string() }))
        }
        "remove_liquidity" => c.remove_liquidity(num(s, "shares")).map(|t| json!({ "payout": t.to_string() })),
        "lock_escrow" => c.lock_escrow(num(s, "amount")).map(|_| json!({})),
        "release_seller" => c.release_seller(num(s, "escrow"), num(s, "collateral")).map(|_| json!({})),
        op => panic!("unknown pool step {op}"),
    })
}

/// Runs a scenario; a failing step is rolled back, as a failed transaction is on chain.
fn scenario<S: Clone>(
    input: &Value,
    mut state: S,
    mut step: impl FnMut(&mut S, &mut [u128], &Value) -> Value,
    hours: impl Fn(&S, &[u128], i64) -> u64,
    dump: impl Fn(&S, &[u128]) -> Value,
) -> Value {
    let mut slots = vec![0u128; BUCKETS];
    let mut out = vec![];
    for s in input["steps"].as_array().unwrap() {
        let saved = (state.clone(), slots.clone());
        let result = step(&mut state, &mut slots, s);
        if result.get("error").is_some() {
            (state, slots) = saved;
        }
        let h = hours(&state, &slots, num(s, "now"));
        out.push(json!({ "result": result, "hours_at": h.to_string(), "state": dump(&state, &slots) }));
    }
    json!({ "steps": out })
}

fn run(case: &Value) -> Value {
    let (op, input) = (case["op"].as_str().unwrap(), &case["input"]);
    if let Some(v) = function(op, input) {
        return v;
    }
    let reserve = match Reserve::new(num(input, "bucket_secs"), num(input, "start")) {
        Ok(r) => r,
        Err(e) => return json!({ "error": error_name(e) }),
    };
    match op {
        "reserve" => scenario(
            input,
            reserve,
            reserve_step,
            |r, s, t| r.hours_at(s, t).unwrap(),
            reserve_state,
        ),
        "pool" => {
            let p = &input["params"];
            let p = CurveParams {
                fee_bps: num(p, "fee_bps"),
                collateral_bps: num(p, "collateral_bps"),
                reference_price: num(p, "reference_price"),
            };
            let core = PoolCore { utility_reserve: 0, lp_supply: 0, escrow_total: 0, collateral_total: 0, reserve };
            scenario(input, core, |c, s, v| pool_step(c, s, &p, v), |c, s, t| c.hours_at(s, t).unwrap(), pool_state)
        }
        _ => panic!("unknown op {op}"),
    }
}

#[test]
fn golden_vectors_match() {
    // Read at run time: a target dir shared between clones keeps binaries built under another path.
    let dir = std::env::var("CARGO_MANIFEST_DIR").expect("run through cargo test");
    let path = std::path::Path::new(&dir).join("../../tests/golden/pool-math.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e} (run python3 scripts/gen-golden.py)", path.display()));
    let cases: Vec<Value> = serde_json::from_str(&text).unwrap();
    assert!(cases.len() > 250, "only {} golden cases", cases.len());
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|c| {
            let got = run(c);
            (got != c["expected"]).then(|| format!("{}\n  expected {}\n  got      {}", c["name"], c["expected"], got))
        })
        .collect();
    assert!(failures.is_empty(), "{} of {} golden cases differ:\n{}", failures.len(), cases.len(), failures.join("\n"));
}
