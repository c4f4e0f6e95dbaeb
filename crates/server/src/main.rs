//! `xhs-publisher`: serve (default), migrate, openapi, user add, backup.
use clap::Parser;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let args = xhs_server::cli::Cli::parse();
    match xhs_server::cli::run(args).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        // A refusal (a backup onto an existing file) is the caller's to fix: 2.
        Err(e) if e.downcast_ref::<xhs_server::backup::Refused>().is_some() => {
            eprintln!("refused: {e}");
            std::process::ExitCode::from(2)
        }
        Err(e) => {
            eprintln!("error: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
