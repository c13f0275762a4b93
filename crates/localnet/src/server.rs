//! The two listeners (JSON-RPC over HTTP, PubSub over websocket) around one engine.
use std::io;
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{State, WebSocketUpgrade};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use solana_sdk::pubkey::Pubkey;
use axum::serve::ListenerExt;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::engine::Engine;

#[derive(Debug, Clone)]
pub struct Config {
    /// 0 picks a free port.
    pub port: u16,
    /// Defaults to port + 1 (what web3.js assumes), or any free port when that is taken and
    /// `port` was 0.
    pub ws_port: Option<u16>,
    pub quiet: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config { port: 8899, ws_port: None, quiet: false }
    }
}

pub struct Running {
    pub rpc_addr: SocketAddr,
    pub ws_addr: SocketAddr,
    pub program_id: Pubkey,
    pub engine: Arc<Engine>,
    shutdown: watch::Sender<bool>,
    tasks: Vec<JoinHandle<()>>,
}

impl Running {
    pub fn rpc_url(&self) -> String {
        format!("http://{}", self.rpc_addr)
    }

    pub fn ws_url(&self) -> String {
        format!("ws://{}", self.ws_addr)
    }

    /// The one stdout line clients wait for.
    pub fn readiness_line(&self) -> String {
        format!("pinfi-localnet ready rpc={} ws={} program={}", self.rpc_url(), self.ws_url(), self.program_id)
    }

    /// Stops both listeners and closes websocket sessions; gives up waiting after a second.
    pub async fn shutdown(self) {
        let _ = self.shutdown.send(true);
        for task in self.tasks {
            let abort = task.abort_handle();
            if tokio::time::timeout(Duration::from_secs(1), task).await.is_err() {
                abort.abort();
            }
        }
    }
}

async fn bind_ws(rpc: SocketAddr, config: &Config) -> io::Result<TcpListener> {
    let localhost = Ipv4Addr::LOCALHOST;
    match config.ws_port {
        Some(p) => TcpListener::bind((localhost, p)).await,
        None if config.port == 0 => match TcpListener::bind((localhost, rpc.port().wrapping_add(1))).await {
            Ok(l) => Ok(l),
            Err(_) => TcpListener::bind((localhost, 0)).await,
        },
        None => TcpListener::bind((localhost, rpc.port().checked_add(1).unwrap_or(0))).await,
    }
}

async fn rpc_post(State(engine): State<Arc<Engine>>, body: Bytes) -> Response {
    match crate::rpc::handle_body(&engine, &body).await {
        Some(v) => ([(header::CONTENT_TYPE, "application/json")], v.to_string()).into_response(),
        None => StatusCode::NO_CONTENT.into_response(),
    }
}

async fn ws_upgrade(ws: WebSocketUpgrade, State((engine, stop)): State<(Arc<Engine>, watch::Receiver<bool>)>) -> Response {
    ws.on_upgrade(move |socket| crate::ws::serve_socket(socket, engine, stop))
}

/// Binds both ports, starts the bank, and serves until `Running::shutdown`.
pub async fn serve(config: Config) -> io::Result<Running> {
    let rpc = TcpListener::bind((Ipv4Addr::LOCALHOST, config.port)).await?;
    let rpc_addr = rpc.local_addr()?;
    let ws = bind_ws(rpc_addr, &config).await?;
    let ws_addr = ws.local_addr()?;
    let engine = Engine::start(config.quiet).await;
    let (stop_tx, stop_rx) = watch::channel(false);

    let rpc_app = Router::new()
        .route("/", get(|| async { "ok" }).post(rpc_post))
        .route("/health", get(|| async { "ok" }))
        .with_state(engine.clone());
    let ws_app = Router::new().route("/", get(ws_upgrade)).with_state((engine.clone(), stop_rx.clone()));

    let stopped = |mut rx: watch::Receiver<bool>| async move {
        let _ = rx.wait_for(|stop| *stop).await;
    };
    let rpc_task = tokio::spawn({
        let rx = stop_rx.clone();
        async move {
            if let Err(e) = axum::serve(rpc.tap_io(no_delay), rpc_app).with_graceful_shutdown(stopped(rx)).await {
                eprintln!("localnet: rpc server: {e}");
            }
        }
    });
    let ws_task = tokio::spawn(async move {
        if let Err(e) = axum::serve(ws.tap_io(no_delay), ws_app).with_graceful_shutdown(stopped(stop_rx)).await {
            eprintln!("localnet: ws server: {e}");
        }
    });
    Ok(Running { rpc_addr, ws_addr, program_id: pinfi::ID, engine, shutdown: stop_tx, tasks: vec![rpc_task, ws_task] })
}

/// Small JSON frames on loopback: without TCP_NODELAY, Nagle's algorithm and the peer's delayed
/// ACK hold a notification back for up to 40 ms (measured: confirm p50 31 ms → see BENCHMARKS.md).
fn no_delay(tcp: &mut TcpStream) {
    let _ = tcp.set_nodelay(true);
}
