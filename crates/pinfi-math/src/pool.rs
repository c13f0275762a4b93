//! Pure state transitions of one pool (Orca's `manager/` idea): no accounts, no Solana types.
//! The program loads its accounts into a `PoolCore`, calls one transition, checks the result's
//! token movements against its CPIs and stores the state back.
//!
//! A transition that returns an error may have changed `self` or the slots part-way: callers
//! discard the state on error (on chain the transaction reverts).
//!
//! Token bookkeeping: the pool vault always holds `utility_reserve + escrow_total + collateral_total`
//! (`vault_expected`). Fees are moved into the vault and burned from it in the same instruction.

use crate::checked::SafeMath;
use crate::curve::*;
use crate::decay::rate_floor;
use crate::error::{Error, Result};
use crate::reserve::Reserve;
use crate::units::{GpuSeconds, TokenAmount, UnixTs};

/// Per-pool parameters that the transitions need.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CurveParams {
    /// Swap fee on both sides, basis points, burned.
    pub fee_bps: u16,
    /// Seller collateral as a multiple of gross proceeds, basis points (10_000 = 1×).
    pub collateral_bps: u32,
    /// Price used when a side of the pool is empty, base units per GPU-hour.
    pub reference_price: TokenAmount,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PoolCore {
    /// `U`: utility tokens that price hours (base units).
    pub utility_reserve: TokenAmount,
    /// `L`: LP shares outstanding.
    pub lp_supply: u64,
    /// Maintenance fees held for seller stakes until settlement.
    pub escrow_total: TokenAmount,
    /// Seller collateral held until each stake's end.
    pub collateral_total: TokenAmount,
    /// `H(t)` aggregate.
    pub reserve: Reserve,
}

/// Result of an LP deposit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LiquidityAdded {
    /// GPU-seconds the pool was credited (≤ what the stake gave).
    pub hours_credited: GpuSeconds,
    /// Utility tokens the LP pays in, equal value at the pre-deposit price, rounded up.
    pub tokens_in: TokenAmount,
    /// LP shares minted, rounded down.
    pub shares: u64,
}

/// Result of a sale of hours into the pool.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HoursSold {
    pub hours_credited: GpuSeconds,
    /// Tokens leaving `U`, including the fee.
    pub gross_out: TokenAmount,
    /// Part of `gross_out` that is burned.
    pub fee: TokenAmount,
    /// Part of `gross_out` paid to the seller (`gross_out − fee`).
    pub seller_out: TokenAmount,
    /// Collateral the seller must lock, on top (`collateral_bps × gross_out`).
    pub collateral: TokenAmount,
}

/// Result of a purchase of hours from the pool.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HoursBought {
    /// Tokens the buyer pays, including the fee.
    pub tokens_in: TokenAmount,
    /// Burned part of `tokens_in`.
    pub fee: TokenAmount,
    /// GPU-seconds removed from the pool and handed to the buyer.
    pub hours_out: GpuSeconds,
}

impl PoolCore {
    pub fn vault_expected(&self) -> Result<TokenAmount> {
        Ok(self.utility_reserve.safe_add(self.escrow_total)?.safe_add(self.collateral_total)?)
    }

    pub fn hours_at(&self, slots: &[u128], now: UnixTs) -> Result<GpuSeconds> {
        self.reserve.hours_at(slots, now)
    }

    /// LP path: the stake's `hours` (ending at `end`) plus equal-value tokens; price unchanged
    /// up to the rounding of the token side, which is up.
    pub fn add_liquidity(
        &mut self,
        slots: &mut [u128],
        p: &CurveParams,
        now: UnixTs,
        end: UnixTs,
        hours: GpuSeconds,
    ) -> Result<LiquidityAdded> {
        let h0 = self.reserve_after_expiry(slots, now)?;
        let hours_credited = self.reserve.add_lot(slots, now, end, rate_floor(hours, end, now)?)?;
        let tokens_in = equal_value_tokens_ceil(self.utility_reserve, h0, hours_credited, p.reference_price)?;
        if tokens_in == 0 {
            return Err(Error::ZeroAmount);
        }
        let shares = lp_shares_floor(self.lp_supply, self.utility_reserve, tokens_in)?;
        if shares == 0 {
            return Err(Error::ZeroAmount);
        }
        self.utility_reserve = self.utility_reserve.safe_add(tokens_in)?;
        self.lp_supply = self.lp_supply.safe_add(shares)?;
        Ok(LiquidityAdded { hours_credited, tokens_in, shares })
    }

    /// Seller path: `hours` ending at `end` into the pool at the constant product of this instant.
    pub fn sell_hours(
        &mut self,
        slots: &mut [u128],
        p: &CurveParams,
        now: UnixTs,
        end: UnixTs,
        hours: GpuSeconds,
    ) -> Result<HoursSold> {
        let (u0, h0) = (self.utility_reserve, self.reserve_after_expiry(slots, now)?);
        let hours_credited = self.reserve.add_lot(slots, now, end, rate_floor(hours, end, now)?)?;
        let gross_out = tokens_out_floor(u0, h0, hours_credited)?;
        if gross_out == 0 {
            return Err(Error::ZeroAmount);
        }
        let fee = fee_ceil(gross_out, p.fee_bps)?;
        let seller_out = gross_out.safe_sub(fee)?;
        let collateral = collateral_ceil(gross_out, p.collateral_bps)?;
        self.utility_reserve = u0.safe_sub(gross_out)?;
        self.collateral_total = self.collateral_total.safe_add(collateral)?;
        check_k_non_decreasing(u0, h0, self.utility_reserve, self.reserve.hours_at(slots, now)?)?;
        Ok(HoursSold { hours_credited, gross_out, fee, seller_out, collateral })
    }

    /// Buyer path: pay `tokens_in` (fee included) for hours drawn pro rata from every live lot.
    pub fn buy_hours(&mut self, slots: &mut [u128], p: &CurveParams, now: UnixTs, tokens_in: TokenAmount) -> Result<HoursBought> {
        let (u0, h0) = (self.utility_reserve, self.reserve_after_expiry(slots, now)?);
        let fee = fee_ceil(tokens_in, p.fee_bps)?;
        let net = tokens_in.safe_sub(fee)?;
        let hours_out = hours_out_floor(u0, h0, net)?;
        if hours_out == 0 {
            return Err(Error::ZeroAmount);
        }
        let h1 = self.reserve.remove_pro_rata(slots, now, hours_out)?;
        self.utility_reserve = u0.safe_add(net)?;
        check_k_non_decreasing(u0, h0, self.utility_reserve, h1)?;
        Ok(HoursBought { tokens_in, fee, hours_out })
    }

    /// Gross tokens a buyer must pay now to receive at least `hours_out`.
    pub fn quote_buy_exact_out(&self, slots: &[u128], p: &CurveParams, now: UnixTs, hours_out: GpuSeconds) -> Result<TokenAmount> {
        let h = self.reserve.hours_at(slots, now)?;
        gross_for_net_ceil(tokens_in_for_hours_ceil(self.utility_reserve, h, hours_out)?, p.fee_bps)
    }

    /// LP settlement after the stake's end: `shares / L × U`, rounded down.
    pub fn remove_liquidity(&mut self, shares: u64) -> Result<TokenAmount> {
        // An LP stake that never added liquidity holds no shares and is owed nothing.
        if shares == 0 {
            return Ok(0);
        }
        let payout = lp_payout_floor(shares, self.lp_supply, self.utility_reserve)?;
        self.utility_reserve = self.utility_reserve.safe_sub(payout)?;
        self.lp_supply = self.lp_supply.safe_sub(shares)?;
        Ok(payout)
    }

    /// An unplaced rental goes back: its remaining hours return to the pool as a lot ending at
    /// `end`, and `tokens_out` (what the buyer paid, net of fees, for those hours) leaves `U`.
    /// Not a trade, so no invariant: the pool gives back exactly what it took.
    pub fn refund_rental(&mut self, slots: &mut [u128], now: UnixTs, end: UnixTs, rate: u128, tokens_out: TokenAmount) -> Result<GpuSeconds> {
        let credited = if end > now { self.reserve.add_lot(slots, now, end, rate)? } else { 0 };
        self.utility_reserve = self.utility_reserve.safe_sub(tokens_out).map_err(|_| Error::EmptyReserve)?;
        Ok(credited)
    }

    pub fn lock_escrow(&mut self, amount: TokenAmount) -> Result<()> {
        self.escrow_total = self.escrow_total.safe_add(amount)?;
        Ok(())
    }

    /// Releases a settled seller stake's escrow and collateral from the books (paid out or burned).
    pub fn release_seller(&mut self, escrow: TokenAmount, collateral: TokenAmount) -> Result<()> {
        self.escrow_total = self.escrow_total.safe_sub(escrow)?;
        self.collateral_total = self.collateral_total.safe_sub(collateral)?;
        Ok(())
    }

    fn reserve_after_expiry(&mut self, slots: &mut [u128], now: UnixTs) -> Result<GpuSeconds> {
        self.reserve.advance(slots, now)?;
        self.reserve.hours_at(slots, now)
    }
}
