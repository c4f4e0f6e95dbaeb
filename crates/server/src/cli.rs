use crate::config::Settings;
use crate::{startup, telemetry};
use anyhow::Context;
use clap::{Parser, Subcommand};
use secrecy::SecretString;
use std::io::Read;
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "xhs-publisher",
    version,
    about = "Drafts for XiaoHongShu and signed one-tap share links"
)]
pub struct Cli {
    /// A TOML file layered over the defaults (environment variables still win).
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run the API and the console (the default).
    Serve,
    /// Apply pending database migrations and exit.
    Migrate,
    /// Print the OpenAPI document.
    Openapi,
    /// Manage operators.
    User {
        #[command(subcommand)]
        action: UserAction,
    },
}

#[derive(Debug, Subcommand)]
enum UserAction {
    /// Create an operator, or reset its password (its sessions end).
    Add {
        username: String,
        /// Read the password from standard input instead of generating one.
        #[arg(long)]
        password_stdin: bool,
    },
}

pub async fn run(cli: Cli) -> anyhow::Result<()> {
    if matches!(cli.command, Some(Command::Openapi)) {
        print!("{}", xhs_api::openapi_json());
        return Ok(());
    }
    let settings = Settings::load(cli.config.as_deref()).context("loading configuration")?;
    telemetry::init(&settings.log);
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => startup::serve(settings).await,
        Command::Migrate => {
            startup::database(&settings).await?;
            println!("migrations applied");
            Ok(())
        }
        Command::User {
            action:
                UserAction::Add {
                    username,
                    password_stdin,
                },
        } => {
            let db = startup::database(&settings).await?;
            let password = if password_stdin {
                let mut s = String::new();
                std::io::stdin()
                    .read_to_string(&mut s)
                    .context("reading the password")?;
                let s = s.trim_end_matches(['\r', '\n']).to_owned();
                anyhow::ensure!(
                    s.chars().count() >= 8,
                    "the password must have at least 8 characters"
                );
                SecretString::from(s)
            } else {
                let p = startup::random_password();
                println!("password for {username}: {p}");
                SecretString::from(p)
            };
            let created = startup::set_password(&db, &username, password).await?;
            println!(
                "operator {username} {}",
                if created {
                    "created"
                } else {
                    "password reset; sessions ended"
                }
            );
            Ok(())
        }
        Command::Openapi => Ok(()),
    }
}
