use anchor_lang::prelude::*;

use crate::constants::{PROTOCOL_SEED, VERIFIER_SEED};
use crate::errors::PinfiError;
use crate::events::VerifierEndpointSet;
use crate::state::{Protocol, Verifier, ENDPOINT_LEN};

/// Publishes where the verifier serves its evidence bundles, so anyone can re-check a verdict
/// from the hash the challenge stores.
#[event_cpi]
#[derive(Accounts)]
pub struct SetVerifierEndpoint<'info> {
    pub authority: Signer<'info>,
    #[account(mut, seeds = [PROTOCOL_SEED], bump = protocol.bump)]
    pub protocol: Account<'info, Protocol>,
    #[account(mut, seeds = [VERIFIER_SEED, authority.key().as_ref()], bump = verifier.bump, has_one = authority @ PinfiError::NotOwner)]
    pub verifier: Account<'info, Verifier>,
}

pub fn set_verifier_endpoint(ctx: Context<SetVerifierEndpoint>, endpoint: String) -> Result<()> {
    require!(endpoint.len() <= ENDPOINT_LEN, PinfiError::EndpointTooLong);
    let verifier = &mut ctx.accounts.verifier;
    verifier.endpoint = endpoint.clone();
    let seq = ctx.accounts.protocol.next_seq();
    emit_cpi!(VerifierEndpointSet { seq, verifier: verifier.key(), endpoint });
    Ok(())
}
