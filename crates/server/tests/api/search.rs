//! The notes' search (`GET /api/posts?q=`) through each backend's substring
//! index (SQLite FTS5 trigram, PostgreSQL pg_trgm, MariaDB a scan): the rows
//! are always those whose title or content contains `q`, literally and ASCII
//! case-insensitively, newest first, page after page.
use crate::helpers::{migrate_down_through, spawn_app, valid_post, TestApp};
use sea_orm::DatabaseBackend;
use serde_json::{json, Value};
use xhs_persistence::ConnectionTrait;

/// A stored note: what the server answered on create (or edit).
#[derive(Clone)]
struct Note {
    id: i64,
    title: String,
    content: String,
}

fn body(title: &str, content: &str) -> Value {
    let mut b = valid_post();
    b["title"] = json!(title);
    b["content"] = json!(content);
    b
}

async fn note(app: &TestApp, title: &str, content: &str) -> Note {
    stored(&app.create_post(&body(title, content)).await)
}

fn stored(v: &Value) -> Note {
    Note {
        id: v["id"].as_i64().unwrap(),
        title: v["title"].as_str().unwrap().to_owned(),
        content: v["content"].as_str().unwrap().to_owned(),
    }
}

fn encode(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

/// Every page of the search, `per_page` at a time; the ids in answer order.
async fn search_pages(app: &TestApp, q: &str, extra: &str, per_page: u32) -> Vec<i64> {
    let mut ids = Vec::new();
    let mut cursor = String::new();
    loop {
        let path = format!("/api/posts?limit={per_page}&q={}{extra}{cursor}", encode(q));
        let res = app.get(&path).await;
        assert_eq!(res.status(), 200, "{path}");
        let page: Value = res.json().await.unwrap();
        ids.extend(
            page["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| p["id"].as_i64().unwrap()),
        );
        match page["next_cursor"].as_str() {
            Some(c) => cursor = format!("&cursor={c}"),
            None => return ids,
        }
    }
}

async fn search(app: &TestApp, q: &str) -> Vec<i64> {
    search_pages(app, q, "", 2).await
}

/// What `LIKE '%q%'` on title or content answers: the oracle.
fn containing(notes: &[Note], q: &str) -> Vec<i64> {
    let q = q.trim().to_ascii_lowercase();
    let mut ids: Vec<i64> = notes
        .iter()
        .filter(|n| {
            n.title.to_ascii_lowercase().contains(&q) || n.content.to_ascii_lowercase().contains(&q)
        })
        .map(|n| n.id)
        .collect();
    ids.sort_unstable_by(|a, b| b.cmp(a));
    ids
}

#[tokio::test]
async fn a_chinese_word_is_found_inside_a_sentence_without_spaces() {
    let app = spawn_app().await;
    let hit = note(&app, "今日分享", "我在小红书发笔记").await;
    let in_title = note(&app, "小红书运营心得", "三条经验").await;
    note(&app, "周末去哪儿", "小红花和书店").await;

    assert_eq!(search(&app, "小红书").await, vec![in_title.id, hit.id]);
    assert_eq!(search(&app, "在小红书发笔").await, vec![hit.id]);
    // Shorter than a trigram: answered by the scan, the same way.
    assert_eq!(search(&app, "红书").await, vec![in_title.id, hit.id]);
    assert_eq!(search(&app, "笔").await, vec![hit.id]);
}

#[tokio::test]
async fn search_answers_exactly_what_a_substring_match_answers_page_after_page() {
    let app = spawn_app().await;
    let mut notes = Vec::new();
    for (title, content) in [
        ("咖啡笔记 1", "城市漫步和咖啡的一天"),
        ("露营", "打折 100% 真的"),
        ("露营 2", "打折 1000 真的"),
        ("a_b 型", "下划线"),
        ("axb 型", "不是下划线"),
        ("路径", r"C:\notes\小红书"),
        ("引号", r#"她说 "小红书" 好用"#),
        ("星号", "foo* 和 foo"),
        ("括号", "(猫) 与 狗"),
        ("运算符", "猫 AND 狗 OR 鱼 NOT 鸟"),
        ("运算符 2", "猫和狗和鱼"),
        ("邻近", "NEAR(猫 狗) 与 title:猫"),
        ("英文", "Hello XHS World"),
        ("咖啡笔记 2", "咖啡和读书"),
        ("咖啡笔记 3", "第 3 篇：城市漫步和咖啡"),
    ] {
        notes.push(note(&app, title, content).await);
    }

    for q in [
        "咖啡",
        "城市漫步和咖啡",
        "100%",
        "%",
        "_",
        "a_b",
        r"\notes\",
        r"\",
        r#""小红书""#,
        "\"",
        "foo*",
        "(猫)",
        "猫 AND 狗",
        "AND",
        "OR 鱼 NOT",
        "NEAR(猫 狗)",
        "NEAR",
        "title:猫",
        "^猫",
        "不存在的词",
        "hello xhs",
        "HELLO",
        "xh",
    ] {
        assert_eq!(search(&app, q).await, containing(&notes, q), "q={q}");
    }
}

#[tokio::test]
async fn search_ignores_the_case_of_ascii_letters_on_every_backend() {
    let app = spawn_app().await;
    let hit = note(&app, "英文", "Hello XHS World").await;
    note(&app, "其他", "hello there").await;

    for q in ["xhs", "XHS", "xHs world", "hello xhs WORLD", "Xh"] {
        assert_eq!(search(&app, q).await, vec![hit.id], "q={q}");
    }
}

#[tokio::test]
async fn deleted_notes_never_appear_in_a_search() {
    let app = spawn_app().await;
    let kept = note(&app, "留下", "我在小红书发笔记").await;
    let gone = note(&app, "删掉", "我在小红书发笔记").await;
    app.delete(&format!("/api/posts/{}", gone.id)).await;

    assert_eq!(search(&app, "小红书").await, vec![kept.id]);
    assert_eq!(search(&app, "红书").await, vec![kept.id]);
    assert_index_matches_notes(&app).await;
}

#[tokio::test]
async fn an_edited_note_is_found_by_its_new_text_and_not_its_old() {
    let app = spawn_app().await;
    let n = note(&app, "旧标题", "露营装备清单").await;
    let mut edit = body("新标题", "城市漫步路线");
    edit["version"] = json!(1);
    let res = app.put_json(&format!("/api/posts/{}", n.id), &edit).await;
    assert_eq!(res.status(), 200);

    assert_eq!(search(&app, "城市漫步").await, vec![n.id]);
    assert_eq!(search(&app, "新标题").await, vec![n.id]);
    assert!(search(&app, "露营装备").await.is_empty());
    assert!(search(&app, "旧标题").await.is_empty());
    assert_index_matches_notes(&app).await;
}

/// On SQLite, FTS5's own check that the index holds exactly what `x_post`
/// holds (the triggers kept it in step). Elsewhere the index is the database's.
async fn assert_index_matches_notes(app: &TestApp) {
    if app.db.get_database_backend() == DatabaseBackend::Sqlite {
        app.db
            .execute_unprepared(
                "INSERT INTO x_post_fts(x_post_fts, rank) VALUES ('integrity-check', 1)",
            )
            .await
            .unwrap();
    }
}

#[tokio::test]
async fn search_combines_with_the_type_and_review_filters() {
    let app = spawn_app().await;
    let image = note(&app, "图文", "我在小红书发笔记").await;
    let mut video = body("视频", "我在小红书拍视频");
    video["type"] = json!("video");
    video["image_urls"] = json!([]);
    video["video_url"] = json!("https://video.example.com/1.mp4");
    video["cover_url"] = json!("https://img.example.com/cover.jpg");
    let video = stored(&app.create_post(&video).await);

    assert_eq!(
        search_pages(&app, "小红书", "&type=video", 5).await,
        vec![video.id]
    );
    assert_eq!(
        search_pages(&app, "小红书", "&type=normal&review_status=draft", 5).await,
        vec![image.id]
    );
    assert!(search_pages(&app, "小红书", "&review_status=approved", 5)
        .await
        .is_empty());
}

#[tokio::test]
async fn notes_written_before_the_search_migration_are_found_after_it() {
    let app = spawn_app().await;
    // Back to the schema before migration 19, notes written there, then up.
    migrate_down_through(&app.db, "m20261125_000019_add_post_search").await;
    let fields = xhs_persistence::posts::PostFields {
        post_type: xhs_domain::PostType::Normal,
        title: "旧笔记".into(),
        content: "我在小红书发笔记".into(),
        cover_url: None,
        image_urls: vec!["https://img.example.com/1.jpg".into()],
        video_url: None,
    };
    let old = xhs_persistence::posts::create(&app.db, &fields)
        .await
        .unwrap();
    xhs_persistence::migrate(&app.db).await.unwrap();

    assert_eq!(search(&app, "小红书").await, vec![old.id]);
    assert_eq!(search(&app, "旧笔记").await, vec![old.id]);
}
