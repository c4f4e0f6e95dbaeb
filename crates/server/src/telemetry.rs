use crate::config::LogSettings;
use tracing_subscriber::{fmt, EnvFilter};

/// Logs go to stderr; stdout is for what a person must read (login details,
/// the OpenAPI document).
pub fn init(log: &LogSettings) {
    let filter =
        EnvFilter::try_from_env("RUST_LOG").unwrap_or_else(|_| EnvFilter::new(&log.filter));
    let builder = fmt().with_env_filter(filter).with_writer(std::io::stderr);
    let _ = if log.format == "json" {
        builder.json().try_init()
    } else {
        builder.try_init()
    };
}
