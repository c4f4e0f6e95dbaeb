//! What the campaign and export benchmarks share: a server on SQLite with no
//! frontend or demo, a number of notes and accounts, and a campaign of every
//! account × every note over ten days (two a day, three hours apart).
use chrono::{Duration, Utc};
use xhs_app::campaigns::{self, RawAudience, RawCampaign};
use xhs_app::{Actor, Services};
use xhs_domain::campaign::{Pairing, RawSchedule, RawWindow};
use xhs_domain::{AccountKind, RawPost};
use xhs_persistence::accounts::{self, AccountFields};
use xhs_server::{Application, Settings};

/// A server on SQLite at `db` (a file in the temp directory when None). Keep
/// the directory as long as the server.
pub async fn bench_app(db: Option<String>) -> (tempfile::TempDir, Application) {
    let dir = tempfile::tempdir().unwrap();
    let mut settings = Settings::load(None).unwrap();
    settings.server.port = 0;
    settings.server.demo_post = false;
    settings.server.static_dir = dir.path().join("no-frontend");
    settings.media.dir = dir.path().join("media");
    let db = db.unwrap_or_else(|| format!("{}/bench.db", dir.path().display()));
    settings.database.url = format!("sqlite://{db}?mode=rwc");
    // Set, so the first start prints no generated password.
    settings.auth.admin_password = Some(secrecy::SecretString::from("bench-only-password"));
    let app = Application::build(settings).await.unwrap();
    (dir, app)
}

/// `n` notes titled `第{i}篇…`; their ids.
pub async fn notes(s: &Services, n: usize, title: &str) -> Vec<i64> {
    let mut ids = Vec::new();
    for i in 0..n {
        let raw = RawPost {
            post_type: "normal".into(),
            title: format!("第{i}篇{title}"),
            content: "三条路线 #城市漫步 ".into(),
            image_urls: vec!["https://img.example.com/1.jpg".into()],
            cover_url: None,
            video_url: None,
        };
        let post = xhs_app::notes::posts::create(s, &Actor::system(), &raw).await;
        ids.push(post.unwrap().id);
    }
    ids
}

/// `n` accounts named `{prefix}{i:04}` of one kind; their ids.
pub async fn accounts(s: &Services, n: usize, prefix: &str, kind: AccountKind) -> Vec<i64> {
    let mut ids = Vec::new();
    for i in 0..n {
        let f = AccountFields {
            name: format!("{prefix}{i:04}"),
            nickname: None,
            kind,
            notes: None,
            xhs_id: None,
        };
        ids.push(accounts::create(&s.db, &f).await.unwrap().id);
    }
    ids
}

/// A campaign (not planned yet) of every account × every note from tomorrow
/// on; its id.
pub async fn campaign(s: &Services, name: &str, post_ids: Vec<i64>, account_ids: Vec<i64>) -> i64 {
    let start = Utc::now() + Duration::days(1);
    let raw = RawCampaign {
        name: Some(name.into()),
        post_ids: Some(post_ids),
        audience: Some(RawAudience {
            account_ids: Some(account_ids),
            group_ids: None,
        }),
        pairing: Some(Pairing::EachAccountEveryPost),
        platforms: None,
        link_expires_at: None,
        schedule: Some(RawSchedule {
            start_at: Some(start),
            end_at: Some(start + Duration::days(10)),
            daily_window: Some(RawWindow {
                from: Some("09:00".into()),
                to: Some("22:00".into()),
            }),
            per_account_per_day: Some(2),
            min_gap_minutes: Some(180),
        }),
    };
    let created = campaigns::create(s, &Actor::system(), &raw).await.unwrap();
    created.campaign.id
}
