use anchor_lang::prelude::*;

use crate::constants::{ACCOUNT_VERSION, DEVICE_SEED, PROTOCOL_SEED};
use crate::events::DeviceRegistered;
use crate::manager::verification::PERF_ONE_BPS;
use crate::state::{Device, Pool, Protocol};
use crate::utils::validate::{not_paused, now};

/// The device key signs too, so nobody can register a machine whose key they do not hold.
#[event_cpi]
#[derive(Accounts)]
pub struct RegisterDevice<'info> {
    #[account(mut)]
    pub owner: Signer<'info>,
    pub device_key: Signer<'info>,
    #[account(seeds = [PROTOCOL_SEED], bump = protocol.bump)]
    pub protocol: Account<'info, Protocol>,
    #[account(mut)]
    pub pool: Box<Account<'info, Pool>>,
    #[account(init, payer = owner, space = 8 + Device::INIT_SPACE, seeds = [DEVICE_SEED, device_key.key().as_ref()], bump)]
    pub device: Account<'info, Device>,
    pub system_program: Program<'info, System>,
}

pub fn register_device(ctx: Context<RegisterDevice>, specs_hash: [u8; 32]) -> Result<()> {
    not_paused(&ctx.accounts.protocol)?;
    let pool = &mut ctx.accounts.pool;
    let device = &mut ctx.accounts.device;
    device.set_inner(Device {
        version: ACCOUNT_VERSION,
        bump: ctx.bumps.device,
        owner: ctx.accounts.owner.key(),
        pool: pool.key(),
        device_key: ctx.accounts.device_key.key(),
        specs_hash,
        registered_at: now()?,
        locked_until: 0,
        stake_count: 0,
        endpoint: String::new(),
        challenge_count: 0,
        passes: 0,
        strikes: 0,
        failures: 0,
        perf_bps: PERF_ONE_BPS,
        last_verdict_at: 0,
        rewards_earned: 0,
        reserved: [0; 32],
    });
    let seq = pool.next_seq();
    emit_cpi!(DeviceRegistered { pool: pool.key(), seq, device: device.key(), owner: device.owner, device_key: device.device_key });
    Ok(())
}
