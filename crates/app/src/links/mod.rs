//! Share links: the operator's side (create, list, revoke), the public side a
//! phone reaches by token (page, payload, events, confirm), the cache of
//! resolved links, and the hand-off to each platform (XHS's signed payload,
//! Douyin's schema, Weibo's URL, copy kits) with the stored tokens they sign with.
pub mod cache;
pub mod handoff;
pub mod manage;
pub mod people;
pub mod public;
pub mod qr_sheet;
