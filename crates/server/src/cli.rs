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
    /// Copy the SQLite database while the server runs (VACUUM INTO), then
    /// check the copy's migrations. Never overwrites; MySQL/MariaDB and
    /// PostgreSQL: prints the dump command to use instead.
    Backup {
        /// The new file to write (must not exist).
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
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
        /// viewer, operator, reviewer or admin. A new operator is `admin`
        /// unless given; an existing one keeps its role unless given.
        #[arg(long, value_parser = parse_role)]
        role: Option<xhs_domain::Role>,
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
        Command::Serve => {
            let app = crate::Application::build(settings).await?;
            println!(
                "  xhs-publisher listening on {}  (console: {url}/, API docs: {url}/docs/)",
                app.address(),
                url = app.public_url()
            );
            app.run_until_stopped().await
        }
        Command::Backup { out } => crate::backup::run(&settings, &out).await,
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
                    role,
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
                let p = xhs_app::team::auth::random_password();
                println!("password for {username}: {p}");
                SecretString::from(p)
            };
            let created = startup::set_password(&db, &username, password, role).await?;
            if created {
                let role = role.unwrap_or(xhs_domain::Role::Admin);
                println!("operator {username} created as {role}");
            } else {
                println!("operator {username} password reset; sessions ended");
            }
            Ok(())
        }
        Command::Openapi => Ok(()),
    }
}

fn parse_role(s: &str) -> Result<xhs_domain::Role, String> {
    s.parse()
        .map_err(|_| format!("'{s}' is not one of viewer, operator, reviewer, admin"))
}
