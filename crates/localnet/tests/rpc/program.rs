//! PinFi transactions over the wire: errors as the validator shapes them, history, scans, simulation.
use anchor_lang::{AccountDeserialize, Discriminator};
use base64::{engine::general_purpose::STANDARD as B64, Engine as _};
use serde_json::{json, Value};
use solana_sdk::{program_pack::Pack, pubkey::Pubkey, signature::Keypair, signer::Signer, system_instruction, transaction::Transaction};

use crate::support::{initialize_protocol, protocol_pda, start};

fn logs(v: &Value) -> Vec<String> {
    v.as_array().unwrap_or_else(|| panic!("logs: {v}")).iter().map(|l| l.as_str().unwrap().to_string()).collect()
}

#[tokio::test]
async fn initialize_protocol_failure_then_success() {
    let net = start().await;
    let (admin, mint) = net.admin_and_mint().await;

    // A 100 % fee cap is refused by the program: the preflight error a validator returns.
    let bad = net.tx(&[initialize_protocol(&admin.pubkey(), &mint, 10_000)], &admin, &[]).await;
    let e = net.send(&bad).await["error"].clone();
    assert_eq!(e["code"], -32002, "{e}");
    assert_eq!(e["message"], "Transaction simulation failed: Error processing Instruction 0: custom program error: 0x1772");
    let data = &e["data"];
    assert_eq!(data["err"], json!({"InstructionError": [0, {"Custom": 6002}]}));
    assert_eq!((data["accounts"].clone(), data["innerInstructions"].clone(), data["returnData"].clone()), (Value::Null, Value::Null, Value::Null));
    assert!(data["unitsConsumed"].is_u64());
    let l = logs(&data["logs"]);
    assert!(l.iter().any(|l| l.starts_with("Program log: AnchorError") && l.contains("Error Code: InvalidPoolParams. Error Number: 6002.")), "{l:#?}");
    assert_eq!(net.ok("getSignatureStatuses", json!([[bad.signatures[0].to_string()]])).await["value"][0], Value::Null, "preflight failures never land");

    let good = net.tx(&[initialize_protocol(&admin.pubkey(), &mint, 1_000)], &admin, &[]).await;
    let sig = net.send(&good).await["result"].as_str().expect("sent").to_string();
    let status = &net.ok("getSignatureStatuses", json!([[sig]])).await["value"][0];
    assert_eq!((status["err"].clone(), status["confirmationStatus"].clone()), (Value::Null, json!("finalized")), "{status}");
    // Re-sending a processed transaction answers its signature, like a validator's dedup.
    assert_eq!(net.send(&good).await["result"], sig);

    let tx = net.ok("getTransaction", json!([sig, {"encoding": "json", "commitment": "confirmed", "maxSupportedTransactionVersion": 0}])).await;
    let meta = &tx["meta"];
    assert_eq!((meta["err"].clone(), meta["status"].clone(), meta["fee"].clone()), (Value::Null, json!({"Ok": null}), json!(5000)));
    let l = logs(&meta["logMessages"]);
    assert!(l.contains(&"Program log: Instruction: InitializeProtocol".to_string()), "{l:#?}");
    assert_eq!(l.first().unwrap(), &format!("Program {} invoke [1]", pinfi::ID));
    assert_eq!(l.last().unwrap(), &format!("Program {} success", pinfi::ID));
    let keys: Vec<String> = tx["transaction"]["message"]["accountKeys"].as_array().unwrap().iter().map(|k| k.as_str().unwrap().into()).collect();
    assert_eq!(meta["preBalances"].as_array().unwrap().len(), keys.len());
    let protocol_ix = keys.iter().position(|k| *k == protocol_pda().to_string()).unwrap();
    assert_eq!(meta["preBalances"][protocol_ix], 0);
    assert!(meta["postBalances"][protocol_ix].as_u64().unwrap() > 0);
    // The `init` CPI into the system program and the `emit_cpi!` self-CPI, both at depth 2.
    let inner = meta["innerInstructions"][0]["instructions"].as_array().expect("inner instructions");
    let programs: Vec<&str> = inner.iter().map(|i| keys[i["programIdIndex"].as_u64().unwrap() as usize].as_str()).collect();
    assert_eq!(programs, ["11111111111111111111111111111111", pinfi::ID.to_string().as_str()], "{inner:?}");
    assert!(inner.iter().all(|i| i["stackHeight"] == 2));
    assert_eq!(meta["loadedAddresses"], json!({"writable": [], "readonly": []}));
    assert_eq!(tx["version"], "legacy");
    assert!(tx["blockTime"].is_i64());

    let raw = net.ok("getTransaction", json!([sig, {"encoding": "base64", "maxSupportedTransactionVersion": 0}])).await;
    let bytes = B64.decode(raw["transaction"][0].as_str().unwrap()).unwrap();
    assert_eq!(bincode::deserialize::<Transaction>(&bytes).unwrap(), good);
    assert_eq!(net.ok("getTransaction", json!([bad.signatures[0].to_string(), "json"])).await, Value::Null);

    let history = net.ok("getSignaturesForAddress", json!([protocol_pda().to_string(), {"limit": 10}])).await;
    assert_eq!(history.as_array().unwrap().len(), 1);
    assert_eq!(history[0]["signature"], sig);

    let acc = net.ok("getAccountInfo", json!([protocol_pda().to_string(), {"encoding": "base64"}])).await["value"].clone();
    let data = B64.decode(acc["data"][0].as_str().unwrap()).unwrap();
    let protocol = pinfi::state::Protocol::try_deserialize(&mut data.as_slice()).unwrap();
    assert_eq!((protocol.admin, protocol.utility_mint, protocol.max_swap_fee_bps), (admin.pubkey(), mint, 1_000));
    assert_eq!(acc["owner"], pinfi::ID.to_string());
    net.running.shutdown().await;
}

#[test]
fn native_return_data_gets_the_validator_log_line() {
    use solana_sdk::transaction_context::TransactionReturnData;
    let id = pinfi::ID;
    let logs = vec![format!("Program {id} invoke [1]"), "Program log: Instruction: Quote".into(), format!("Program {id} success")];
    let rd = Some(TransactionReturnData { program_id: id, data: vec![1, 2, 3] });
    let out = pinfi_localnet::engine::with_return_line(logs.clone(), &rd);
    assert_eq!(out[2], format!("Program return: {id} AQID"));
    assert_eq!(out[3], format!("Program {id} success"));
    assert_eq!(pinfi_localnet::engine::with_return_line(out.clone(), &rd), out, "never twice");
    let empty = Some(TransactionReturnData { program_id: id, data: vec![] });
    assert_eq!(pinfi_localnet::engine::with_return_line(logs.clone(), &empty), logs);
}

#[tokio::test]
async fn get_program_accounts_filters() {
    let net = start().await;
    let (admin, mint) = net.admin_and_mint().await;
    net.send_ok(&[initialize_protocol(&admin.pubkey(), &mint, 1_000)], &admin, &[]).await;
    let disc = pinfi::state::Protocol::DISCRIMINATOR;
    let id = pinfi::ID.to_string();
    let gpa = |filters: Value| net.ok("getProgramAccounts", json!([id, {"encoding": "base64", "filters": filters}]));

    let found = gpa(json!([{"memcmp": {"offset": 0, "bytes": bs58::encode(disc).into_string()}}])).await;
    assert_eq!(found.as_array().unwrap().len(), 1, "{found}");
    assert_eq!(found[0]["pubkey"], protocol_pda().to_string());
    let size = B64.decode(found[0]["account"]["data"][0].as_str().unwrap()).unwrap().len();
    let found64 = gpa(json!([{"memcmp": {"offset": 0, "bytes": B64.encode(disc), "encoding": "base64"}}, {"dataSize": size}])).await;
    assert_eq!(found64, found);
    assert_eq!(gpa(json!([{"memcmp": {"offset": 0, "bytes": bs58::encode([9u8; 8]).into_string()}}])).await, json!([]));
    assert_eq!(gpa(json!([{"dataSize": size + 1}])).await, json!([]));
    // The admin pubkey sits right after discriminator, version and bump.
    let at_admin = gpa(json!([{"memcmp": {"offset": 10, "bytes": admin.pubkey().to_string()}}])).await;
    assert_eq!(at_admin.as_array().unwrap().len(), 1, "{at_admin}");

    let ctx = net.ok("getProgramAccounts", json!([id, {"encoding": "base64", "withContext": true, "dataSlice": {"offset": 0, "length": 8}}])).await;
    assert!(ctx["context"]["slot"].is_u64());
    assert_eq!(ctx["value"][0]["account"]["data"][0], B64.encode(disc));
    assert_eq!(ctx["value"][0]["account"]["space"], size);
    // SPL Token scans see the mint created over RPC.
    let mints = net.ok("getProgramAccounts", json!([spl_token::ID.to_string(), {"encoding": "base64", "filters": [{"dataSize": 82}]}])).await;
    // Validators promise no order for program scans, so compare as a set.
    let mut mints: Vec<String> = mints.as_array().unwrap().iter().map(|m| m["pubkey"].as_str().unwrap().to_owned()).collect();
    mints.sort();
    let mut want = vec!["So11111111111111111111111111111111111111112".to_owned(), mint.to_string()];
    want.sort();
    assert_eq!(mints, want, "genesis wSOL and ours");
    let e = net.err("getProgramAccounts", json!([id, {"filters": [{"memcmp": {"offset": 0, "bytes": "0OIl"}}]}])).await;
    assert_eq!(e["code"], -32602, "{e}");
    net.running.shutdown().await;
}

#[tokio::test]
async fn simulate_transaction_options() {
    let net = start().await;
    let (admin, mint) = net.admin_and_mint().await;
    let to = Pubkey::new_unique();
    let transfer = net.tx(&[system_instruction::transfer(&admin.pubkey(), &to, 1_000_000)], &admin, &[]).await;
    let wire = B64.encode(bincode::serialize(&transfer).unwrap());
    let sim = net.ok("simulateTransaction", json!([wire, {"encoding": "base64", "accounts": {"encoding": "base64", "addresses": [to.to_string()]}}])).await["value"].clone();
    assert_eq!(sim["err"], Value::Null, "{sim}");
    assert_eq!(sim["accounts"][0]["lamports"], 1_000_000);
    // Nothing was committed, and the same transaction still lands afterwards.
    assert_eq!(net.ok("getBalance", json!([to.to_string()])).await["value"], 0);
    assert!(net.send(&transfer).await["result"].is_string());
    assert_eq!(net.ok("getBalance", json!([to.to_string()])).await["value"], 1_000_000);

    // Unsigned, stale blockhash: fine with replaceRecentBlockhash (sigVerify defaults to false).
    let mut unsigned = Transaction::new_with_payer(&[initialize_protocol(&admin.pubkey(), &mint, 1_000)], Some(&admin.pubkey()));
    unsigned.signatures = vec![Default::default()];
    let wire = B64.encode(bincode::serialize(&unsigned).unwrap());
    let sim = net.ok("simulateTransaction", json!([wire, {"encoding": "base64", "replaceRecentBlockhash": true, "innerInstructions": true}])).await["value"].clone();
    assert_eq!(sim["err"], Value::Null, "{sim}");
    assert!(sim["replacementBlockhash"]["blockhash"].is_string());
    assert!(logs(&sim["logs"]).contains(&"Program log: Instruction: InitializeProtocol".to_string()));
    let inner = &sim["innerInstructions"][0]["instructions"];
    assert_eq!(inner[0]["programId"], "11111111111111111111111111111111", "{sim}");
    assert_eq!(net.ok("getAccountInfo", json!([protocol_pda().to_string()])).await["value"], Value::Null);
    let stale = net.ok("simulateTransaction", json!([wire, {"encoding": "base64"}])).await["value"].clone();
    assert_eq!(stale["err"], "BlockhashNotFound");
    let e = net.err("simulateTransaction", json!([wire, {"encoding": "base64", "sigVerify": true}])).await;
    assert_eq!(e["code"], -32003, "{e}");
    // The account simulation left the bank's books balanced: a warp verifies them.
    assert_eq!(net.ok("surfnet_timeTravel", json!([{"absoluteSlot": 100}])).await["slot"], 100);
    net.running.shutdown().await;
}

#[tokio::test]
async fn v0_transaction_through_a_lookup_table() {
    use solana_sdk::address_lookup_table::{instruction as alt, AddressLookupTableAccount};
    use solana_sdk::message::{v0, VersionedMessage};
    use solana_sdk::transaction::VersionedTransaction;

    let net = start().await;
    let payer = Keypair::new();
    net.airdrop(&payer.pubkey(), 5_000_000_000).await;
    let to = Pubkey::new_unique();
    let slot = net.ok("getSlot", json!([])).await.as_u64().unwrap();
    let (create, table) = alt::create_lookup_table(payer.pubkey(), payer.pubkey(), slot - 1);
    let extend = alt::extend_lookup_table(table, payer.pubkey(), Some(payer.pubkey()), vec![to]);
    net.send_ok(&[create, extend], &payer, &[]).await;
    // Addresses become usable in a later slot.
    net.ok("surfnet_timeTravel", json!([{"absoluteSlot": slot + 5}])).await;

    let lookup = AddressLookupTableAccount { key: table, addresses: vec![to] };
    let ix = system_instruction::transfer(&payer.pubkey(), &to, 2_000_000_000);
    let msg = v0::Message::try_compile(&payer.pubkey(), &[ix], &[lookup], net.blockhash().await).unwrap();
    let tx = VersionedTransaction::try_new(VersionedMessage::V0(msg), &[&payer]).unwrap();
    let wire = B64.encode(bincode::serialize(&tx).unwrap());
    let sig = net.ok("sendTransaction", json!([wire, {"encoding": "base64"}])).await;
    assert_eq!(sig, tx.signatures[0].to_string());
    assert_eq!(net.ok("getBalance", json!([to.to_string()])).await["value"], 2_000_000_000u64);

    assert_eq!(net.err("getTransaction", json!([sig, {"encoding": "json"}])).await["code"], -32015);
    let got = net.ok("getTransaction", json!([sig, {"encoding": "json", "maxSupportedTransactionVersion": 0}])).await;
    assert_eq!(got["version"], 0);
    let meta = &got["meta"];
    assert_eq!(meta["loadedAddresses"], json!({"writable": [to.to_string()], "readonly": []}));
    assert_eq!(got["transaction"]["message"]["addressTableLookups"][0]["accountKey"], table.to_string());
    // Balances cover static and loaded keys: payer, system program, then the looked-up recipient.
    assert_eq!(meta["postBalances"].as_array().unwrap().len(), 3, "{meta}");
    assert_eq!(meta["postBalances"][2], 2_000_000_000u64);
    let raw = net.ok("getTransaction", json!([sig, {"encoding": "base64", "maxSupportedTransactionVersion": 0}])).await;
    assert_eq!(B64.decode(raw["transaction"][0].as_str().unwrap()).unwrap(), bincode::serialize(&tx).unwrap());
    net.running.shutdown().await;
}

#[tokio::test]
async fn token_balances_and_views() {
    let net = start().await;
    let (admin, mint) = net.admin_and_mint().await;
    let holder = Keypair::new();
    let acct = Keypair::new();
    let len = spl_token::state::Account::LEN;
    let rent = net.ok("getMinimumBalanceForRentExemption", json!([len])).await.as_u64().unwrap();
    let ixs = [
        system_instruction::create_account(&admin.pubkey(), &acct.pubkey(), rent, len as u64, &spl_token::ID),
        spl_token::instruction::initialize_account3(&spl_token::ID, &acct.pubkey(), &mint, &holder.pubkey()).unwrap(),
    ];
    net.send_ok(&ixs, &admin, &[&acct]).await;
    let mint_to = spl_token::instruction::mint_to(&spl_token::ID, &mint, &acct.pubkey(), &admin.pubkey(), &[], 1_500_000).unwrap();
    let sig = net.send_ok(&[mint_to], &admin, &[]).await;

    let bal = net.ok("getTokenAccountBalance", json!([acct.pubkey().to_string()])).await["value"].clone();
    assert_eq!(bal, json!({"amount": "1500000", "decimals": 6, "uiAmount": 1.5, "uiAmountString": "1.5"}));
    let supply = net.ok("getTokenSupply", json!([mint.to_string()])).await["value"]["amount"].clone();
    assert_eq!(supply, "1500000");
    let owned = net.ok("getTokenAccountsByOwner", json!([holder.pubkey().to_string(), {"mint": mint.to_string()}, {"encoding": "base64"}])).await;
    assert_eq!(owned["value"].as_array().unwrap().len(), 1);
    assert_eq!(owned["value"][0]["pubkey"], acct.pubkey().to_string());
    let none = net.ok("getTokenAccountsByOwner", json!([admin.pubkey().to_string(), {"programId": spl_token::ID.to_string()}, {"encoding": "base64"}])).await;
    assert_eq!(none["value"], json!([]));

    for (amount, decimals, text) in [(0u64, 6u8, "0"), (1, 6, "0.000001"), (42, 0, "42")] {
        assert_eq!(pinfi_localnet::engine::token::ui_amount(amount, decimals)["uiAmountString"], text);
    }

    // SPL Token runs as SBF and logs its own return line: the localnet must not add a second one.
    let size = spl_token::instruction::get_account_data_size(&spl_token::ID, &mint).unwrap();
    let wire = B64.encode(bincode::serialize(&net.tx(&[size], &admin, &[]).await).unwrap());
    let sim = net.ok("simulateTransaction", json!([wire, {"encoding": "base64"}])).await["value"].clone();
    let size_b64 = B64.encode(165u64.to_le_bytes());
    assert_eq!(sim["returnData"], json!({"programId": spl_token::ID.to_string(), "data": [size_b64, "base64"]}), "{sim}");
    let returns: Vec<String> = logs(&sim["logs"]).into_iter().filter(|l| l.starts_with("Program return:")).collect();
    assert_eq!(returns, [format!("Program return: {} {size_b64}", spl_token::ID)]);

    let meta = net.ok("getTransaction", json!([sig, {"maxSupportedTransactionVersion": 0}])).await["meta"].clone();
    assert_eq!(meta["preTokenBalances"][0]["uiTokenAmount"]["amount"], "0");
    assert_eq!(meta["postTokenBalances"][0]["uiTokenAmount"]["amount"], "1500000");
    assert_eq!(meta["postTokenBalances"][0]["owner"], holder.pubkey().to_string());
    net.running.shutdown().await;
}
