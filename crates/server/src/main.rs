//! `xhs-publisher`: serve (default), migrate, openapi, user add.
use clap::Parser;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let args = xhs_server::cli::Cli::parse();
    match xhs_server::cli::run(args).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
