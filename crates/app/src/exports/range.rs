//! The days a statistics export covers: `from` and `to` as `YYYY-MM-DD`,
//! both required, `from` not after `to`, at most [`MAX_DAYS`] days.
use chrono::NaiveDate;
use xhs_domain::{FieldError, Rule, ValidationErrors};

/// The longest range one export covers (a leap year).
pub const MAX_DAYS: i64 = 366;

/// Days from `from` to `to`, both included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayRange {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

fn day(field: &str, v: Option<&str>) -> Result<NaiveDate, FieldError> {
    let Some(v) = v else {
        return Err(FieldError::new(
            field,
            Rule::Required,
            format!("{field} is required (YYYY-MM-DD)"),
        ));
    };
    NaiveDate::parse_from_str(v, "%Y-%m-%d").map_err(|_| {
        let shown: String = v.chars().take(20).collect();
        FieldError::new(
            field,
            Rule::WellFormed,
            format!("{field} must be a date as YYYY-MM-DD; got '{shown}'"),
        )
    })
}

impl DayRange {
    /// The range, its problems added to `errs`.
    pub fn parse(
        from: Option<&str>,
        to: Option<&str>,
        errs: &mut ValidationErrors,
    ) -> Option<Self> {
        let from = errs.take(day("from", from));
        let to = errs.take(day("to", to));
        let (from, to) = (from?, to?);
        if from > to {
            errs.push(FieldError::new(
                "to",
                Rule::Range,
                "to must not lie before from",
            ));
            return None;
        }
        let days = (to - from).num_days() + 1;
        if days > MAX_DAYS {
            errs.push(
                FieldError::new(
                    "to",
                    Rule::Range,
                    format!("one export covers at most {MAX_DAYS} days; got {days}"),
                )
                .counts(
                    usize::try_from(days).unwrap_or(usize::MAX),
                    MAX_DAYS as usize,
                ),
            );
            return None;
        }
        Some(Self { from, to })
    }

    /// Every day of the range, oldest first.
    pub fn days(self) -> impl Iterator<Item = NaiveDate> {
        self.from.iter_days().take_while(move |d| *d <= self.to)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(from: Option<&str>, to: Option<&str>) -> Result<DayRange, Vec<(String, Rule)>> {
        let mut errs = ValidationErrors::default();
        DayRange::parse(from, to, &mut errs)
            .ok_or_else(|| errs.0.into_iter().map(|e| (e.field, e.rule)).collect())
    }

    #[test]
    fn a_range_names_the_field_and_rule_it_breaks() {
        let broke = |field: &str, rule| vec![(field.to_owned(), rule)];
        assert_eq!(
            parse(None, Some("2026-01-01")).unwrap_err(),
            broke("from", Rule::Required)
        );
        assert_eq!(
            parse(Some("2026-1-x"), Some("2026-01-01")).unwrap_err(),
            broke("from", Rule::WellFormed)
        );
        assert_eq!(
            parse(Some("2026-02-01"), Some("2026-01-01")).unwrap_err(),
            broke("to", Rule::Range)
        );
        assert_eq!(
            parse(Some("2025-01-01"), Some("2026-01-02")).unwrap_err(),
            broke("to", Rule::Range)
        );
    }

    #[test]
    fn a_range_of_a_leap_year_is_taken_and_lists_every_day() {
        let r = parse(Some("2024-01-01"), Some("2024-12-31")).unwrap();
        assert_eq!(r.days().count(), 366);
        let one = parse(Some("2026-03-01"), Some("2026-03-01")).unwrap();
        assert_eq!(one.days().collect::<Vec<_>>(), [one.from]);
    }
}
