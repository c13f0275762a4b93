//! Named, numbered errors. Each code is annotated so logs stay greppable (Orca's convention);
//! the SDK generates its typed error union from the IDL.

use anchor_lang::prelude::*;

#[error_code]
pub enum PinfiError {
    #[msg("Checked arithmetic failed; the log line before names the operation and source line")]
    MathOverflow, // 0x1770 (6000)
    #[msg("The protocol is paused")]
    ProtocolPaused, // 0x1771 (6001)
    #[msg("A pool parameter is out of its allowed range")]
    InvalidPoolParams, // 0x1772 (6002)
    #[msg("GPU class must be 1-16 ASCII letters, digits, '-' or '_'")]
    InvalidGpuClass, // 0x1773 (6003)
    #[msg("Amount must be greater than zero (or rounded to zero)")]
    ZeroAmount, // 0x1774 (6004)
    #[msg("Not enough GPU-seconds in the balance at this instant")]
    InsufficientHours, // 0x1775 (6005)
    #[msg("The pool has no hours or no tokens to trade against")]
    EmptyReserve, // 0x1776 (6006)
    #[msg("End must be a bucket boundary in the future within the pool's allowed window")]
    InvalidEnd, // 0x1777 (6007)
    #[msg("Stake duration is outside the pool's min/max")]
    InvalidDuration, // 0x1778 (6008)
    #[msg("The constant product decreased through a trade")]
    InvariantViolated, // 0x1779 (6009)
    #[msg("Rounding bound of the hour reserve failed")]
    PrecisionLoss, // 0x177a (6010)
    #[msg("Slippage limit exceeded")]
    SlippageExceeded, // 0x177b (6011)
    #[msg("The device already has a stake that has not ended")]
    OverlappingStake, // 0x177c (6012)
    #[msg("The burn certificate covers fewer GPU-seconds than the stake needs")]
    CertificateTooSmall, // 0x177d (6013)
    #[msg("The stake has expired")]
    StakeExpired, // 0x177e (6014)
    #[msg("The stake has not ended yet")]
    StakeNotEnded, // 0x177f (6015)
    #[msg("This action does not fit the stake's kind (LP or seller)")]
    WrongStakeKind, // 0x1780 (6016)
    #[msg("The LP stake has already added its liquidity")]
    LiquidityAlreadyAdded, // 0x1781 (6017)
    #[msg("The rental has ended")]
    RentalEnded, // 0x1782 (6018)
    #[msg("Signer is not the account's owner")]
    NotOwner, // 0x1783 (6019)
    #[msg("Account belongs to another pool")]
    WrongPool, // 0x1784 (6020)
    #[msg("Account belongs to another device")]
    WrongDevice, // 0x1785 (6021)
    #[msg("Token account has the wrong mint or owner")]
    WrongTokenAccount, // 0x1786 (6022)
    #[msg("The pool vault holds less than its books say")]
    VaultMismatch, // 0x1787 (6023)
    #[msg("The stake is already marked failed")]
    AlreadyFailed, // 0x1788 (6024)
    #[msg("The verifier's stake is below the protocol minimum")]
    VerifierStakeTooLow, // 0x1789 (6025)
    #[msg("The verifier is unbonding or suspended")]
    VerifierInactive, // 0x178a (6026)
    #[msg("The verifier is already unbonding")]
    AlreadyUnbonding, // 0x178b (6027)
    #[msg("The verifier's unbonding period has not passed (or unbonding never started)")]
    UnbondingNotOver, // 0x178c (6028)
    #[msg("The verifier still has challenges without a verdict")]
    ChallengesPending, // 0x178d (6029)
    #[msg("A verifier may not challenge its own device")]
    SelfChallenge, // 0x178e (6030)
    #[msg("The stake is not live (not started, ended or failed)")]
    StakeNotLive, // 0x178f (6031)
    #[msg("The challenge already has a verdict or has expired")]
    ChallengeDecided, // 0x1790 (6032)
    #[msg("The verdict window of this challenge has closed")]
    VerdictWindowClosed, // 0x1791 (6033)
    #[msg("The verdict window of this challenge is still open")]
    VerdictWindowOpen, // 0x1792 (6034)
    #[msg("The revealed nonce does not hash to the committed one")]
    NonceMismatch, // 0x1793 (6035)
    #[msg("The outcome contradicts the posted timings (or is not a verdict)")]
    InconsistentVerdict, // 0x1794 (6036)
    #[msg("Signer is not the challenge's verifier")]
    WrongVerifier, // 0x1795 (6037)
    #[msg("The device endpoint is longer than 128 bytes")]
    EndpointTooLong, // 0x1796 (6038)
    #[msg("A verification parameter is out of its allowed range")]
    InvalidVerificationParams, // 0x1797 (6039)
    #[msg("The SlotHashes sysvar holds no entry yet")]
    SlotHashesUnavailable, // 0x1798 (6040)
    #[msg("Emission is already configured; its schedule cannot change")]
    EmissionAlreadyConfigured, // 0x1799 (6041)
    #[msg("Emission is not configured")]
    EmissionNotConfigured, // 0x179a (6042)
    #[msg("An emission parameter is out of its allowed range")]
    InvalidEmissionParams, // 0x179b (6043)
    #[msg("The utility mint's authority must be the protocol PDA to emit rewards")]
    MintAuthorityNotProtocol, // 0x179c (6044)
    #[msg("The epoch has not ended yet")]
    EpochNotOver, // 0x179d (6045)
    #[msg("Epochs close in order: this is not the next epoch to close")]
    WrongEpoch, // 0x179e (6046)
    #[msg("The pool-epoch accounts do not cover the stake's claim window")]
    WrongPoolEpoch, // 0x179f (6047)
    #[msg("Claim the stake's rewards up to its end before settling")]
    RewardsUnclaimed, // 0x17a0 (6048)
    #[msg("A rental may span at most 8 devices; buy several rentals")]
    TooManyDevices, // 0x17a1 (6049)
    #[msg("The rental is already placed on devices")]
    RentalNotWaiting, // 0x17a2 (6050)
    #[msg("The rental may still be placed; refunds come after the placement window")]
    PlacementWindowOpen, // 0x17a3 (6051)
    #[msg("None of the given stakes can serve the rental (pool, window, booking, failure)")]
    NoEligibleStake, // 0x17a4 (6052)
    #[msg("The stakes given are not the rental's assigned stakes")]
    WrongStakes, // 0x17a5 (6053)
    #[msg("A failed stake that served a renter must be settled with that rental and its buyer's token account")]
    RenterAccountsMissing, // 0x17a6 (6054)
    #[msg("Signer is not the proposed admin (or no admin is proposed)")]
    NotPendingAdmin, // 0x17a7 (6055)
    #[msg("Lottery parameters out of range (round_slots ≤ 240, draws ≥ 1 when on)")]
    InvalidLotteryParams, // 0x17a8 (6056)
    #[msg("The lottery is on: open_challenge needs a ticket")]
    LotteryTicketMissing, // 0x17a9 (6057)
    #[msg("The ticket's round is not the current (or previous) round of the verifier's commitment")]
    LotteryRoundInvalid, // 0x17aa (6058)
    #[msg("The ticket's secret is not the committed secret of its round")]
    LotteryBadProof, // 0x17ab (6059)
    #[msg("The verifier is not drawn for this device in this round")]
    LotteryNotDrawn, // 0x17ac (6060)
    #[msg("Round secrets may be committed once the previous commitment has ended, starting in a future slot")]
    LotteryCommitRefused, // 0x17ad (6061)
}

impl From<pinfi_math::Error> for PinfiError {
    fn from(e: pinfi_math::Error) -> Self {
        use pinfi_math::Error as M;
        match e {
            M::Math(at) => {
                msg!("{}", at);
                PinfiError::MathOverflow
            }
            M::ZeroAmount => PinfiError::ZeroAmount,
            M::InsufficientHours => PinfiError::InsufficientHours,
            M::EmptyReserve => PinfiError::EmptyReserve,
            M::BadLotEnd => PinfiError::InvalidEnd,
            M::InvariantViolated => PinfiError::InvariantViolated,
            M::Precision => PinfiError::PrecisionLoss,
        }
    }
}

/// `?` on pure-math results inside handlers.
pub trait IntoPinfi<T> {
    fn pinfi(self) -> Result<T>;
}

impl<T> IntoPinfi<T> for pinfi_math::Result<T> {
    fn pinfi(self) -> Result<T> {
        self.map_err(|e| error!(PinfiError::from(e)))
    }
}

impl<T> IntoPinfi<T> for core::result::Result<T, pinfi_math::MathError> {
    fn pinfi(self) -> Result<T> {
        self.map_err(|e| error!(PinfiError::from(pinfi_math::Error::from(e))))
    }
}
