use crate::helpers::spawn_app;
use calamine::{Data, Reader, Xlsx};
use std::io::Cursor;

async fn template(path: &str) -> Xlsx<Cursor<Vec<u8>>> {
    let app = spawn_app().await;
    let res = app.get(path).await;
    assert_eq!(res.status(), 200);
    assert_eq!(
        res.headers()["content-type"],
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    );
    let bytes = res.bytes().await.unwrap().to_vec();
    Xlsx::new(Cursor::new(bytes)).unwrap()
}

fn first_row(book: &mut Xlsx<Cursor<Vec<u8>>>, sheet: usize) -> Vec<String> {
    let name = book.sheet_names()[sheet].clone();
    let range = book.worksheet_range(&name).unwrap();
    range
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(Data::to_string)
        .collect()
}

#[tokio::test]
async fn the_notes_template_has_the_headers_an_example_and_the_rules() {
    let mut book = template("/api/imports/posts/template.xlsx").await;
    assert_eq!(
        first_row(&mut book, 0),
        ["标题", "正文", "类型", "图片", "封面", "视频", "变体", "分组"]
    );
    assert_eq!(book.sheet_names()[1], "说明");
    let help = book.worksheet_range("说明").unwrap();
    let text: Vec<String> = help
        .rows()
        .filter_map(|r| r.get(1).map(Data::to_string))
        .collect();
    assert!(text.iter().any(|t| t.contains("最多 20 个字")), "{text:?}");
}

#[tokio::test]
async fn the_roster_template_reads_back_and_imports_as_it_is() {
    let mut book = template("/api/imports/accounts/template.xlsx").await;
    assert_eq!(
        first_row(&mut book, 0),
        ["名称", "类型", "分组", "小红书号", "备注"]
    );
    let example = book.worksheet_range("账号").unwrap();
    assert_eq!(example.rows().nth(1).unwrap()[0].to_string(), "张三");
}
