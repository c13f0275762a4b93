//! Just enough SPL Token layout to report token balances (same bytes for Token and Token-2022).
use serde_json::{json, Value};
use solana_sdk::{account::Account, pubkey::Pubkey};

const ACCOUNT_LEN: usize = 165;
const MINT_LEN: usize = 82;

#[derive(Debug, Clone)]
pub struct TokenBalance {
    pub index: usize,
    pub mint: Pubkey,
    pub owner: Pubkey,
    pub program: Pubkey,
    pub amount: u64,
    pub decimals: u8,
}

fn is_token_program(p: &Pubkey) -> bool {
    *p == spl_token::ID || *p == super::TOKEN_2022
}

/// (mint, owner, amount) of an initialized token account.
pub fn token_account(acc: &Account) -> Option<(Pubkey, Pubkey, u64)> {
    let d = &acc.data;
    let sized = d.len() == ACCOUNT_LEN || (acc.owner == super::TOKEN_2022 && d.len() > ACCOUNT_LEN && d[ACCOUNT_LEN] == 2);
    if !is_token_program(&acc.owner) || !sized || d[108] == 0 {
        return None;
    }
    let key = |r: std::ops::Range<usize>| Pubkey::try_from(&d[r]).ok();
    Some((key(0..32)?, key(32..64)?, u64::from_le_bytes(d[64..72].try_into().ok()?)))
}

pub fn mint_decimals(acc: &Account) -> Option<u8> {
    let d = &acc.data;
    let sized = d.len() == MINT_LEN || (acc.owner == super::TOKEN_2022 && d.len() > ACCOUNT_LEN && d[ACCOUNT_LEN] == 1);
    // is_initialized lives at byte 45.
    (is_token_program(&acc.owner) && sized && d[45] == 1).then(|| d[44])
}

/// The validator's UiTokenAmount.
pub fn ui_amount(amount: u64, decimals: u8) -> Value {
    json!({
        "amount": amount.to_string(),
        "decimals": decimals,
        "uiAmount": amount as f64 / 10f64.powi(decimals as i32),
        "uiAmountString": amount_string(amount, decimals),
    })
}

fn amount_string(amount: u64, decimals: u8) -> String {
    let d = decimals as usize;
    if d == 0 {
        return amount.to_string();
    }
    let s = format!("{amount:0>width$}", width = d + 1);
    let (int, frac) = s.split_at(s.len() - d);
    let frac = frac.trim_end_matches('0');
    if frac.is_empty() { int.to_string() } else { format!("{int}.{frac}") }
}

impl TokenBalance {
    pub fn to_json(&self) -> Value {
        json!({
            "accountIndex": self.index,
            "mint": self.mint.to_string(),
            "owner": self.owner.to_string(),
            "programId": self.program.to_string(),
            "uiTokenAmount": ui_amount(self.amount, self.decimals),
        })
    }
}
