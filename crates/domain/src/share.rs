//! Share links, the accounts notes are published from, and what the share page
//! reports back.
use crate::Rule;
use crate::{char_count, FieldError};

use crate::vocab::vocabulary;
use crate::AccountKind;

vocabulary! {
    /// What the share page reports. `Confirmed` is the account holder (or an
    /// operator) pasting back the published note's URL.
    EventKind { Opened, PublishTapped, SdkLoaded, SdkFailed, AppOpened, FallbackUsed, Confirmed }
}

vocabulary! {
    /// The kinds a share page may report to `POST /api/share/{token}/events`:
    /// every [`EventKind`] but `confirmed`, which has its own endpoint.
    ReportedEventKind { Opened, PublishTapped, SdkLoaded, SdkFailed, AppOpened, FallbackUsed }
}

impl EventKind {
    /// Kinds a page may report (`confirmed` has its own endpoint).
    pub fn parse_reported(s: &str) -> Result<Self, FieldError> {
        ReportedEventKind::parse_field("kind", s).map(Self::from)
    }

    /// The failure reason an event carries onto a record, if any.
    pub fn carries_reason(self) -> bool {
        self == Self::SdkFailed
    }
}

impl From<ReportedEventKind> for EventKind {
    fn from(k: ReportedEventKind) -> Self {
        match k {
            ReportedEventKind::Opened => Self::Opened,
            ReportedEventKind::PublishTapped => Self::PublishTapped,
            ReportedEventKind::SdkLoaded => Self::SdkLoaded,
            ReportedEventKind::SdkFailed => Self::SdkFailed,
            ReportedEventKind::AppOpened => Self::AppOpened,
            ReportedEventKind::FallbackUsed => Self::FallbackUsed,
        }
    }
}

vocabulary! {
    /// Where a publish for one post and one account stands. Ordered: a later
    /// event never moves a record back (an `opened` after a `tapped` stays `tapped`).
    #[derive(PartialOrd, Ord)]
    RecordStatus { LinkSent, Opened, Tapped, AppOpened, Failed, Published }
}

impl RecordStatus {
    /// The status an event moves a record to, if any.
    pub fn after(self, event: EventKind) -> Self {
        let next = match event {
            EventKind::Opened => Self::Opened,
            EventKind::PublishTapped => Self::Tapped,
            EventKind::AppOpened => Self::AppOpened,
            EventKind::SdkFailed => Self::Failed,
            EventKind::Confirmed => Self::Published,
            EventKind::SdkLoaded | EventKind::FallbackUsed => self,
        };
        // A failure after the app opened is a retry gone wrong, not a step back;
        // a retry after a failure may succeed, so Failed can still advance.
        match (self, next) {
            (Self::Published, _) => Self::Published,
            (Self::Failed, n) if n != Self::LinkSent => n,
            (cur, n) => cur.max(n),
        }
    }
}

/// Parses an account kind, naming the field and the allowed values.
pub fn parse_account_kind(s: &str) -> Result<AccountKind, FieldError> {
    AccountKind::parse_field("kind", s)
}

/// A bounded, trimmed text field: `required` refuses empty.
pub fn bounded_text(
    field: &str,
    s: &str,
    max: usize,
    required: bool,
) -> Result<String, FieldError> {
    crate::check_text(field, s)?;
    let t = s.trim();
    if required && t.is_empty() {
        return Err(FieldError::new(
            field,
            Rule::Required,
            format!("{field} must not be empty"),
        ));
    }
    let n = char_count(t);
    if n > max {
        return Err(FieldError::new(
            field,
            Rule::MaxChars,
            format!("{field} has {n} characters; at most {max}"),
        )
        .counts(n, max));
    }
    Ok(t.to_owned())
}

/// The canonical link of the first XHS note link in a pasted text (see
/// [`crate::NoteUrl`]).
pub fn parse_note_url(s: &str) -> Result<String, FieldError> {
    crate::NoteUrl::parse(s).map(String::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_events_parse_and_unknown_kinds_are_refused() {
        assert_eq!(
            EventKind::parse_reported("publish_tapped"),
            Ok(EventKind::PublishTapped)
        );
        let e = EventKind::parse_reported("hacked").unwrap_err();
        assert_eq!((e.field.as_str(), e.rule), ("kind", Rule::OneOf));
        assert!(
            EventKind::parse_reported("confirmed").is_err(),
            "confirmation has its own endpoint"
        );
    }

    #[test]
    fn record_status_only_moves_forward_and_published_is_final() {
        use RecordStatus::*;
        assert_eq!(LinkSent.after(EventKind::Opened), Opened);
        assert_eq!(Tapped.after(EventKind::Opened), Tapped);
        assert_eq!(Tapped.after(EventKind::SdkFailed), Failed);
        assert_eq!(
            Failed.after(EventKind::PublishTapped),
            Tapped,
            "a retry after a failure"
        );
        assert_eq!(Published.after(EventKind::SdkFailed), Published);
        assert_eq!(AppOpened.after(EventKind::Confirmed), Published);
    }

    #[test]
    fn account_kinds_and_bounded_text() {
        assert_eq!(parse_account_kind("student"), Ok(AccountKind::Student));
        assert!(parse_account_kind("bot").is_err());
        assert_eq!(
            bounded_text("name", "  三班 ", 50, true),
            Ok("三班".to_owned())
        );
        assert_eq!(
            bounded_text("name", " ", 50, true).unwrap_err().rule,
            Rule::Required
        );
        assert_eq!(
            bounded_text("label", &"x".repeat(51), 50, false)
                .unwrap_err()
                .rule,
            Rule::MaxChars
        );
    }
}
