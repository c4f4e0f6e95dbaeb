//! The project's vocabulary: every status, kind and rule is an enum, from the
//! database to the OpenAPI document to TypeScript. Strings exist only inside
//! the conversions derived here (`as_ref`/`FromStr`, serde).

/// Derives shared by every vocabulary enum: snake_case on the wire, in the
/// database and in the OpenAPI document alike.
macro_rules! vocabulary {
    ($(#[$m:meta])* $name:ident { $($(#[$vm:meta])* $v:ident),+ $(,)? }) => {
        $(#[$m])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash,
            ::serde::Serialize, ::serde::Deserialize, ::utoipa::ToSchema,
            ::strum::AsRefStr, ::strum::IntoStaticStr, ::strum::EnumString, ::strum::EnumIter,
        )]
        #[serde(rename_all = "snake_case")]
        #[strum(serialize_all = "snake_case")]
        pub enum $name { $($(#[$vm])* $v),+ }

        impl $name {
            /// The snake_case name, as stored and as the API says it.
            pub fn as_str(self) -> &'static str {
                self.into()
            }

            /// Parses a request's value for `field`, naming the allowed
            /// values when it is none of them (an empty value included).
            pub fn parse_field(field: &str, s: &str) -> Result<Self, crate::FieldError> {
                <Self as ::std::str::FromStr>::from_str(s).map_err(|_| {
                    let allowed: Vec<&str> =
                        <Self as ::strum::IntoEnumIterator>::iter().map(Self::as_str).collect();
                    crate::FieldError::new(
                        field,
                        crate::Rule::OneOf,
                        format!("{field} must be one of {}; got '{s}'", allowed.join(", ")),
                    )
                })
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}
pub(crate) use vocabulary;

vocabulary! {
    /// The kinds of XHS accounts a team publishes from.
    AccountKind { Brand, Partner, Test, Student, Owner, Robot }
}

vocabulary! {
    /// Images go into image notes and covers, videos into video notes.
    MediaKind { Image, Video }
}

vocabulary! {
    /// Where a share link stands: `active` serves the note; the others answer 410.
    LinkStatus { Active, Expired, Revoked, PostDeleted }
}

vocabulary! {
    /// The file an export is written as: an Excel workbook, or CSV in UTF-8
    /// with a byte-order mark (so Excel reads its Chinese right).
    ExportFormat { Xlsx, Csv }
}

vocabulary! {
    /// Why a robot account gets no calls now: the provider says it is
    /// disabled (or forbidden), a captcha waits to be solved, or it is offline.
    RobotBlock { Disabled, Captcha, Offline }
}

impl RobotBlock {
    /// The first reason that holds, or None when the robot may be called.
    pub fn of(online: bool, enabled: bool, captcha: bool) -> Option<Self> {
        if !enabled {
            Some(Self::Disabled)
        } else if captcha {
            Some(Self::Captcha)
        } else if !online {
            Some(Self::Offline)
        } else {
            None
        }
    }
}

vocabulary! {
    /// Where a robot task stands. `waiting` holds for a limit of the provider
    /// (until `wait_until`), `paused` for its robot (offline, captcha,
    /// disabled); `unknown` is a send whose answer never came (a crash or a
    /// timeout between `sending` and `accepted`): it is never resent on its own.
    TaskStatus {
        Queued, Waiting, Sending, Accepted, Succeeded, Failed, TimedOut, Paused, Cancelled, Unknown
    }
}

impl TaskStatus {
    /// No further change comes by itself.
    pub fn is_final(self) -> bool {
        matches!(
            self,
            Self::Succeeded | Self::Failed | Self::TimedOut | Self::Cancelled
        )
    }

    /// An operator may send it again (a new request).
    pub fn can_retry(self) -> bool {
        matches!(
            self,
            Self::Failed | Self::TimedOut | Self::Cancelled | Self::Unknown
        )
    }

    /// An operator may cancel it: it has not reached the provider, or
    /// nobody knows whether it did.
    pub fn can_cancel(self) -> bool {
        matches!(
            self,
            Self::Queued | Self::Waiting | Self::Paused | Self::Unknown
        )
    }
}

vocabulary! {
    /// Where a note stands in the approval workflow: `draft` (being written,
    /// or sent back with a comment), `in_review` (submitted), `approved`
    /// (may be linked and dispatched when approval is on). Saving an approved
    /// note sends it back to `draft`.
    ReviewStatus { Draft, InReview, Approved }
}

vocabulary! {
    /// One line of a line diff: kept, added or removed.
    DiffOp { Equal, Insert, Delete }
}

vocabulary! {
    /// The provider's functions, each with its own limits.
    RobotFunction { Login, Publish }
}

vocabulary! {
    /// A pre-flight verdict: errors block publishing, warnings advise.
    Level { Ok, Warning, Error }
}

vocabulary! {
    /// Every rule a field can break or a pre-flight check can report; stable
    /// names a UI translates (with `actual` and `limit` for counting rules).
    Rule {
        /// A value outside a fixed set (type, kind).
        OneOf,
        /// Text longer than its limit (counted in Unicode code points).
        MaxChars,
        /// More `#topics` in the body than XHS takes.
        MaxTopics,
        /// More items (images) than allowed.
        MaxItems,
        /// Fewer items (images) than needed.
        MinItems,
        /// The media a note of its type needs (pre-flight summary).
        MediaCount,
        /// A value that must be present.
        Required,
        /// A referenced row (account) must exist.
        Exists,
        /// An instant that must lie in the future.
        Future,
        /// A number outside its range.
        Range,
        /// A malformed value (JSON, cursor, path or query parameter).
        WellFormed,
        /// Not the link of a published XHS note.
        XhsNoteUrl,
        /// Not an absolute http(s) URL.
        AbsoluteHttpUrl,
        /// Advice: a note does better with a title.
        NotEmpty,
        /// Advice: many tools take at most 9 images.
        SoftMaxItems,
        /// Advice: a video note should have a cover.
        CoverRecommended,
        /// Advice: a phone cannot load a local or private address.
        ReachableFromPhone,
        /// Advice: prefer https.
        Https,
        /// Advice: XHS crops images far from 3:4.
        AspectRatio,
        /// Advice: narrower than 1080 px looks soft.
        MinWidth,
        /// A media format the platform does not take (Douyin: png/jpg, mp4/mov).
        MediaFormat,
        /// A control character (NUL and the like) that text may not hold:
        /// the databases refuse NUL, and logs and pages misread the rest.
        ControlCharacter,
        /// An instant that must come after another (a campaign's end after its start).
        After,
        /// An instant outside a campaign's daily window.
        DailyWindow,
        /// More notes for one account on one day than the schedule allows.
        DayLimit,
        /// Two notes of one account closer than the schedule's minimum gap.
        MinGap,
        /// A value another row already has (a group's name).
        Unique,
        /// A media URL that could not be downloaded into the library (an
        /// import with `fetch_media=true`): the message says why.
        Fetchable,
    }
}

vocabulary! {
    /// Who may do what, least first: each role includes the ones before it.
    /// `viewer` reads everything and writes nothing; `operator` writes posts,
    /// media, links, accounts, robots and dispatch; `reviewer` is an operator
    /// who may also approve; `admin` also manages users, tokens and the audit
    /// log.
    #[derive(PartialOrd, Ord)]
    Role { Viewer, Operator, Reviewer, Admin }
}

impl Role {
    /// True when this role may do what `other` may (`admin` includes all).
    pub fn includes(self, other: Role) -> bool {
        self >= other
    }
}

vocabulary! {
    /// Who acted: a logged-in user, an API token, nobody known (a failed
    /// login names the username tried), or the robot provider (its callbacks
    /// and pushed events, proven by the Merchant-Token), or the server itself
    /// (the first start's demo note, scheduled robot syncs).
    ActorKind { User, Token, Anonymous, Provider, System }
}

vocabulary! {
    /// What an audit entry records: each use case names its own (`link` is
    /// a share link made for a note, `sync` a robot sync).
    AuditAction {
        Login, LoginFailed, Logout, Create, Update, Delete, Submit, Approve,
        RequestChanges, Restore, Link, Revoke, Dispatch, Confirm, Retry, Cancel, Sync,
        /// A campaign's assignments placed (again) at their instants.
        Plan,
        /// A campaign's links and robot tasks made.
        Launch,
        Pause,
        Resume,
        RotateSecret, Test, Redeliver
    }
}

vocabulary! {
    /// What an audit entry is about.
    AuditTarget { Post, Link, Account, Media, User, Token, Robot, Task, Record, Group, Campaign, Webhook }
}

vocabulary! {
    /// Where one event's delivery to one endpoint stands: `pending` until a
    /// 2xx answer (`succeeded`) or the retry schedule runs out (`failed`).
    WebhookDeliveryStatus { Pending, Succeeded, Failed }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;
    use strum::IntoEnumIterator;

    #[test]
    fn names_round_trip_through_their_strings_and_serde() {
        for r in Rule::iter() {
            assert_eq!(Rule::from_str(r.as_str()), Ok(r));
            assert_eq!(
                serde_json::to_value(r).unwrap(),
                serde_json::json!(r.as_str())
            );
        }
        assert_eq!(LinkStatus::PostDeleted.as_str(), "post_deleted");
        assert_eq!(Rule::XhsNoteUrl.as_str(), "xhs_note_url");
        assert!(AccountKind::from_str("bot").is_err());
        assert_eq!(ReviewStatus::InReview.as_str(), "in_review");
        assert_eq!(
            ReviewStatus::from_str("approved"),
            Ok(ReviewStatus::Approved)
        );
        assert_eq!(AuditAction::RequestChanges.as_str(), "request_changes");
    }

    #[test]
    fn a_field_value_outside_the_vocabulary_names_the_field_and_the_choices() {
        assert_eq!(
            ReviewStatus::parse_field("review_status", "in_review"),
            Ok(ReviewStatus::InReview)
        );
        for bad in ["", " ", "In_Review", "queued"] {
            let e = ReviewStatus::parse_field("review_status", bad).unwrap_err();
            assert_eq!(e.field, "review_status");
            assert_eq!(e.rule, Rule::OneOf);
            assert!(
                e.message.contains("draft, in_review, approved"),
                "{}",
                e.message
            );
        }
    }

    #[test]
    fn each_role_includes_the_ones_before_it_and_no_later_one() {
        let roles: Vec<Role> = Role::iter().collect();
        assert_eq!(
            roles,
            [Role::Viewer, Role::Operator, Role::Reviewer, Role::Admin]
        );
        for (i, a) in roles.iter().enumerate() {
            for (j, b) in roles.iter().enumerate() {
                assert_eq!(a.includes(*b), i >= j, "{a} includes {b}?");
            }
        }
    }
}
