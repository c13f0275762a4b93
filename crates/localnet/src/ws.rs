//! PubSub over websocket: signature, account, program, logs and slot subscriptions, pushed from
//! the engine's event stream.
use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use axum::extract::ws::{Message, WebSocket};
use futures_util::{SinkExt, StreamExt};
use serde::Deserialize;
use serde_json::{json, Value};
use solana_rpc_client_types::filter::RpcFilterType;
use solana_sdk::{pubkey::Pubkey, signature::Signature};
use tokio::sync::{broadcast::error::RecvError, watch};

use crate::encode::{account_json, AccountEncoding};
use crate::engine::{Engine, Event};
use crate::error::RpcError;
use crate::methods::{check_filters, filters_allow};
use crate::params::{parse_pubkey, parse_signature, Params};
use crate::rpc::{error_response, parse_request};

/// Subscription ids are unique across connections, like a validator's.
static NEXT_ID: AtomicU64 = AtomicU64::new(1);

enum Sub {
    Signature(Signature),
    Account(Pubkey, AccountEncoding),
    Program(Pubkey, AccountEncoding, Vec<RpcFilterType>),
    /// None: every transaction.
    Logs(Option<Pubkey>),
    Slot,
}

#[derive(Default)]
struct Session {
    subs: HashMap<u64, Sub>,
    /// Signature subscriptions end themselves after notifying; unsubscribing them is still fine.
    finished: HashSet<u64>,
}

pub async fn serve_socket(socket: WebSocket, engine: Arc<Engine>, mut shutdown: watch::Receiver<bool>) {
    let (mut sink, mut stream) = socket.split();
    let mut events = engine.subscribe();
    let mut session = Session::default();
    loop {
        let out = tokio::select! {
            msg = stream.next() => match msg {
                Some(Ok(Message::Text(t))) => session.on_text(&engine, t.as_str()).await,
                Some(Ok(Message::Binary(b))) => match std::str::from_utf8(&b) {
                    Ok(t) => session.on_text(&engine, t).await,
                    Err(_) => vec![error_response(Value::Null, &RpcError::parse_error())],
                },
                Some(Ok(_)) => vec![],
                Some(Err(_)) | None => break,
            },
            ev = events.recv() => match ev {
                Ok(ev) => session.on_event(&ev),
                // Missed events cannot be replayed; keep serving the rest.
                Err(RecvError::Lagged(_)) => vec![],
                Err(RecvError::Closed) => break,
            },
            _ = shutdown.changed() => break,
        };
        for v in out {
            if sink.send(Message::Text(v.to_string().into())).await.is_err() {
                return;
            }
        }
    }
    let _ = sink.send(Message::Close(None)).await;
}

fn notification(method: &str, subscription: u64, result: Value) -> Value {
    json!({"jsonrpc": "2.0", "method": method, "params": {"result": result, "subscription": subscription}})
}

#[derive(Deserialize, Default)]
struct EncodingConfig {
    encoding: Option<String>,
    filters: Option<Vec<RpcFilterType>>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum LogsFilter {
    Word(String),
    Mentions { mentions: Vec<String> },
}

impl Session {
    async fn on_text(&mut self, engine: &Engine, text: &str) -> Vec<Value> {
        let Ok(req) = serde_json::from_str::<Value>(text) else {
            return vec![error_response(Value::Null, &RpcError::parse_error())];
        };
        let (id, method, params) = match parse_request(req) {
            Ok(parts) => parts,
            Err(response) => return vec![response],
        };
        // Notifications (web3's keep-alive `ping`) get no answer.
        let Some(id) = id else { return vec![] };
        let mut out = vec![];
        let result = match Params::new(params) {
            Ok(p) => self.call(engine, &method, p, &mut out).await,
            Err(e) => Err(e),
        };
        let response = match result {
            Ok(v) => json!({"jsonrpc": "2.0", "result": v, "id": id}),
            Err(e) => error_response(id, &e),
        };
        // The subscription id must reach the client before any notification for it.
        out.insert(0, response);
        out
    }

    async fn call(&mut self, engine: &Engine, method: &str, p: Params, out: &mut Vec<Value>) -> Result<Value, RpcError> {
        let sub = match method {
            "signatureSubscribe" => Sub::Signature(parse_signature(&p.required::<String>(0, "signature")?, "signature")?),
            "accountSubscribe" => {
                let cfg: EncodingConfig = p.config(1)?;
                Sub::Account(p.pubkey(0, "pubkey")?, AccountEncoding::parse(cfg.encoding.as_deref(), AccountEncoding::Binary)?)
            }
            "programSubscribe" => {
                let cfg: EncodingConfig = p.config(1)?;
                let filters = cfg.filters.unwrap_or_default();
                check_filters(&filters)?;
                Sub::Program(p.pubkey(0, "programId")?, AccountEncoding::parse(cfg.encoding.as_deref(), AccountEncoding::Binary)?, filters)
            }
            "logsSubscribe" => match p.required::<LogsFilter>(0, "filter")? {
                LogsFilter::Word(w) if w == "all" || w == "allWithVotes" => Sub::Logs(None),
                LogsFilter::Mentions { mentions } if mentions.len() == 1 => Sub::Logs(Some(parse_pubkey(&mentions[0], "mentions")?)),
                _ => return Err(RpcError::invalid_params("`filter`: expected \"all\", \"allWithVotes\" or {\"mentions\": [<one pubkey>]}")),
            },
            "slotSubscribe" => Sub::Slot,
            m if m.ends_with("Unsubscribe") => {
                let id: u64 = p.required(0, "subscription id")?;
                let known = self.subs.remove(&id).is_some() || self.finished.remove(&id);
                return if known { Ok(json!(true)) } else { Err(RpcError::invalid_params("Invalid subscription id.")) };
            }
            _ => return Err(RpcError::method_not_found(method)),
        };
        let id = NEXT_ID.fetch_add(1, Ordering::Relaxed);
        if let Sub::Signature(sig) = &sub {
            // Already processed: answer at once instead of waiting for an event that has passed.
            let s = engine.lock().await;
            if let Some(r) = s.txs.get(sig) {
                out.push(notification("signatureNotification", id, json!({"context": {"slot": r.slot}, "value": {"err": r.err}})));
                self.finished.insert(id);
                return Ok(json!(id));
            }
        }
        self.subs.insert(id, sub);
        Ok(json!(id))
    }

    fn on_event(&mut self, ev: &Event) -> Vec<Value> {
        let mut out = vec![];
        let mut done = vec![];
        for (id, sub) in &self.subs {
            match (sub, ev) {
                (Sub::Signature(sig), Event::Tx(tx)) if *sig == tx.signature => {
                    out.push(notification("signatureNotification", *id, json!({"context": {"slot": tx.slot}, "value": {"err": tx.err}})));
                    done.push(*id);
                }
                (Sub::Logs(filter), Event::Tx(tx)) if filter.is_none_or(|k| tx.keys.contains(&k)) => {
                    let value = json!({"signature": tx.signature.to_string(), "err": tx.err, "logs": tx.logs});
                    out.push(notification("logsNotification", *id, json!({"context": {"slot": tx.slot}, "value": value})));
                }
                (Sub::Account(key, enc), Event::Accounts { slot, accounts }) => {
                    for (_, acc) in accounts.iter().filter(|(k, _)| k == key) {
                        if let Ok(v) = account_json(acc, *enc, None) {
                            out.push(notification("accountNotification", *id, json!({"context": {"slot": slot}, "value": v})));
                        }
                    }
                }
                (Sub::Program(program, enc, filters), Event::Accounts { slot, accounts }) => {
                    for (key, acc) in accounts.iter().filter(|(_, a)| a.owner == *program && filters_allow(filters, a)) {
                        if let Ok(v) = account_json(acc, *enc, None) {
                            let value = json!({"pubkey": key.to_string(), "account": v});
                            out.push(notification("programNotification", *id, json!({"context": {"slot": slot}, "value": value})));
                        }
                    }
                }
                (Sub::Slot, Event::Slot { slot, parent }) => {
                    out.push(notification("slotNotification", *id, json!({"parent": parent, "root": slot, "slot": slot})));
                }
                _ => {}
            }
        }
        for id in done {
            self.subs.remove(&id);
            self.finished.insert(id);
        }
        out
    }
}
