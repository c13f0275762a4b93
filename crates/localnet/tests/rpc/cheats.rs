//! Test control: time travel, account injection, reset.
use base64::{engine::general_purpose::STANDARD as B64, Engine as _};
use serde_json::{json, Value};
use solana_sdk::{pubkey::Pubkey, signer::Signer};

use crate::support::{initialize_protocol, protocol_pda, start};

#[tokio::test]
async fn time_travel_moves_the_clock_forward_only() {
    let net = start().await;
    let c0 = net.ok("pinfi_getClock", json!([])).await;
    let t0 = c0["unixTimestamp"].as_i64().unwrap();
    let h0 = net.ok("getBlockHeight", json!([])).await.as_u64().unwrap();

    let moved = net.ok("surfnet_timeTravel", json!([{"absoluteTimestamp": t0 + 86_400}])).await;
    assert_eq!(moved["unixTimestamp"], t0 + 86_400);
    assert_eq!(moved["slot"], c0["slot"]);
    assert_eq!(net.ok("pinfi_getClock", json!([])).await["unixTimestamp"], t0 + 86_400);

    let e = net.err("surfnet_timeTravel", json!([{"absoluteTimestamp": t0}])).await;
    assert_eq!(e["code"], -32602);
    assert!(e["message"].as_str().unwrap().contains("back"), "{e}");
    assert_eq!(net.ok("pinfi_getClock", json!([])).await["unixTimestamp"], t0 + 86_400, "a refused travel changes nothing");

    let warped = net.ok("surfnet_timeTravel", json!([{"absoluteSlot": 5_000}])).await;
    assert_eq!(warped["slot"], 5_000);
    assert!(warped["unixTimestamp"].as_i64().unwrap() >= t0 + 86_400, "a warp never moves time back: {warped}");
    assert_eq!(net.ok("getSlot", json!([])).await, 5_000);
    assert!(net.ok("getBlockHeight", json!([])).await.as_u64().unwrap() > h0);
    let e = net.err("surfnet_timeTravel", json!([{"absoluteSlot": 10}])).await;
    assert_eq!(e["code"], -32602, "{e}");
    let e = net.err("surfnet_timeTravel", json!([{"absoluteTimestmp": 1}])).await;
    assert_eq!(e["code"], -32602, "{e}");

    // Transactions still land after a warp, and carry the new clock.
    let who = Pubkey::new_unique();
    let sig = net.airdrop(&who, 1_000_000_000).await;
    let tx = net.ok("getTransaction", json!([sig, "json"])).await;
    assert_eq!(tx["slot"], 5_000);
    assert_eq!(tx["blockTime"], warped["unixTimestamp"]);
    net.running.shutdown().await;
}

#[tokio::test]
async fn set_account_merges_and_reset_drops_everything() {
    let net = start().await;
    let key = Pubkey::new_unique();
    let owner = Pubkey::new_unique();
    net.ok("surfnet_setAccount", json!([key.to_string(), {"lamports": 42, "data": "deadbeef", "owner": owner.to_string()}])).await;
    let acc = net.ok("getAccountInfo", json!([key.to_string(), {"encoding": "base64"}])).await["value"].clone();
    assert_eq!((acc["lamports"].clone(), acc["owner"].clone()), (json!(42), json!(owner.to_string())));
    assert_eq!(B64.decode(acc["data"][0].as_str().unwrap()).unwrap(), [0xde, 0xad, 0xbe, 0xef]);
    // Only the given fields change.
    net.ok("surfnet_setAccount", json!([key.to_string(), {"lamports": 7}])).await;
    let acc = net.ok("getAccountInfo", json!([key.to_string(), {"encoding": "base64"}])).await["value"].clone();
    assert_eq!((acc["lamports"].clone(), acc["data"][0].clone()), (json!(7), json!(B64.encode([0xde, 0xad, 0xbe, 0xef]))));
    let scanned = net.ok("getProgramAccounts", json!([owner.to_string(), {"encoding": "base64"}])).await;
    assert_eq!(scanned[0]["pubkey"], key.to_string());
    net.ok("surfnet_setAccount", json!([key.to_string(), {"data": "AQID", "encoding": "base64"}])).await;
    assert_eq!(net.ok("getAccountInfo", json!([key.to_string(), {"encoding": "base64"}])).await["value"]["data"][0], "AQID");
    assert_eq!(net.err("surfnet_setAccount", json!([key.to_string(), {"data": "xyz"}])).await["code"], -32602);

    let (admin, mint) = net.admin_and_mint().await;
    let sig = net.send_ok(&[initialize_protocol(&admin.pubkey(), &mint, 1_000)], &admin, &[]).await;
    net.ok("surfnet_timeTravel", json!([{"absoluteSlot": 300}])).await;
    let height = net.ok("getBlockHeight", json!([])).await.as_u64().unwrap();

    net.ok("surfnet_resetNetwork", json!([])).await;
    assert_eq!(net.ok("getAccountInfo", json!([key.to_string()])).await["value"], Value::Null);
    assert_eq!(net.ok("getAccountInfo", json!([protocol_pda().to_string()])).await["value"], Value::Null);
    assert_eq!(net.ok("getTransaction", json!([sig])).await, Value::Null);
    assert_eq!(net.ok("getProgramAccounts", json!([pinfi::ID.to_string()])).await, json!([]));
    assert!(net.ok("getBlockHeight", json!([])).await.as_u64().unwrap() > height, "block height never goes back");
    // Same program id, working again from scratch.
    let (admin, mint) = net.admin_and_mint().await;
    net.send_ok(&[initialize_protocol(&admin.pubkey(), &mint, 1_000)], &admin, &[]).await;
    net.running.shutdown().await;
}
