//! Accepting connections, and stopping: a client gets a bounded time to send its request, and
//! on SIGTERM or SIGINT the server stops accepting, ends live streams, lets requests in flight
//! finish (a score write is answered only once durable) and returns within [`DRAIN`].

use std::future::Future;
use std::io;
use std::net::SocketAddr;
use std::time::Duration;

use axum::Router;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio_util::sync::CancellationToken;
use tower::Service;

/// How long requests in flight may take to finish once the server is stopping. With the
/// runtime's own [`EXIT`] grace it stays under the ten seconds orchestrators wait before killing.
pub const DRAIN: Duration = Duration::from_secs(8);
/// How long blocking work (a PNG being drawn, say) may hold up the exit after draining.
pub const EXIT: Duration = Duration::from_secs(1);
/// A pause after failing to accept (out of file descriptors, say) instead of spinning.
const ACCEPT_BACKOFF: Duration = Duration::from_secs(1);

/// Serves `router` until `stop` resolves, then drains. `stopping` is cancelled when draining
/// begins: live streams watch it and end.
pub async fn serve(
    listener: TcpListener,
    router: Router,
    header_timeout: Duration,
    stopping: CancellationToken,
    stop: impl Future<Output = ()>,
) -> io::Result<()> {
    // One route table shared by every connection (see `Application::run`), which also gives
    // handlers the peer's address.
    let mut make_service = router.into_make_service_with_connect_info::<SocketAddr>();
    let mut http = http1::Builder::new();
    // The header timeout also runs while a kept-alive connection waits for its next request.
    http.timer(TokioTimer::new()).header_read_timeout(header_timeout);
    let graceful = GracefulShutdown::new();
    tokio::pin!(stop);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(error) if is_connection_error(&error) => continue,
                Err(error) => {
                    tracing::error!(%error, "accepting a connection");
                    tokio::time::sleep(ACCEPT_BACKOFF).await;
                    continue;
                }
            },
            () = &mut stop => break,
        };
        let Ok(service) = make_service.call(peer).await;
        let connection = http.serve_connection(TokioIo::new(stream), TowerToHyperService::new(service));
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            if let Err(error) = connection.await {
                tracing::debug!(%error, %peer, "connection ended");
            }
        });
    }
    drop(listener);
    tracing::info!("stopping: ending live streams and finishing requests in flight");
    stopping.cancel();
    match tokio::time::timeout(DRAIN, graceful.shutdown()).await {
        Ok(()) => tracing::info!("every request finished"),
        Err(_) => tracing::warn!("requests still running after {} s are cut off", DRAIN.as_secs()),
    }
    Ok(())
}

fn is_connection_error(error: &io::Error) -> bool {
    matches!(
        error.kind(),
        io::ErrorKind::ConnectionRefused | io::ErrorKind::ConnectionAborted | io::ErrorKind::ConnectionReset
    )
}

/// Resolves on SIGTERM (how orchestrators stop a service) or SIGINT (Ctrl-C).
pub async fn signal() {
    let interrupt = async {
        if let Err(error) = tokio::signal::ctrl_c().await {
            tracing::error!(%error, "cannot listen for SIGINT");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut terminate) => {
                terminate.recv().await;
            }
            Err(error) => {
                tracing::error!(%error, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {}
        () = terminate => {}
    }
}
