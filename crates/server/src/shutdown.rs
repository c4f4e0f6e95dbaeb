//! A shutdown that answers every connection it accepted.
//!
//! actix-server's own SIGTERM handling stops the accept thread and the workers
//! at the same moment: a connection the accept thread had just handed to a
//! worker, still queued there, is dropped unanswered (reset, since its request
//! is unread), and so is whatever the kernel had queued in the listen backlog
//! when the listener closes. Here the order is explicit instead:
//!
//! 1. A socket filter on the listener drops every new SYN: no connection
//!    can begin any more. A handshake already under way completes (its last
//!    ACK passes the filter), and the connections the kernel completed wait
//!    in the backlog. A client whose SYN was dropped retries it about a
//!    second later and by then finds the port closed: connection refused,
//!    before anything was sent.
//! 2. For [`SETTLE`] the handshakes under way complete, the accept thread
//!    keeps taking what is in the backlog and the workers start what was
//!    handed to them.
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

/// A classic BPF program on the listener that drops a SYN (SYN set, ACK
/// clear) and lets every other packet through. Connections accepted before
/// are sockets of their own and unaffected.
///
/// Only the SYN: a handshake whose SYN-ACK already left must be let finish.
/// Its client counts the connection as open on that SYN-ACK and sends its
/// request; dropping its last ACK too (as "drop everything" did) left it
/// half-open until the listener closed, and then it was reset with its
/// request unanswered. Under load one run in about 35 lost a request so.
#[cfg(any(target_os = "linux", target_os = "android"))]
fn drop_new_connections(socket: &socket2::SockRef<'_>) -> std::io::Result<()> {
    socket.attach_filter(&syn_filter())
}

/// The program of [`drop_new_connections`]. A TCP socket's filter sees the
/// packet from its TCP header on, whose byte 13 holds the flags.
#[cfg(any(target_os = "linux", target_os = "android"))]
fn syn_filter() -> [socket2::SockFilter; 5] {
    use socket2::SockFilter;
    const TCP_FLAGS: u32 = 13;
    const SYN: u32 = 0x02;
    const ACK: u32 = 0x10;
    [
        // ldb [13]: the flags byte
        SockFilter::new(0x30, 0, 0, TCP_FLAGS),
        // and #(SYN|ACK)
        SockFilter::new(0x54, 0, 0, SYN | ACK),
        // jeq #SYN: a bare SYN falls through to the drop, the rest jumps over it
        SockFilter::new(0x15, 0, 1, SYN),
        // ret #0: drop
        SockFilter::new(0x06, 0, 0, 0),
        // ret #-1: keep the whole packet
        SockFilter::new(0x06, 0, 0, u32::MAX),
    ]
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

#[cfg(all(test, any(target_os = "linux", target_os = "android")))]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use std::io::{Read, Write};
    use std::net::TcpStream;

    /// A connection the kernel completed before the filter stays in the
    /// backlog and is served; a new one cannot even begin. (A SYN is dropped
    /// for good, so the bounded wait below ends the same way on any machine:
    /// without the filter the connect succeeds at once.)
    #[test]
    fn the_filter_refuses_new_handshakes_and_keeps_the_backlog() {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let mut queued = TcpStream::connect(addr).unwrap();
        queued.write_all(b"before").unwrap();

        drop_new_connections(&socket2::SockRef::from(&listener)).unwrap();

        let late = TcpStream::connect_timeout(&addr, Duration::from_millis(300));
        assert_eq!(
            late.map(|_| ()).unwrap_err().kind(),
            std::io::ErrorKind::TimedOut,
            "a SYN after the filter is dropped"
        );
        let (mut accepted, _) = listener.accept().unwrap();
        let mut got = [0u8; 6];
        accepted.read_exact(&mut got).unwrap();
        assert_eq!(&got, b"before");
        accepted.write_all(b"answer").unwrap();
        queued.read_exact(&mut got).unwrap();
        assert_eq!(&got, b"answer", "the queued connection is served both ways");
    }

    /// Every packet of a handshake after its SYN carries ACK, as does all
    /// data: the filter lets those through, so a handshake under way at the
    /// signal completes. Seen on a connected socket given the same filter.
    #[test]
    fn the_filter_lets_packets_with_ack_through() {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let mut client = TcpStream::connect(listener.local_addr().unwrap()).unwrap();
        let (mut accepted, _) = listener.accept().unwrap();
        drop_new_connections(&socket2::SockRef::from(&accepted)).unwrap();

        client.write_all(b"after").unwrap();
        accepted
            .set_read_timeout(Some(Duration::from_secs(30)))
            .unwrap();
        let mut got = [0u8; 5];
        accepted.read_exact(&mut got).unwrap();
        assert_eq!(&got, b"after");
    }
}
