use anchor_lang::prelude::*;
use anchor_spl::token::Mint;

use crate::constants::{ACCOUNT_VERSION, DEFAULT_RENTAL_PLACEMENT_SECS, PROTOCOL_SEED};
use crate::errors::PinfiError;
use crate::events::ProtocolInitialized;
use crate::state::{EmissionParams, LotteryParams, Protocol, ProtocolParams, VerificationParams};

#[event_cpi]
#[derive(Accounts)]
pub struct InitializeProtocol<'info> {
    #[account(mut)]
    pub admin: Signer<'info>,
    #[account(init, payer = admin, space = 8 + Protocol::INIT_SPACE, seeds = [PROTOCOL_SEED], bump)]
    pub protocol: Account<'info, Protocol>,
    pub utility_mint: Account<'info, Mint>,
    pub system_program: Program<'info, System>,
}

pub fn check_protocol_params(p: &ProtocolParams) -> Result<()> {
    // A 100 % fee would leave nothing to trade (and no exact-out quote).
    require!(p.max_swap_fee_bps < 10_000, PinfiError::InvalidPoolParams);
    Ok(())
}

pub fn initialize_protocol(ctx: Context<InitializeProtocol>, params: ProtocolParams) -> Result<()> {
    check_protocol_params(&params)?;
    let protocol = &mut ctx.accounts.protocol;
    protocol.set_inner(Protocol {
        version: ACCOUNT_VERSION,
        bump: ctx.bumps.protocol,
        admin: ctx.accounts.admin.key(),
        utility_mint: ctx.accounts.utility_mint.key(),
        paused: false,
        max_swap_fee_bps: params.max_swap_fee_bps,
        min_burn_per_gpu_hour: params.min_burn_per_gpu_hour,
        min_collateral_bps: params.min_collateral_bps,
        pool_count: 0,
        seq: 0,
        verification: VerificationParams::DEFAULT,
        verifier_count: 0,
        emission: EmissionParams::default(),
        emitted: 0,
        next_epoch: 0,
        total_weight: 0,
        rewards_vault_bump: 0,
        rental_placement_secs: DEFAULT_RENTAL_PLACEMENT_SECS,
        pending_admin: Pubkey::default(),
        lottery: LotteryParams::default(),
        active_verifiers: 0,
        reserved: [0; 22],
    });
    let seq = protocol.next_seq();
    emit_cpi!(ProtocolInitialized { seq, admin: protocol.admin, utility_mint: protocol.utility_mint, params });
    Ok(())
}
