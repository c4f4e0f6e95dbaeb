//! A shutdown that answers every connection it accepted.
//!
//! actix-server's own SIGTERM handling stops the accept thread and the workers
//! at the same moment: a connection the accept thread had just handed to a
//! worker, still queued there, is dropped unanswered (reset, since its request
//! is unread), and so is whatever the kernel had queued in the listen backlog
//! when the listener closes. Here the order is explicit instead:
//!
//! 1. A socket filter on the listener drops every new SYN: no connection
//!    can complete any more, while the ones the kernel already completed wait
//!    in the backlog. A client whose SYN was dropped retries it about a
//!    second later and by then finds the port closed: connection refused,
//!    before anything was sent.
//! 2. For [`SETTLE`] the accept thread keeps taking what is in the backlog
//!    and the workers start what was handed to them.
//! 3. Accepting is paused and the listener shut: later SYNs are refused.
//! 4. A graceful stop: requests in flight are answered (each connection then
//!    closes after its response), idle keep-alive connections are closed
//!    with a FIN, and the workers stop only when every connection ended
//!    (`shutdown_timeout` bounds that).
use std::net::{Shutdown, TcpListener};
use std::time::Duration;

/// How long the accept thread keeps taking connections the kernel already
/// completed, after new ones are no longer let in. Both steps take
/// microseconds on an idle machine; the margin is for a busy one.
pub(crate) const SETTLE: Duration = Duration::from_millis(300);

/// Waits for SIGTERM or SIGINT, then stops `server` in the order above.
/// `listener` is a duplicate of the server's listening socket.
pub(crate) async fn on_signal(server: actix_web::dev::ServerHandle, listener: TcpListener) {
    if let Err(e) = signal().await {
        tracing::error!(error = %e, "cannot listen for SIGTERM; stopping only when killed");
        std::future::pending::<()>().await;
    }
    tracing::info!("stop requested: no new connections; answering the accepted ones");
    let socket = socket2::SockRef::from(&listener);
    if let Err(e) = drop_new_connections(&socket) {
        tracing::warn!(error = %e, "cannot filter the listener; connections completing right now may be reset");
    }
    tokio::time::sleep(SETTLE).await;
    server.pause().await;
    if let Err(e) = socket.shutdown(Shutdown::Both) {
        tracing::warn!(error = %e, "cannot shut the listener");
    }
    server.stop(true).await;
}

/// BPF "ret #0" on the listener: every packet for it (a SYN, or the last ACK
/// of a handshake begun just before) is dropped. Connections accepted before
/// are sockets of their own and unaffected.
#[cfg(any(target_os = "linux", target_os = "android"))]
fn drop_new_connections(socket: &socket2::SockRef<'_>) -> std::io::Result<()> {
    socket.attach_filter(&[socket2::SockFilter::new(0x06, 0, 0, 0)])
}

#[cfg(not(any(target_os = "linux", target_os = "android")))]
fn drop_new_connections(_: &socket2::SockRef<'_>) -> std::io::Result<()> {
    Err(std::io::Error::other("socket filters need Linux"))
}

#[cfg(unix)]
async fn signal() -> std::io::Result<()> {
    use tokio::signal::unix::{signal, SignalKind};
    let mut term = signal(SignalKind::terminate())?;
    let mut int = signal(SignalKind::interrupt())?;
    tokio::select! {
        _ = term.recv() => {}
        _ = int.recv() => {}
    }
    Ok(())
}

#[cfg(not(unix))]
async fn signal() -> std::io::Result<()> {
    tokio::signal::ctrl_c().await
}
