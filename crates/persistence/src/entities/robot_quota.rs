use sea_orm::entity::prelude::*;

/// Calls of one robot: per function and day (`calls`), over all functions per
/// day (function `all`), and the last call per function (day `-`).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "robot_quota")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub robot_id: i64,
    #[sea_orm(primary_key, auto_increment = false)]
    pub function: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub day: String,
    pub calls: i32,
    pub last_call_at: Option<DateTime>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
