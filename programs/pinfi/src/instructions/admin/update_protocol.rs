use anchor_lang::prelude::*;

use crate::constants::PROTOCOL_SEED;
use crate::errors::PinfiError;
use crate::events::{AdminProposed, ProtocolUpdated, VerificationParamsUpdated};
use crate::instructions::admin::initialize_protocol::check_protocol_params;
use crate::state::{LotteryParams, Protocol, ProtocolParams, VerificationParams};

#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug)]
pub struct UpdateProtocolArgs {
    pub paused: Option<bool>,
    pub params: Option<ProtocolParams>,
    /// Proposes the next admin (see `accept_admin`); the current admin or the default key withdraws
    /// a proposal.
    pub new_admin: Option<Pubkey>,
    pub verification: Option<VerificationParams>,
    pub rental_placement_secs: Option<u32>,
    /// Verifier–device pairing; `round_slots: 0` turns it off.
    pub lottery: Option<LotteryParams>,
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
    if let Some(proposed) = args.new_admin {
        protocol.pending_admin = if proposed == protocol.admin { Pubkey::default() } else { proposed };
        let seq = protocol.next_seq();
        emit_cpi!(AdminProposed { seq, admin: protocol.admin, pending_admin: protocol.pending_admin });
    }
    if let Some(l) = args.lottery {
        require!(l.round_slots <= LotteryParams::MAX_ROUND_SLOTS && (l.round_slots == 0 || l.draws >= 1), PinfiError::InvalidLotteryParams);
        protocol.lottery = l;
    }
    if let Some(secs) = args.rental_placement_secs {
        protocol.rental_placement_secs = secs;
    }
    if let Some(v) = args.verification {
        check_verification_params(&v)?;
        protocol.verification = v;
        let seq = protocol.next_seq();
        emit_cpi!(VerificationParamsUpdated { seq, params: v });
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

fn check_verification_params(v: &VerificationParams) -> Result<()> {
    require!(
        v.verdict_window_slots > 0
            && v.strike_window_secs > 0
            && v.strikes_to_fail >= 1
            && v.distinct_verifiers_to_fail >= 2
            && v.distinct_verifiers_to_fail as usize <= crate::state::STRIKE_LOG
            && v.strikes_to_fail as usize <= crate::state::STRIKE_LOG
            && v.verifier_strikes_to_suspend >= 1,
        PinfiError::InvalidVerificationParams
    );
    Ok(())
}
