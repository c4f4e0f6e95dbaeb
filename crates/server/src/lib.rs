//! The xhs-publisher server as a library: configuration, telemetry, the CLI
//! and [`Application::build`], which the binary and the tests share.
mod application;
pub mod backup;
pub mod cli;
pub mod config;
mod events_settings;
mod media_settings;
mod metrics_settings;
mod redis_settings;
mod shutdown;
mod startup;
pub mod telemetry;
mod webhooks_settings;
mod workers;

pub use application::Application;
pub use config::Settings;
