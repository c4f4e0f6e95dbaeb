//! Groups of accounts (班级, 分组): reading is for viewers, writing for operators.
pub mod add_members;
pub mod create;
pub mod delete;
pub mod get;
pub mod list;
pub mod remove_member;
pub mod update;
