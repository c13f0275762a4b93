//! `localnet [--port N] [--ws-port N] [--quiet]`: the PinFi program in a solana-program-test bank,
//! served as Solana JSON-RPC (HTTP) + PubSub (websocket) on 127.0.0.1.
use std::io::Write;
use std::process::ExitCode;

use pinfi_localnet::{serve, Config};
use tokio::signal::unix::{signal, SignalKind};

const USAGE: &str = "usage: localnet [--port N] [--ws-port N] [--quiet]\n  --port N     JSON-RPC port (default 8899; 0 picks free ports)\n  --ws-port N  PubSub port (default: port + 1)\n  --quiet      no per-transaction lines on stderr";

fn parse_port(flag: &str, value: Option<String>) -> Result<u16, String> {
    let v = value.ok_or_else(|| format!("{flag} needs a value"))?;
    v.parse().map_err(|_| format!("{flag}: `{v}` is not a port number (0-65535)"))
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Option<Config>, String> {
    let mut config = Config::default();
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        match flag.as_str() {
            "--port" => config.port = parse_port("--port", inline.or_else(|| args.next()))?,
            "--ws-port" => config.ws_port = Some(parse_port("--ws-port", inline.or_else(|| args.next()))?),
            "--quiet" | "-q" if inline.is_none() => config.quiet = true,
            "--help" | "-h" if inline.is_none() => return Ok(None),
            _ => return Err(format!("unexpected argument `{arg}`")),
        }
    }
    if config.ws_port.is_some() && config.ws_port == Some(config.port) && config.port != 0 {
        return Err("--port and --ws-port must differ".into());
    }
    Ok(Some(config))
}

fn main() -> ExitCode {
    let config = match parse_args(std::env::args().skip(1)) {
        Ok(Some(c)) => c,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("localnet: {e} (try --help)");
            return ExitCode::from(2);
        }
    };
    // program-test installs a logger that prints every program log line at debug; keep stderr for
    // our own lines unless the caller asks for more.
    if std::env::var_os("RUST_LOG").is_none() {
        std::env::set_var("RUST_LOG", "warn,tarpc=error");
    }
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("tokio runtime");
    runtime.block_on(async move {
        // Handlers go in before the readiness line: a client may signal as soon as it reads it.
        let (mut int, mut term) = match (signal(SignalKind::interrupt()), signal(SignalKind::terminate())) {
            (Ok(i), Ok(t)) => (i, t),
            _ => {
                eprintln!("localnet: cannot install signal handlers");
                return ExitCode::FAILURE;
            }
        };
        let running = match serve(config).await {
            Ok(r) => r,
            Err(e) => {
                eprintln!("localnet: cannot listen: {e}");
                return ExitCode::FAILURE;
            }
        };
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "{}", running.readiness_line());
        let _ = out.flush();
        drop(out);
        tokio::select! {
            _ = int.recv() => {}
            _ = term.recv() => {}
        }
        running.shutdown().await;
        ExitCode::SUCCESS
    })
}
