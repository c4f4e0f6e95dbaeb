//! One note to many robots: a task per robot, staggered over a window.
use crate::fleet::robots::client;
use crate::fleet::tasks::uuid_like;
use crate::notes::posts;
use crate::{Actor, AppResult, Change, Services};
use chrono::{DateTime, Duration, Utc};
use rand::Rng;
use xhs_domain::{AuditAction, AuditTarget};

use std::collections::HashSet;
use xhs_domain::{FieldError, PostDraft, RobotFunction, Rule, ValidationErrors};
use xhs_persistence::tasks::{self as store, NewTask};
use xhs_persistence::{records, robots, Task};

/// At most this many robots in one dispatch.
pub const MAX_ROBOTS: usize = 500;
/// The longest window a dispatch may be spread over (a day).
pub const MAX_SPREAD_MINUTES: u32 = 24 * 60;

/// A dispatch, before validation.
#[derive(Debug, Clone, Default)]
pub struct DispatchInput {
    /// Our ids of robot accounts.
    pub robot_ids: Vec<i64>,
    /// Not before this instant (now when absent).
    pub not_before: Option<DateTime<Utc>>,
    /// Spread the sends over this many minutes, with jitter.
    pub spread_minutes: Option<u32>,
}

/// When each of `n` sends is due: evenly over the window, each moved by up
/// to half a slot at random, so accounts do not post in lockstep.
pub fn schedule(start: DateTime<Utc>, n: usize, spread_minutes: u32) -> Vec<DateTime<Utc>> {
    if n == 0 {
        return Vec::new();
    }
    let window = i64::from(spread_minutes) * 60_000;
    let slot = window / n as i64;
    let mut rng = rand::thread_rng();
    (0..n as i64)
        .map(|i| {
            let jitter = if slot > 1 {
                rng.gen_range(0..slot / 2 + 1)
            } else {
                0
            };
            start + Duration::milliseconds(i * slot + jitter)
        })
        .collect()
}

/// Creates one task per robot (each also the publish record of the post and
/// that account), all in one transaction.
pub async fn dispatch(
    s: &Services,
    actor: &Actor,
    post_id: i64,
    input: DispatchInput,
) -> AppResult<Vec<Task>> {
    client(s)?;
    let post = posts::get(s, post_id).await?;
    crate::notes::review::ensure_approved(s, &post)?;
    PostDraft::parse(&posts::raw(&post))?;
    let mut errs = ValidationErrors::default();
    if input.robot_ids.is_empty() || input.robot_ids.len() > MAX_ROBOTS {
        errs.push(
            FieldError::new(
                "robot_ids",
                Rule::Range,
                format!("robot_ids must list 1 to {MAX_ROBOTS} robots"),
            )
            .counts(input.robot_ids.len(), MAX_ROBOTS),
        );
    }
    let known: HashSet<i64> = robots::existing(&s.db, &input.robot_ids)
        .await?
        .into_iter()
        .collect();
    let mut seen = HashSet::new();
    for (i, id) in input.robot_ids.iter().enumerate() {
        let field = format!("robot_ids[{i}]");
        if !seen.insert(*id) {
            errs.push(FieldError::new(
                field,
                Rule::OneOf,
                format!("robot {id} is listed twice"),
            ));
        } else if !known.contains(id) {
            errs.push(FieldError::new(
                field,
                Rule::Exists,
                format!("no robot {id}"),
            ));
        }
    }
    let spread = input.spread_minutes.unwrap_or(0);
    if spread > MAX_SPREAD_MINUTES {
        errs.push(
            FieldError::new(
                "spread_minutes",
                Rule::Range,
                format!("spread_minutes must be 0 to {MAX_SPREAD_MINUTES}"),
            )
            .counts(spread as usize, MAX_SPREAD_MINUTES as usize),
        );
    }
    if let Some(t) = input.not_before {
        // The last task lands up to `spread` later: that instant must be storable too.
        let last = t.checked_add_signed(Duration::minutes(i64::from(spread)));
        match last {
            Some(last) => {
                errs.take(xhs_domain::check_instant("not_before", &last));
            }
            None => errs.push(FieldError::new(
                "not_before",
                Rule::Range,
                "not_before must lie between the years 1970 and 9999",
            )),
        }
    }
    let now = Utc::now();
    if input
        .not_before
        .is_some_and(|t| t < now - Duration::minutes(5))
    {
        errs.push(FieldError::new(
            "not_before",
            Rule::Future,
            "not_before lies in the past",
        ));
    }
    if !errs.is_empty() {
        return Err(errs.into());
    }
    let start = input.not_before.map_or(now, |t| t.max(now));
    let due = schedule(start, input.robot_ids.len(), spread);
    let txn = s.write(actor).await?;
    let mut tasks = Vec::with_capacity(due.len());
    for (robot_id, at) in input.robot_ids.iter().zip(due) {
        tasks.push(
            store::create(
                &*txn,
                &NewTask {
                    post_id: post.id,
                    robot_id: *robot_id,
                    function: RobotFunction::Publish,
                    request_id: uuid_like(),
                    not_before: at.naive_utc(),
                    variant_id: None,
                },
            )
            .await?,
        );
        records::ensure(&*txn, post.id, *robot_id, None).await?;
    }
    let change = Change::new(AuditAction::Dispatch, AuditTarget::Post, post.id);
    txn.commit(change.detail(format!("{} robot tasks", tasks.len())))
        .await?;
    Ok(tasks)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sends_are_spread_over_the_window_in_order_with_jitter_inside_their_slot() {
        let start = Utc::now();
        let due = schedule(start, 20, 10);
        assert_eq!(due.len(), 20);
        for (i, t) in due.iter().enumerate() {
            let off = (*t - start).num_milliseconds();
            assert!(
                off >= i as i64 * 30_000 && off <= i as i64 * 30_000 + 15_000,
                "{i}: {off}"
            );
        }
        assert!(schedule(start, 3, 0).iter().all(|t| *t == start));
    }
}
