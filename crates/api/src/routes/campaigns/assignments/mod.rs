//! A campaign's assignments: the list, and moving one.
pub mod list;
pub mod update;
