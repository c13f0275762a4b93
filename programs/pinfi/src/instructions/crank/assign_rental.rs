use anchor_lang::prelude::*;

use crate::errors::PinfiError;
use crate::events::RentalAssigned;
use crate::manager::rentals::can_serve;
use crate::state::{Pool, Rental, RentalStatus, Stake};
use crate::utils::validate::now;

/// Permissionless: binds a waiting rental to devices, given as candidate stakes (writable) in
/// the remaining accounts. Keepers pass them earliest-expiry first; unusable candidates (booked
/// meanwhile by a racing keeper, say) are skipped, and a call that books nothing fails so the
/// keeper learns its view is stale.
#[event_cpi]
#[derive(Accounts)]
pub struct AssignRental<'info> {
    #[account(mut)]
    pub pool: Box<Account<'info, Pool>>,
    #[account(mut, has_one = pool @ PinfiError::WrongPool)]
    pub rental: Account<'info, Rental>,
}

pub fn assign_rental<'info>(ctx: Context<'_, '_, 'info, 'info, AssignRental<'info>>) -> Result<()> {
    let now = now()?;
    let rental_key = ctx.accounts.rental.key();
    let rental = &mut ctx.accounts.rental;
    require!(rental.status == RentalStatus::Waiting, PinfiError::RentalNotWaiting);
    require!(now < rental.end, PinfiError::RentalEnded);
    let mut added = 0u8;
    for info in ctx.remaining_accounts {
        if rental.assigned_count >= rental.devices {
            break;
        }
        if !info.is_writable {
            continue;
        }
        let Ok(mut stake) = Account::<Stake>::try_from(info) else { continue };
        if !can_serve(info.key, &stake, &rental_key, rental, now) {
            continue;
        }
        stake.booked_until = rental.end;
        stake.booked_by = rental_key;
        stake.exit(&crate::ID)?;
        let i = rental.assigned_count as usize;
        rental.assigned[i] = *info.key;
        rental.assigned_count += 1;
        added += 1;
    }
    require!(added > 0, PinfiError::NoEligibleStake);
    if rental.assigned_count >= rental.devices {
        rental.status = RentalStatus::Placed;
    }
    let pool = &mut ctx.accounts.pool;
    let seq = pool.next_seq();
    emit_cpi!(RentalAssigned {
        pool: pool.key(), seq, rental: rental_key, added, assigned: rental.assigned_count, devices: rental.devices,
        placed: rental.status == RentalStatus::Placed,
    });
    Ok(())
}
