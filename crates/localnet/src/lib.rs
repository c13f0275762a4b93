//! Native execution of the PinFi program inside solana-program-test, and the embedded localnet
//! that serves it over Solana JSON-RPC + PubSub (`serve`, the `localnet` binary).
use anchor_lang::solana_program::{account_info::AccountInfo, entrypoint::{ProcessInstruction, ProgramResult}, pubkey::Pubkey};
use solana_program_test::{processor, ProgramTest};

mod cheats;
mod encode;
pub mod engine;
pub mod error;
mod methods;
mod params;
pub mod rpc;
mod server;
mod ws;

pub use server::{serve, Config, Running};

/// What getVersion reports: the agave line the bank comes from.
pub const SOLANA_VERSION: &str = "2.3.13";

/// Anchor 0.31's `entry` ties the accounts slice to `'info`; program-test wants a fn that is
/// generic over every lifetime. Same ABI, and program-test keeps the slice alive for the call.
type AnchorEntry = for<'info> fn(&Pubkey, &'info [AccountInfo<'info>], &[u8]) -> ProgramResult;
const PINFI_NATIVE: ProcessInstruction = unsafe { core::mem::transmute::<AnchorEntry, ProcessInstruction>(pinfi::entry as AnchorEntry) };

/// A program-test bank with PinFi as a native builtin. `msg!` output from the program goes to
/// the transaction's `Program log:` lines (through program-test's syscall stub), as on a cluster.
pub fn program_test() -> ProgramTest {
    solana_msg::set_log_hook(anchor_lang::solana_program::program_stubs::sol_log);
    let mut pt = ProgramTest::default();
    pt.prefer_bpf(false);
    pt.add_program("pinfi", pinfi::ID, processor!(PINFI_NATIVE));
    pt
}
