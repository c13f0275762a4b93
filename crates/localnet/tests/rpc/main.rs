//! The localnet over the wire: a server on free ports per test, raw HTTP JSON-RPC and a
//! websocket client, PinFi transactions built with the program's own Anchor types.
//! One test binary (linking solana-runtime dominates build time on 2 cores).
#![allow(deprecated)] // solana-sdk 2.3 deprecates its system modules; the old paths are stable here.

mod support;

mod basics;
mod cheats;
mod program;
mod pubsub;
