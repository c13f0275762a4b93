//! A server per test, a minimal HTTP/1.1 client and transaction builders.
use std::net::SocketAddr;
use std::time::Duration;

use anchor_lang::{InstructionData, ToAccountMetas};
use base64::{engine::general_purpose::STANDARD as B64, Engine as _};
use pinfi_localnet::{serve, Config, Running};
use serde_json::{json, Value};
use solana_sdk::{
    hash::Hash, instruction::Instruction, program_pack::Pack, pubkey::Pubkey, signature::Keypair, signer::Signer,
    system_instruction, system_program, transaction::Transaction,
};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

pub struct Net {
    pub running: Running,
}

pub async fn start() -> Net {
    let running = serve(Config { port: 0, ws_port: None, quiet: true }).await.expect("localnet starts");
    Net { running }
}

/// POSTs `body` and returns (HTTP status, body).
pub async fn post_raw(addr: SocketAddr, body: &str) -> (u16, String) {
    let mut s = TcpStream::connect(addr).await.expect("connect");
    let req = format!(
        "POST / HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    s.write_all(req.as_bytes()).await.unwrap();
    let mut buf = vec![];
    tokio::time::timeout(Duration::from_secs(20), s.read_to_end(&mut buf)).await.expect("response in time").unwrap();
    let text = String::from_utf8(buf).expect("utf-8 response");
    let (head, body) = text.split_once("\r\n\r\n").expect("http response");
    let status = head.split(' ').nth(1).and_then(|c| c.parse().ok()).expect("status code");
    (status, body.to_string())
}

impl Net {
    pub fn addr(&self) -> SocketAddr {
        self.running.rpc_addr
    }

    /// The whole JSON-RPC response object.
    pub async fn call(&self, method: &str, params: Value) -> Value {
        let body = json!({"jsonrpc": "2.0", "id": 7, "method": method, "params": params}).to_string();
        let (status, text) = post_raw(self.addr(), &body).await;
        assert_eq!(status, 200, "{method}: {text}");
        let v: Value = serde_json::from_str(&text).expect("json response");
        assert_eq!(v["id"], 7, "{v}");
        v
    }

    /// The `result` of a call that must succeed.
    pub async fn ok(&self, method: &str, params: Value) -> Value {
        let v = self.call(method, params).await;
        assert!(v.get("error").is_none(), "{method} failed: {v}");
        v["result"].clone()
    }

    /// The `error` of a call that must fail.
    pub async fn err(&self, method: &str, params: Value) -> Value {
        let v = self.call(method, params).await;
        assert!(v.get("result").is_none(), "{method} should fail: {v}");
        v["error"].clone()
    }

    pub async fn blockhash(&self) -> Hash {
        self.ok("getLatestBlockhash", json!([{"commitment": "confirmed"}])).await["value"]["blockhash"].as_str().unwrap().parse().unwrap()
    }

    pub async fn airdrop(&self, to: &Pubkey, lamports: u64) -> String {
        self.ok("requestAirdrop", json!([to.to_string(), lamports])).await.as_str().unwrap().to_string()
    }

    pub async fn tx(&self, ixs: &[Instruction], payer: &Keypair, signers: &[&Keypair]) -> Transaction {
        let mut all = vec![payer];
        all.extend_from_slice(signers);
        Transaction::new_signed_with_payer(ixs, Some(&payer.pubkey()), &all, self.blockhash().await)
    }

    /// sendTransaction, base64, with preflight; the whole response.
    pub async fn send(&self, tx: &Transaction) -> Value {
        let wire = B64.encode(bincode::serialize(tx).unwrap());
        self.call("sendTransaction", json!([wire, {"encoding": "base64", "preflightCommitment": "confirmed"}])).await
    }

    pub async fn send_ok(&self, ixs: &[Instruction], payer: &Keypair, signers: &[&Keypair]) -> String {
        let tx = self.tx(ixs, payer, signers).await;
        let v = self.send(&tx).await;
        let sig = v["result"].as_str().unwrap_or_else(|| panic!("send failed: {v}")).to_string();
        assert_eq!(sig, tx.signatures[0].to_string());
        sig
    }

    /// A funded admin and an initialized 6-decimal mint.
    pub async fn admin_and_mint(&self) -> (Keypair, Pubkey) {
        let admin = Keypair::new();
        self.airdrop(&admin.pubkey(), 10_000_000_000).await;
        let mint = Keypair::new();
        let len = spl_token::state::Mint::LEN;
        let rent = self.ok("getMinimumBalanceForRentExemption", json!([len])).await.as_u64().unwrap();
        let ixs = [
            system_instruction::create_account(&admin.pubkey(), &mint.pubkey(), rent, len as u64, &spl_token::ID),
            spl_token::instruction::initialize_mint2(&spl_token::ID, &mint.pubkey(), &admin.pubkey(), None, 6).unwrap(),
        ];
        self.send_ok(&ixs, &admin, &[&mint]).await;
        (admin, mint.pubkey())
    }
}

pub fn protocol_pda() -> Pubkey {
    Pubkey::find_program_address(&[pinfi::constants::PROTOCOL_SEED], &pinfi::ID).0
}

pub fn initialize_protocol(admin: &Pubkey, mint: &Pubkey, max_swap_fee_bps: u16) -> Instruction {
    let accounts = pinfi::accounts::InitializeProtocol {
        admin: *admin,
        protocol: protocol_pda(),
        utility_mint: *mint,
        system_program: system_program::ID,
        event_authority: Pubkey::find_program_address(&[b"__event_authority"], &pinfi::ID).0,
        program: pinfi::ID,
    };
    let params = pinfi::state::ProtocolParams { max_swap_fee_bps, min_burn_per_gpu_hour: 1, min_collateral_bps: 10_000 };
    Instruction { program_id: pinfi::ID, accounts: accounts.to_account_metas(None), data: pinfi::instruction::InitializeProtocol { params }.data() }
}
