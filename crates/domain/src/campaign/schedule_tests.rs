use super::*;

fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().to_utc()
}

fn raw(start: &str, end: &str, from: &str, to: &str) -> RawSchedule {
    RawSchedule {
        start_at: Some(at(start)),
        end_at: Some(at(end)),
        daily_window: Some(RawWindow {
            from: Some(from.into()),
            to: Some(to.into()),
        }),
        ..RawSchedule::default()
    }
}

#[test]
fn the_limits_default_to_one_a_day_and_three_hours_apart() {
    let r = raw(
        "2026-12-07T00:00:00Z",
        "2026-12-10T00:00:00Z",
        "09:00",
        "22:00",
    );
    let s = Schedule::parse(&r, chrono_tz::Asia::Shanghai).unwrap();
    assert_eq!((s.per_account_per_day, s.min_gap_minutes), (1, 180));
}

#[test]
fn every_bad_field_is_named_with_its_rule_at_once() {
    let mut r = raw(
        "2026-12-07T00:00:00Z",
        "2026-12-06T00:00:00Z",
        "9h",
        "22:00",
    );
    r.per_account_per_day = Some(0);
    r.min_gap_minutes = Some(-5);
    let e = Schedule::parse(&r, chrono_tz::Asia::Shanghai).unwrap_err();
    let mut named: Vec<_> = e.0.iter().map(|e| (e.field.as_str(), e.rule)).collect();
    named.sort_by_key(|n| n.0);
    assert_eq!(
        named,
        [
            ("schedule.daily_window.from", Rule::WellFormed),
            ("schedule.end_at", Rule::After),
            ("schedule.min_gap_minutes", Rule::Range),
            ("schedule.per_account_per_day", Rule::Range),
        ]
    );
    let e = Schedule::parse(&RawSchedule::default(), chrono_tz::Asia::Shanghai).unwrap_err();
    let named: Vec<_> = e.0.iter().map(|e| (e.field.as_str(), e.rule)).collect();
    assert_eq!(
        named,
        [
            ("schedule.start_at", Rule::Required),
            ("schedule.end_at", Rule::Required),
            ("schedule.daily_window", Rule::Required),
        ]
    );
    let long = raw(
        "2026-01-01T00:00:00Z",
        "2027-01-03T00:00:00Z",
        "09:00",
        "22:00",
    );
    let e = Schedule::parse(&long, chrono_tz::Asia::Shanghai).unwrap_err();
    assert_eq!(
        (e.0[0].field.as_str(), e.0[0].rule),
        ("schedule.end_at", Rule::Range)
    );
}

#[test]
fn intervals_are_the_windows_clipped_to_the_range_including_one_opened_the_day_before() {
    // Starts at 01:00 local, inside the window opened at 22:00 the evening before.
    let r = raw(
        "2026-12-07T01:00:00+08:00",
        "2026-12-08T23:00:00+08:00",
        "22:00",
        "02:00",
    );
    let s = Schedule::parse(&r, chrono_tz::Asia::Shanghai).unwrap();
    let got: Vec<_> = s
        .intervals()
        .iter()
        .map(|(a, b)| (a.to_rfc3339(), b.to_rfc3339()))
        .collect();
    assert_eq!(
        got,
        [
            (
                "2026-12-06T17:00:00+00:00".into(),
                "2026-12-06T18:00:00+00:00".into()
            ),
            (
                "2026-12-07T14:00:00+00:00".into(),
                "2026-12-07T18:00:00+00:00".into()
            ),
            (
                "2026-12-08T14:00:00+00:00".into(),
                "2026-12-08T15:00:00+00:00".into()
            ),
        ] as [(String, String); 3]
    );
    assert!(s.in_window(at("2026-12-08T01:30:00+08:00")));
    assert!(!s.in_window(at("2026-12-08T02:00:00+08:00")));
    assert_eq!(
        s.day_of(at("2026-12-07T16:30:00Z")).to_string(),
        "2026-12-08"
    );
}
