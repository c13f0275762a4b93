//! PubSub over the websocket port.
use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use serde_json::{json, Value};
use solana_sdk::signer::Signer;
use tokio_tungstenite::tungstenite::Message;

use crate::support::{initialize_protocol, start, Net};

type Ws = tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

async fn connect(net: &Net) -> Ws {
    tokio_tungstenite::connect_async(net.running.ws_url()).await.expect("ws connects").0
}

async fn send(ws: &mut Ws, v: Value) {
    ws.send(Message::Text(v.to_string())).await.unwrap();
}

async fn next(ws: &mut Ws) -> Value {
    loop {
        let msg = tokio::time::timeout(Duration::from_secs(10), ws.next()).await.expect("a message in time").unwrap().unwrap();
        if let Message::Text(t) = msg {
            return serde_json::from_str(&t).unwrap();
        }
    }
}

async fn subscribe(ws: &mut Ws, id: u64, method: &str, params: Value) -> u64 {
    send(ws, json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params})).await;
    let r = next(ws).await;
    assert_eq!(r["id"], id, "{r}");
    r["result"].as_u64().unwrap_or_else(|| panic!("{method}: {r}"))
}

#[tokio::test]
async fn signature_subscribe_before_and_after_processing() {
    let net = start().await;
    let (admin, mint) = net.admin_and_mint().await;
    let mut ws = connect(&net).await;

    // web3's keep-alive is a notification: no answer, so the next message answers id 99.
    send(&mut ws, json!({"jsonrpc": "2.0", "method": "ping"})).await;
    send(&mut ws, json!({"jsonrpc": "2.0", "id": 99, "method": "getVersion"})).await;
    let r = next(&mut ws).await;
    assert_eq!((r["id"].clone(), r["error"]["code"].clone()), (json!(99), json!(-32601)), "{r}");
    ws.send(Message::Text("{nope".into())).await.unwrap();
    assert_eq!(next(&mut ws).await["error"]["code"], -32700);
    send(&mut ws, json!({"jsonrpc": "2.0", "id": 98, "method": "signatureSubscribe", "params": ["zzz"]})).await;
    assert_eq!(next(&mut ws).await["error"]["code"], -32602);

    let tx = net.tx(&[initialize_protocol(&admin.pubkey(), &mint, 1_000)], &admin, &[]).await;
    let sig = tx.signatures[0].to_string();
    let sub = subscribe(&mut ws, 1, "signatureSubscribe", json!([sig, {"commitment": "confirmed"}])).await;
    assert!(net.send(&tx).await["result"].is_string());
    let n = next(&mut ws).await;
    assert_eq!(n["method"], "signatureNotification", "{n}");
    assert_eq!(n["params"]["subscription"], sub);
    assert_eq!(n["params"]["result"]["value"], json!({"err": null}));
    assert!(n["params"]["result"]["context"]["slot"].is_u64());

    // Already processed: the answer, then the notification at once.
    let again = subscribe(&mut ws, 2, "signatureSubscribe", json!([sig, {"commitment": "finalized"}])).await;
    assert_ne!(again, sub);
    let n = next(&mut ws).await;
    assert_eq!((n["params"]["subscription"].clone(), n["params"]["result"]["value"]["err"].clone()), (json!(again), Value::Null), "{n}");
    send(&mut ws, json!({"jsonrpc": "2.0", "id": 3, "method": "signatureUnsubscribe", "params": [again]})).await;
    assert_eq!(next(&mut ws).await["result"], true);
    send(&mut ws, json!({"jsonrpc": "2.0", "id": 4, "method": "accountUnsubscribe", "params": [123456]})).await;
    assert_eq!(next(&mut ws).await["error"]["code"], -32602);
    net.running.shutdown().await;
}

#[tokio::test]
async fn account_logs_and_slot_notifications() {
    let net = start().await;
    let (admin, mint) = net.admin_and_mint().await;
    let mut ws = connect(&net).await;
    let acc_sub = subscribe(&mut ws, 1, "accountSubscribe", json!([admin.pubkey().to_string(), {"encoding": "base64", "commitment": "confirmed"}])).await;
    let logs_sub = subscribe(&mut ws, 2, "logsSubscribe", json!([{"mentions": [pinfi::ID.to_string()]}, {"commitment": "confirmed"}])).await;
    let slot_sub = subscribe(&mut ws, 3, "slotSubscribe", json!([])).await;
    let before = net.ok("getBalance", json!([admin.pubkey().to_string()])).await["value"].as_u64().unwrap();

    // An airdrop elsewhere mentions neither the admin nor the program.
    net.airdrop(&solana_sdk::pubkey::Pubkey::new_unique(), 1_000_000_000).await;
    let sig = net.send_ok(&[initialize_protocol(&admin.pubkey(), &mint, 1_000)], &admin, &[]).await;
    let (mut account, mut logs) = (None, None);
    while account.is_none() || logs.is_none() {
        let n = next(&mut ws).await;
        match n["method"].as_str().unwrap() {
            "accountNotification" => account = Some(n),
            "logsNotification" => logs = Some(n),
            other => panic!("unexpected {other}: {n}"),
        }
    }
    let (account, logs) = (account.unwrap(), logs.unwrap());
    assert_eq!(account["params"]["subscription"], acc_sub);
    let lamports = account["params"]["result"]["value"]["lamports"].as_u64().unwrap();
    assert!(lamports < before - 5000, "paid the fee and the protocol's rent: {account}");
    assert_eq!(logs["params"]["subscription"], logs_sub);
    let value = &logs["params"]["result"]["value"];
    assert_eq!((value["signature"].clone(), value["err"].clone()), (json!(sig), Value::Null));
    assert!(value["logs"].as_array().unwrap().contains(&json!("Program log: Instruction: InitializeProtocol")), "{value}");

    net.ok("surfnet_timeTravel", json!([{"absoluteSlot": 64}])).await;
    let n = next(&mut ws).await;
    assert_eq!((n["method"].clone(), n["params"]["subscription"].clone(), n["params"]["result"]["slot"].clone()), (json!("slotNotification"), json!(slot_sub), json!(64)), "{n}");
    net.running.shutdown().await;
}
