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
use state::{EmissionParams, LotteryTicket, PoolParams, ProtocolParams, StakeKind};

declare_id!("PinFiSmKf6acCrWwuLhvZM8gWGUfWYX1iwQFePLmj3x");

#[program]
pub mod pinfi {
    use super::*;

    // ── admin ──────────────────────────────────────────────────────────────────────────────────
    /// Creates the protocol singleton (admin = signer) for a utility mint.
    pub fn initialize_protocol(ctx: Context<InitializeProtocol>, params: ProtocolParams) -> Result<()> {
        instructions::initialize_protocol(ctx, params)
    }

    /// Admin: pause, guard rails, verification rules, rental placement window, proposed admin.
    pub fn update_protocol(ctx: Context<UpdateProtocol>, args: UpdateProtocolArgs) -> Result<()> {
        instructions::update_protocol(ctx, args)
    }

    /// The proposed admin takes over (second step of the handover).
    pub fn accept_admin(ctx: Context<AcceptAdmin>) -> Result<()> {
        instructions::accept_admin(ctx)
    }

    /// Admin emergency switch: fails a stake (verdicts normally do this).
    pub fn mark_stake_failed(ctx: Context<MarkStakeFailed>) -> Result<()> {
        instructions::mark_stake_failed(ctx)
    }

    /// Admin: burns part of a verifier's stake after a re-audited bundle did not support its verdict.
    pub fn slash_verifier(ctx: Context<SlashVerifier>, amount: u64) -> Result<()> {
        instructions::slash_verifier(ctx, amount)
    }

    // ── pools ──────────────────────────────────────────────────────────────────────────────────
    /// Permissionless: the pool of a GPU class (and its vault), with its own parameters.
    pub fn create_pool(ctx: Context<CreatePool>, gpu_class: [u8; 16], params: PoolParams) -> Result<()> {
        instructions::create_pool(ctx, gpu_class, params)
    }

    // ── miners ─────────────────────────────────────────────────────────────────────────────────
    /// A miner registers a device (the device key co-signs) in a pool.
    pub fn register_device(ctx: Context<RegisterDevice>, specs_hash: [u8; 32]) -> Result<()> {
        instructions::register_device(ctx, specs_hash)
    }

    /// Burns `gpu_seconds` × the pool's burn rate for a certificate covering that many GPU-seconds.
    pub fn burn_for_certificate(ctx: Context<BurnForCertificate>, nonce: u64, gpu_seconds: u64) -> Result<()> {
        instructions::burn_for_certificate(ctx, nonce, gpu_seconds)
    }

    /// Certificate (+ maintenance fee for sellers) → a stake of one device over `[now, end]`.
    pub fn create_stake(ctx: Context<CreateStake>, kind: StakeKind, end: i64) -> Result<()> {
        instructions::create_stake(ctx, kind, end)
    }

    /// LP: all of the stake's hours plus equal-value tokens into the pool, for shares.
    pub fn add_liquidity(ctx: Context<AddLiquidity>, max_tokens_in: u64) -> Result<()> {
        instructions::add_liquidity(ctx, max_tokens_in)
    }

    /// Seller: `hours` into the pool at the constant product; fee burned, collateral locked.
    pub fn sell_hours(ctx: Context<SellHours>, hours: u64, min_tokens_out: u64) -> Result<()> {
        instructions::sell_hours(ctx, hours, min_tokens_out)
    }

    /// The device's miner-agent URL that verifiers call.
    pub fn set_device_endpoint(ctx: Context<SetDeviceEndpoint>, endpoint: String) -> Result<()> {
        instructions::set_device_endpoint(ctx, endpoint)
    }

    // ── verifiers (proof-of-compute) ───────────────────────────────────────────────────────────
    /// Stakes `amount` tokens to become a verifier.
    pub fn register_verifier(ctx: Context<RegisterVerifier>, amount: u64) -> Result<()> {
        instructions::register_verifier(ctx, amount)
    }

    /// Commits the verifier's round secrets for the lottery.
    pub fn commit_lottery(ctx: Context<CommitLottery>, root: [u8; 32], start_slot: u64, rounds: u32) -> Result<()> {
        instructions::commit_lottery(ctx, root, start_slot, rounds)
    }

    /// Where the verifier publishes its evidence bundles.
    pub fn set_verifier_endpoint(ctx: Context<SetVerifierEndpoint>, endpoint: String) -> Result<()> {
        instructions::set_verifier_endpoint(ctx, endpoint)
    }

    /// Starts the verifier's unbonding period (no more challenges).
    pub fn unbond_verifier(ctx: Context<UnbondVerifier>) -> Result<()> {
        instructions::unbond_verifier(ctx)
    }

    /// After unbonding, with no pending challenge: stake back, accounts closed.
    pub fn withdraw_verifier(ctx: Context<WithdrawVerifier>) -> Result<()> {
        instructions::withdraw_verifier(ctx)
    }

    /// A verifier challenges a live stake's device: records the newest slot hash and the nonce
    /// commitment; under the lottery, only with a winning ticket.
    pub fn open_challenge(ctx: Context<OpenChallenge>, params_id: u16, nonce_commit: [u8; 32], ticket: Option<LotteryTicket>) -> Result<()> {
        instructions::open_challenge(ctx, params_id, nonce_commit, ticket)
    }

    /// The challenge's verifier posts its verdict in the window; passes, strikes or failures take effect.
    pub fn submit_verdict(ctx: Context<SubmitVerdict>, args: VerdictArgs) -> Result<()> {
        instructions::submit_verdict(ctx, args)
    }

    /// Permissionless after the window: a challenge without verdict strikes its verifier.
    pub fn expire_challenge(ctx: Context<ExpireChallenge>) -> Result<()> {
        instructions::expire_challenge(ctx)
    }

    // ── buyers ─────────────────────────────────────────────────────────────────────────────────
    /// Buyer: `tokens_in` (fee included) for hours, into a rental ending at `end`.
    pub fn buy_hours(ctx: Context<BuyHours>, rental_id: u64, tokens_in: u64, end: i64, min_hours_out: u64) -> Result<()> {
        instructions::buy_hours(ctx, rental_id, tokens_in, end, min_hours_out)
    }

    /// Buyer: a later end, the missing hours bought at the current price.
    pub fn extend_rental(ctx: Context<ExtendRental>, new_end: i64, max_tokens_in: u64) -> Result<()> {
        instructions::extend_rental(ctx, new_end, max_tokens_in)
    }

    /// Buyer: the unused hours sold back at the current price.
    pub fn terminate_rental(ctx: Context<TerminateRental>, min_tokens_out: u64) -> Result<()> {
        instructions::terminate_rental(ctx, min_tokens_out)
    }

    // ── views ──────────────────────────────────────────────────────────────────────────────────
    /// View (simulate it): the pool's decayed reserves and price now, as return data.
    pub fn pool_snapshot(ctx: Context<ViewPool>) -> Result<PoolSnapshot> {
        instructions::pool_snapshot(ctx)
    }

    // ── cranks ─────────────────────────────────────────────────────────────────────────────────
    /// Permissionless after the stake's end: LP payout, or seller collateral + fee (refunded, or
    /// compensating the renter then burned if failed); closes the stake.
    /// Remaining accounts (failed seller stake booked by a rental): the rental, its buyer's tokens.
    pub fn settle_stake<'info>(ctx: Context<'_, '_, 'info, 'info, SettleStake<'info>>) -> Result<()> {
        instructions::settle_stake(ctx)
    }

    /// Permissionless sweep: claims and settles many ended stakes of one pool at once.
    /// Remaining accounts, per stake: stake, device, owner, owner_tokens, from_epoch, to_epoch.
    pub fn settle_expired<'info>(ctx: Context<'_, '_, 'info, 'info, SettleExpired<'info>>) -> Result<()> {
        instructions::settle_expired(ctx)
    }

    /// Permissionless: books devices for a waiting rental.
    /// Remaining accounts: candidate stakes (writable), earliest expiry first.
    pub fn assign_rental<'info>(ctx: Context<'_, '_, 'info, 'info, AssignRental<'info>>) -> Result<()> {
        instructions::assign_rental(ctx)
    }

    /// Permissionless after the placement window: refunds an unplaced rental at purchase value.
    /// Remaining accounts: the rental's assigned stakes (writable), in order.
    pub fn refund_rental<'info>(ctx: Context<'_, '_, 'info, 'info, RefundRental<'info>>) -> Result<()> {
        instructions::refund_rental(ctx)
    }

    // ── epochs and rewards ─────────────────────────────────────────────────────────────────────
    /// Admin, once: the emission schedule, split and destinations.
    pub fn configure_emission(ctx: Context<ConfigureEmission>, params: EmissionParams) -> Result<()> {
        instructions::configure_emission(ctx, params)
    }

    /// Admin: a pool's share of the miners' emission.
    pub fn set_pool_weight(ctx: Context<SetPoolWeight>, weight: u64) -> Result<()> {
        instructions::set_pool_weight(ctx, weight)
    }

    /// Permissionless once ended: mints the epoch's emission (once).
    pub fn close_epoch(ctx: Context<CloseEpoch>, index: u64) -> Result<()> {
        instructions::close_epoch(ctx, index)
    }

    /// Permissionless, per pool and epoch in order: the pool's share and reward per device-second.
    pub fn close_pool_epoch(ctx: Context<ClosePoolEpoch>, index: u64) -> Result<()> {
        instructions::close_pool_epoch(ctx, index)
    }

    /// Permissionless: pays a stake's rewards (× PoCPS multiplier) to its owner, burns the rest.
    pub fn claim_rewards(ctx: Context<ClaimRewards>) -> Result<()> {
        instructions::claim_rewards(ctx)
    }
}
