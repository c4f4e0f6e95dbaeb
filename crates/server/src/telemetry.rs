use crate::config::LogSettings;
use std::fmt::Write as _;
use tracing_subscriber::field::MakeExt;
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
        builder.fmt_fields(escaped_fields()).try_init()
    };
}

/// The pretty format's fields with every control character escaped, so a
/// value (a username, a path) can never start a line of its own.
pub fn escaped_fields() -> impl for<'w> fmt::FormatFields<'w> + Send + Sync + 'static {
    fmt::format::debug_fn(|w, field, value| {
        let text = format!("{value:?}");
        if field.name() == "message" {
            write!(w, "{}", escape(&text))
        } else {
            write!(w, "{}={}", field.name(), escape(&text))
        }
    })
    .delimited(" ")
}

/// `\n`, `\r`, ESC and the other controls as `\n`, `\r`, `\u{1b}`.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn control_characters_cannot_break_a_log_line() {
        assert_eq!(
            escape("eve\n2026-01-01 INFO operator logged in username=admin\u{1b}[0m"),
            "eve\\n2026-01-01 INFO operator logged in username=admin\\u{1b}[0m"
        );
        assert_eq!(escape("三班 ok"), "三班 ok");
    }
}
