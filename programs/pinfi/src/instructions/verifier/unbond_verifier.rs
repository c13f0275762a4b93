use anchor_lang::prelude::*;

use crate::constants::{PROTOCOL_SEED, VERIFIER_SEED};
use crate::errors::PinfiError;
use crate::events::VerifierUnbonding;
use crate::state::{Protocol, Verifier};
use crate::utils::validate::now;

/// Stops opening challenges and starts the unbonding clock; the stake stays slashable until
/// `withdraw_verifier`.
#[event_cpi]
#[derive(Accounts)]
pub struct UnbondVerifier<'info> {
    pub authority: Signer<'info>,
    #[account(mut, seeds = [PROTOCOL_SEED], bump = protocol.bump)]
    pub protocol: Account<'info, Protocol>,
    #[account(mut, seeds = [VERIFIER_SEED, authority.key().as_ref()], bump = verifier.bump, has_one = authority @ PinfiError::NotOwner)]
    pub verifier: Account<'info, Verifier>,
}

pub fn unbond_verifier(ctx: Context<UnbondVerifier>) -> Result<()> {
    let verifier = &mut ctx.accounts.verifier;
    require!(verifier.unbonding_since == 0, PinfiError::AlreadyUnbonding);
    verifier.unbonding_since = now()?;
    let seq = ctx.accounts.protocol.next_seq();
    emit_cpi!(VerifierUnbonding { seq, verifier: verifier.key(), since: verifier.unbonding_since });
    Ok(())
}
