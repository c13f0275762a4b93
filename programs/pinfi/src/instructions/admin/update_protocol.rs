use anchor_lang::prelude::*;

use crate::constants::PROTOCOL_SEED;
use crate::errors::PinfiError;
use crate::events::ProtocolUpdated;
use crate::instructions::admin::initialize_protocol::check_protocol_params;
use crate::state::{Protocol, ProtocolParams};

#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug)]
pub struct UpdateProtocolArgs {
    pub paused: Option<bool>,
    pub params: Option<ProtocolParams>,
    pub new_admin: Option<Pubkey>,
}

#[event_cpi]
#[derive(Accounts)]
pub struct UpdateProtocol<'info> {
    pub admin: Signer<'info>,
    #[account(mut, seeds = [PROTOCOL_SEED], bump = protocol.bump, has_one = admin @ PinfiError::NotOwner)]
    pub protocol: Account<'info, Protocol>,
}

pub fn update_protocol(ctx: Context<UpdateProtocol>, args: UpdateProtocolArgs) -> Result<()> {
    let protocol = &mut ctx.accounts.protocol;
    if let Some(paused) = args.paused {
        protocol.paused = paused;
    }
    if let Some(p) = args.params {
        check_protocol_params(&p)?;
        protocol.max_swap_fee_bps = p.max_swap_fee_bps;
        protocol.min_burn_per_gpu_hour = p.min_burn_per_gpu_hour;
        protocol.min_collateral_bps = p.min_collateral_bps;
    }
    if let Some(admin) = args.new_admin {
        protocol.admin = admin;
    }
    let seq = protocol.next_seq();
    let params = ProtocolParams {
        max_swap_fee_bps: protocol.max_swap_fee_bps,
        min_burn_per_gpu_hour: protocol.min_burn_per_gpu_hour,
        min_collateral_bps: protocol.min_collateral_bps,
    };
    emit_cpi!(ProtocolUpdated { seq, paused: protocol.paused, params });
    Ok(())
}
