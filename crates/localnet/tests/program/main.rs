//! Native program tests: the real program as a builtin inside solana-program-test, real SPL Token.
//! One test binary (linking solana-runtime dominates build time on 2 cores).
// solana-sdk 2.3 deprecates its system modules in favour of split crates; the old paths are stable here.
#![allow(deprecated)]

mod epoch_harness;
mod harness;
mod poc_harness;

mod constraints;
mod decay;
mod epochs;
mod lifecycle;
mod rentals;
mod verification;
