use crate::dto::auth::{LoginRequest, LoginResponse};
use crate::extract::Json;
use crate::ratelimit::ShareLimits;
use crate::{ApiError, AppState};
use actix_web::{post, web, HttpRequest, HttpResponse};
use secrecy::{ExposeSecret, SecretString};
use xhs_app::team::audit::{self, NewEntry};
use xhs_app::team::auth;
use xhs_app::AppError;
use xhs_domain::{ActorKind, AuditAction};

/// Logs an operator in and returns a bearer token.
#[utoipa::path(tag = "auth", request_body = LoginRequest, responses(
    (status = 200, body = LoginResponse),
    (status = 400, body = crate::Problem, content_type = "application/problem+json"),
    (status = 401, description = "wrong username or password", body = crate::Problem, content_type = "application/problem+json"),
    (status = 422, description = "an empty or over-long username or password", body = crate::Problem, content_type = "application/problem+json"),
    (status = 429, description = "too many attempts from this address (`rate_limited`), or this username locked at this address after `auth.lockout_after` failures in a row (`login_locked`); see Retry-After", body = crate::Problem, content_type = "application/problem+json"),
))]
#[post("/api/auth/login")]
pub async fn login(
    state: web::Data<AppState>,
    limits: web::Data<ShareLimits>,
    http: HttpRequest,
    body: Json<LoginRequest>,
) -> Result<HttpResponse, ApiError> {
    limits.check_login(&http).await?;
    let req = body.0;
    check_lengths(&req)?;
    let client = limits.client(&http);
    let password = SecretString::from(req.password);
    let login = match auth::login(&state.app, &req.username, password, &client).await {
        Err(e @ (AppError::InvalidCredentials | AppError::LoginLocked { .. })) => {
            tracing::info!(username = ?req.username, "login refused");
            let detail = match e {
                AppError::LoginLocked { .. } => "locked after too many failed logins",
                _ => "wrong username or password",
            };
            let entry = attempt(req.username.trim(), client, false, detail);
            audit::record(&state.app, &entry).await?;
            return Err(e.into());
        }
        other => other?,
    };
    tracing::info!(username = ?login.username, "operator logged in");
    let entry = attempt(&login.username, client, true, "logged in");
    audit::record(&state.app, &entry).await?;
    // The answer carries a bearer token: no cache may keep it.
    Ok(HttpResponse::Ok()
        .insert_header((actix_web::http::header::CACHE_CONTROL, "no-store"))
        .json(LoginResponse {
            token: login.token.expose_secret().to_owned(),
            expires_at: login.expires_at,
        }))
}

/// The audit entry of a login attempt: the user, or for a failure the name
/// tried (never the password).
fn attempt(username: &str, client: String, ok: bool, detail: &str) -> NewEntry {
    NewEntry {
        actor: username.to_owned(),
        actor_kind: if ok {
            ActorKind::User
        } else {
            ActorKind::Anonymous
        },
        action: if ok {
            AuditAction::Login
        } else {
            AuditAction::LoginFailed
        },
        target_type: None,
        target_id: None,
        client_ip: Some(client),
        detail: Some(detail.to_owned()),
    }
}

/// Names and passwords within what the schema says (a megabyte password
/// would cost a hash of a megabyte).
fn check_lengths(req: &LoginRequest) -> Result<(), ApiError> {
    let mut errs = xhs_domain::ValidationErrors::default();
    for (field, value, max) in [
        ("username", &req.username, 64),
        ("password", &req.password, 1024),
    ] {
        let n = value.chars().count();
        if n == 0 {
            errs.push(xhs_domain::FieldError::new(
                field,
                xhs_domain::Rule::Required,
                format!("{field} must not be empty"),
            ));
        } else if n > max {
            errs.push(
                xhs_domain::FieldError::new(
                    field,
                    xhs_domain::Rule::MaxChars,
                    format!("{field} has {n} characters; at most {max}"),
                )
                .counts(n, max),
            );
        }
    }
    if errs.is_empty() {
        Ok(())
    } else {
        Err(ApiError::Validation(errs))
    }
}
