use anchor_lang::prelude::*;

use crate::constants::PROTOCOL_SEED;
use crate::errors::PinfiError;
use crate::events::AdminAccepted;
use crate::state::Protocol;

/// Second step of an admin handover: the proposed key proves it can sign before it takes over.
#[event_cpi]
#[derive(Accounts)]
pub struct AcceptAdmin<'info> {
    pub pending_admin: Signer<'info>,
    #[account(mut, seeds = [PROTOCOL_SEED], bump = protocol.bump, has_one = pending_admin @ PinfiError::NotPendingAdmin)]
    pub protocol: Account<'info, Protocol>,
}

pub fn accept_admin(ctx: Context<AcceptAdmin>) -> Result<()> {
    let protocol = &mut ctx.accounts.protocol;
    // has_one cannot tell "no proposal" from a proposal of the default key; nobody signs for it,
    // but the check keeps the rule local.
    require_keys_neq!(protocol.pending_admin, Pubkey::default(), PinfiError::NotPendingAdmin);
    let previous = protocol.admin;
    protocol.admin = protocol.pending_admin;
    protocol.pending_admin = Pubkey::default();
    let seq = protocol.next_seq();
    emit_cpi!(AdminAccepted { seq, previous, admin: protocol.admin });
    Ok(())
}
