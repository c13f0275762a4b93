use anchor_lang::prelude::*;

use crate::errors::PinfiError;
use crate::events::DeviceEndpointSet;
use crate::state::{Device, Pool, ENDPOINT_LEN};

/// Where verifiers reach the device's miner agent; changes whenever the machine moves.
#[event_cpi]
#[derive(Accounts)]
pub struct SetDeviceEndpoint<'info> {
    pub owner: Signer<'info>,
    #[account(mut, address = device.pool @ PinfiError::WrongPool)]
    pub pool: Box<Account<'info, Pool>>,
    #[account(mut, has_one = owner @ PinfiError::NotOwner)]
    pub device: Account<'info, Device>,
}

pub fn set_device_endpoint(ctx: Context<SetDeviceEndpoint>, endpoint: String) -> Result<()> {
    require!(endpoint.len() <= ENDPOINT_LEN, PinfiError::EndpointTooLong);
    let device = &mut ctx.accounts.device;
    device.endpoint = endpoint.clone();
    let pool = &mut ctx.accounts.pool;
    let seq = pool.next_seq();
    emit_cpi!(DeviceEndpointSet { pool: pool.key(), seq, device: device.key(), endpoint });
    Ok(())
}
