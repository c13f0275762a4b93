//! PinFi: a dissipative AMM. GPU owners stake devices for fixed windows; the GPU-hours decay
//! linearly to zero at each stake's end and trade against a utility token in one pool per GPU class.
#![allow(unexpected_cfgs)]
// Anchor 0.31's `#[program]` expansion calls the deprecated `AccountInfo::realloc`; nothing of ours does.
#![allow(deprecated)]

use anchor_lang::prelude::*;

pub mod constants;
pub mod errors;
pub mod events;
pub mod instructions;
pub mod manager;
pub mod state;
pub mod utils;

use instructions::*;
use state::{EmissionParams, PoolParams, ProtocolParams, StakeKind};

declare_id!("PinFiSmKf6acCrWwuLhvZM8gWGUfWYX1iwQFePLmj3x");

#[program]
pub mod pinfi {
    use super::*;

    // ── admin ──────────────────────────────────────────────────────────────────────────────────
    pub fn initialize_protocol(ctx: Context<InitializeProtocol>, params: ProtocolParams) -> Result<()> {
        instructions::initialize_protocol(ctx, params)
    }

    pub fn update_protocol(ctx: Context<UpdateProtocol>, args: UpdateProtocolArgs) -> Result<()> {
        instructions::update_protocol(ctx, args)
    }

    pub fn mark_stake_failed(ctx: Context<MarkStakeFailed>) -> Result<()> {
        instructions::mark_stake_failed(ctx)
    }

    pub fn slash_verifier(ctx: Context<SlashVerifier>, amount: u64) -> Result<()> {
        instructions::slash_verifier(ctx, amount)
    }

    // ── pools ──────────────────────────────────────────────────────────────────────────────────
    pub fn create_pool(ctx: Context<CreatePool>, gpu_class: [u8; 16], params: PoolParams) -> Result<()> {
        instructions::create_pool(ctx, gpu_class, params)
    }

    // ── miners ─────────────────────────────────────────────────────────────────────────────────
    pub fn register_device(ctx: Context<RegisterDevice>, specs_hash: [u8; 32]) -> Result<()> {
        instructions::register_device(ctx, specs_hash)
    }

    pub fn burn_for_certificate(ctx: Context<BurnForCertificate>, nonce: u64, gpu_seconds: u64) -> Result<()> {
        instructions::burn_for_certificate(ctx, nonce, gpu_seconds)
    }

    pub fn create_stake(ctx: Context<CreateStake>, kind: StakeKind, end: i64) -> Result<()> {
        instructions::create_stake(ctx, kind, end)
    }

    pub fn add_liquidity(ctx: Context<AddLiquidity>, max_tokens_in: u64) -> Result<()> {
        instructions::add_liquidity(ctx, max_tokens_in)
    }

    pub fn sell_hours(ctx: Context<SellHours>, hours: u64, min_tokens_out: u64) -> Result<()> {
        instructions::sell_hours(ctx, hours, min_tokens_out)
    }

    pub fn set_device_endpoint(ctx: Context<SetDeviceEndpoint>, endpoint: String) -> Result<()> {
        instructions::set_device_endpoint(ctx, endpoint)
    }

    // ── verifiers (proof-of-compute) ───────────────────────────────────────────────────────────
    pub fn register_verifier(ctx: Context<RegisterVerifier>, amount: u64) -> Result<()> {
        instructions::register_verifier(ctx, amount)
    }

    pub fn unbond_verifier(ctx: Context<UnbondVerifier>) -> Result<()> {
        instructions::unbond_verifier(ctx)
    }

    pub fn withdraw_verifier(ctx: Context<WithdrawVerifier>) -> Result<()> {
        instructions::withdraw_verifier(ctx)
    }

    pub fn open_challenge(ctx: Context<OpenChallenge>, params_id: u16, nonce_commit: [u8; 32]) -> Result<()> {
        instructions::open_challenge(ctx, params_id, nonce_commit)
    }

    pub fn submit_verdict(ctx: Context<SubmitVerdict>, args: VerdictArgs) -> Result<()> {
        instructions::submit_verdict(ctx, args)
    }

    pub fn expire_challenge(ctx: Context<ExpireChallenge>) -> Result<()> {
        instructions::expire_challenge(ctx)
    }

    // ── buyers ─────────────────────────────────────────────────────────────────────────────────
    pub fn buy_hours(ctx: Context<BuyHours>, rental_id: u64, tokens_in: u64, end: i64, min_hours_out: u64) -> Result<()> {
        instructions::buy_hours(ctx, rental_id, tokens_in, end, min_hours_out)
    }

    pub fn extend_rental(ctx: Context<ExtendRental>, new_end: i64, max_tokens_in: u64) -> Result<()> {
        instructions::extend_rental(ctx, new_end, max_tokens_in)
    }

    pub fn terminate_rental(ctx: Context<TerminateRental>, min_tokens_out: u64) -> Result<()> {
        instructions::terminate_rental(ctx, min_tokens_out)
    }

    // ── views ──────────────────────────────────────────────────────────────────────────────────
    pub fn pool_snapshot(ctx: Context<ViewPool>) -> Result<PoolSnapshot> {
        instructions::pool_snapshot(ctx)
    }

    // ── cranks ─────────────────────────────────────────────────────────────────────────────────
    /// Remaining accounts (failed seller stake booked by a rental): the rental, its buyer's tokens.
    pub fn settle_stake<'info>(ctx: Context<'_, '_, 'info, 'info, SettleStake<'info>>) -> Result<()> {
        instructions::settle_stake(ctx)
    }

    /// Remaining accounts: candidate stakes (writable), earliest expiry first.
    pub fn assign_rental<'info>(ctx: Context<'_, '_, 'info, 'info, AssignRental<'info>>) -> Result<()> {
        instructions::assign_rental(ctx)
    }

    /// Remaining accounts: the rental's assigned stakes (writable), in order.
    pub fn refund_rental<'info>(ctx: Context<'_, '_, 'info, 'info, RefundRental<'info>>) -> Result<()> {
        instructions::refund_rental(ctx)
    }

    // ── epochs and rewards ─────────────────────────────────────────────────────────────────────
    pub fn configure_emission(ctx: Context<ConfigureEmission>, params: EmissionParams) -> Result<()> {
        instructions::configure_emission(ctx, params)
    }

    pub fn set_pool_weight(ctx: Context<SetPoolWeight>, weight: u64) -> Result<()> {
        instructions::set_pool_weight(ctx, weight)
    }

    pub fn close_epoch(ctx: Context<CloseEpoch>, index: u64) -> Result<()> {
        instructions::close_epoch(ctx, index)
    }

    pub fn close_pool_epoch(ctx: Context<ClosePoolEpoch>, index: u64) -> Result<()> {
        instructions::close_pool_epoch(ctx, index)
    }

    pub fn claim_rewards(ctx: Context<ClaimRewards>) -> Result<()> {
        instructions::claim_rewards(ctx)
    }
}
