//! `solana-msg` 2.2.1 with one addition: off-chain, `sol_log` goes to a hook when one is set.
//!
//! Upstream prints off-chain messages with `println!`, so a program running natively inside
//! solana-program-test logs to stdout and its transactions carry no `Program log:` lines. The
//! localnet points the hook at program-test's syscall stub instead.

/// Print a message to the log (upstream semantics).
#[macro_export]
macro_rules! msg {
    ($msg:expr) => {
        $crate::sol_log($msg)
    };
    ($($arg:tt)*) => ($crate::sol_log(&format!($($arg)*)));
}

#[cfg(target_os = "solana")]
pub mod syscalls {
    //! Syscall definitions used by `solana_msg`.
    pub use solana_define_syscall::definitions::{sol_log_, sol_log_64_, sol_log_compute_units_, sol_log_data};
}

#[cfg(not(target_os = "solana"))]
static HOOK: std::sync::OnceLock<fn(&str)> = std::sync::OnceLock::new();

/// Off-chain only: route every later `sol_log` to `hook`. The first hook set wins.
#[cfg(not(target_os = "solana"))]
pub fn set_log_hook(hook: fn(&str)) {
    let _ = HOOK.set(hook);
}

/// Print a string to the log.
#[inline]
pub fn sol_log(message: &str) {
    #[cfg(target_os = "solana")]
    unsafe {
        syscalls::sol_log_(message.as_ptr(), message.len() as u64);
    }

    #[cfg(not(target_os = "solana"))]
    match HOOK.get() {
        Some(hook) => hook(message),
        None => println!("{message}"),
    }
}
