//! The Chinese words an export writes for a status, as the console says them
//! (`frontend/src/console/i18n/areas/`).
use xhs_domain::campaign::{AssignmentStatus, Channel};
use xhs_domain::LinkStatus;

pub(crate) fn assignment(s: AssignmentStatus) -> &'static str {
    match s {
        AssignmentStatus::Planned => "已排期",
        AssignmentStatus::Scheduled => "待开放",
        AssignmentStatus::Open => "已开放",
        AssignmentStatus::Opened => "已打开",
        AssignmentStatus::Tapped => "已点发布",
        AssignmentStatus::Published => "已发布",
        AssignmentStatus::Failed => "失败",
        AssignmentStatus::Cancelled => "已取消",
    }
}

pub(crate) fn channel(c: Channel) -> &'static str {
    match c {
        Channel::Link => "分享链接",
        Channel::Robot => "机器人",
    }
}

pub(crate) fn link(s: LinkStatus) -> &'static str {
    match s {
        LinkStatus::Active => "有效",
        LinkStatus::Expired => "已过期",
        LinkStatus::Revoked => "已撤销",
        LinkStatus::PostDeleted => "笔记已删除",
    }
}
