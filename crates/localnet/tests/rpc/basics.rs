//! Framing, errors, node info, airdrops, balances and encodings.
use base64::{engine::general_purpose::STANDARD as B64, Engine as _};
use serde_json::{json, Value};
use solana_sdk::{hash::Hash, pubkey::Pubkey};

use crate::support::{post_raw, start};

#[tokio::test]
async fn readiness_line_and_node_info() {
    let net = start().await;
    let r = &net.running;
    assert_eq!(
        r.readiness_line(),
        format!("pinfi-localnet ready rpc=http://127.0.0.1:{} ws=ws://127.0.0.1:{} program={}", r.rpc_addr.port(), r.ws_addr.port(), pinfi::ID)
    );
    assert_ne!(r.rpc_addr.port(), 0);
    assert_ne!(r.ws_addr.port(), r.rpc_addr.port());
    assert_eq!(net.ok("getVersion", json!([])).await, json!({"solana-core": "2.3.13", "feature-set": 0}));
    assert_eq!(net.ok("getHealth", Value::Null).await, "ok");
    let genesis = net.ok("getGenesisHash", json!([])).await;
    assert!(genesis.as_str().unwrap().parse::<Hash>().is_ok(), "{genesis}");
    let epoch = net.ok("getEpochInfo", json!([])).await;
    assert_eq!(epoch["absoluteSlot"], net.ok("getSlot", json!([])).await);
    assert_eq!(epoch["blockHeight"], net.ok("getBlockHeight", json!([])).await);
    assert_eq!(net.ok("getRecentPrioritizationFees", json!([])).await, json!([]));
    net.running.shutdown().await;
}

#[tokio::test]
async fn json_rpc_errors_and_batches() {
    let net = start().await;
    let addr = net.addr();
    let e = net.err("getNothing", json!([])).await;
    assert_eq!(e["code"], -32601, "{e}");

    let (status, body) = post_raw(addr, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":").await;
    assert_eq!(status, 200);
    let v: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(v["error"]["code"], -32700, "{v}");
    assert_eq!(v["id"], Value::Null);

    let e = net.err("getBalance", json!(["not-a-key"])).await;
    assert_eq!(e["code"], -32602);
    assert!(e["message"].as_str().unwrap().contains("pubkey"), "{e}");
    let e = net.err("getBalance", json!([])).await;
    assert_eq!(e["code"], -32602, "{e}");
    let e = net.err("getBalance", json!({"pubkey": "x"})).await;
    assert_eq!(e["code"], -32602, "{e}");
    let e = net.err("getAccountInfo", json!([Pubkey::new_unique().to_string(), {"encoding": "hex"}])).await;
    assert!(e["message"].as_str().unwrap().contains("encoding"), "{e}");
    let e = net.err("sendTransaction", json!(["AAAA", {"encoding": "base64"}])).await;
    assert_eq!(e["code"], -32602, "{e}");

    // Batch: responses in order, notifications (no id) left out.
    let batch = json!([
        {"jsonrpc": "2.0", "id": 1, "method": "getHealth"},
        {"jsonrpc": "2.0", "method": "getHealth"},
        {"jsonrpc": "2.0", "id": "two", "method": "nope"},
        5,
    ]);
    let (_, body) = post_raw(addr, &batch.to_string()).await;
    let v: Value = serde_json::from_str(&body).unwrap();
    let items = v.as_array().expect("batch answer is an array");
    assert_eq!(items.len(), 3, "{v}");
    assert_eq!(items[0]["result"], "ok");
    assert_eq!((items[1]["id"].clone(), items[1]["error"]["code"].clone()), (json!("two"), json!(-32601)));
    assert_eq!(items[2]["error"]["code"], -32600);
    let (_, body) = post_raw(addr, "[]").await;
    assert_eq!(serde_json::from_str::<Value>(&body).unwrap()["error"]["code"], -32600);
    let (status, body) = post_raw(addr, r#"{"jsonrpc":"2.0","method":"getHealth"}"#).await;
    assert_eq!((status, body.as_str()), (204, ""));
    net.running.shutdown().await;
}

#[tokio::test]
async fn airdrop_balance_and_account_encodings() {
    let net = start().await;
    let who = Pubkey::new_unique();
    assert_eq!(net.ok("getBalance", json!([who.to_string()])).await["value"], 0);
    assert_eq!(net.ok("getAccountInfo", json!([who.to_string(), {"encoding": "base64"}])).await["value"], Value::Null);

    let first = net.airdrop(&who, 1_500_000_000).await;
    let second = net.airdrop(&who, 1_500_000_000).await;
    assert_ne!(first, second, "identical airdrops still get their own signatures");
    assert_eq!(net.ok("getBalance", json!([who.to_string(), {"commitment": "finalized"}])).await["value"], 3_000_000_000u64);

    let statuses = net.ok("getSignatureStatuses", json!([[first, "1111111111111111111111111111111111111111111111111111111111111111"], {"searchTransactionHistory": true}])).await;
    let s = &statuses["value"][0];
    assert_eq!((s["err"].clone(), s["confirmations"].clone(), s["confirmationStatus"].clone()), (Value::Null, Value::Null, json!("finalized")));
    assert_eq!(s["status"], json!({"Ok": null}));
    assert_eq!(statuses["value"][1], Value::Null);

    let tx = net.ok("getTransaction", json!([first, {"encoding": "json", "maxSupportedTransactionVersion": 0}])).await;
    let meta = &tx["meta"];
    assert_eq!(meta["fee"], 5000, "{tx}");
    assert_eq!(meta["postBalances"][1], 1_500_000_000u64);
    assert_eq!(meta["preBalances"][0].as_u64().unwrap() - meta["postBalances"][0].as_u64().unwrap(), 1_500_005_000);
    assert_eq!(tx["version"], "legacy");
    assert_eq!(tx["transaction"]["message"]["accountKeys"][1], who.to_string());

    for (enc, want) in [("base64", json!(["", "base64"])), ("base58", json!(["", "base58"])), ("binary", json!(""))] {
        let acc = net.ok("getAccountInfo", json!([who.to_string(), {"encoding": enc}])).await["value"].clone();
        assert_eq!(acc["data"], want, "{enc}");
        assert_eq!((acc["lamports"].clone(), acc["owner"].clone(), acc["space"].clone()), (json!(3_000_000_000u64), json!("11111111111111111111111111111111"), json!(0)));
    }
    // Sysvar data round-trips through base64+zstd.
    let clock = solana_sdk::sysvar::clock::ID.to_string();
    let plain = net.ok("getAccountInfo", json!([clock, {"encoding": "base64"}])).await["value"]["data"][0].as_str().unwrap().to_string();
    let z = net.ok("getAccountInfo", json!([clock, {"encoding": "base64+zstd"}])).await["value"]["data"][0].as_str().unwrap().to_string();
    assert_eq!(zstd::decode_all(&B64.decode(z).unwrap()[..]).unwrap(), B64.decode(plain).unwrap());

    let many = net.ok("getMultipleAccounts", json!([[who.to_string(), Pubkey::new_unique().to_string()], {"encoding": "base64"}])).await;
    assert_eq!(many["value"][0]["lamports"], 3_000_000_000u64);
    assert_eq!(many["value"][1], Value::Null);
    net.running.shutdown().await;
}

#[tokio::test]
async fn blockhashes_heights_and_fees() {
    let net = start().await;
    let latest = net.ok("getLatestBlockhash", json!([])).await;
    let height = net.ok("getBlockHeight", json!([])).await.as_u64().unwrap();
    assert_eq!(latest["value"]["lastValidBlockHeight"].as_u64().unwrap(), height + 150);
    let hash = latest["value"]["blockhash"].as_str().unwrap();
    assert_eq!(net.ok("isBlockhashValid", json!([hash])).await["value"], true);
    assert_eq!(net.ok("isBlockhashValid", json!([Hash::new_unique().to_string()])).await["value"], false);

    let payer = Pubkey::new_unique();
    let ix = solana_sdk::system_instruction::transfer(&payer, &Pubkey::new_unique(), 1);
    let msg = solana_sdk::message::Message::new_with_blockhash(&[ix], Some(&payer), &hash.parse().unwrap());
    let fee = net.ok("getFeeForMessage", json!([B64.encode(msg.serialize())])).await;
    assert_eq!(fee["value"], 5000);
    net.running.shutdown().await;
}
