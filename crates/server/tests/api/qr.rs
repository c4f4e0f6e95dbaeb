use crate::helpers::spawn_app;
use crate::share::post_with_link;
use serde_json::json;

#[tokio::test]
async fn a_links_qr_code_is_served_as_svg_with_the_title_and_as_png() {
    let app = spawn_app().await;
    let (_, link) = post_with_link(&app, json!({"label": "<三班>"})).await;
    let svg = app.get(&format!("/api/links/{}/qr.svg", link["id"])).await;
    assert_eq!(svg.headers()["content-type"], "image/svg+xml");
    let svg = svg.text().await.unwrap();
    assert!(svg.starts_with("<?xml") && svg.contains("<svg") && svg.contains("周末去哪儿"));
    assert!(svg.contains("&lt;三班&gt;"), "the label is escaped");
    let png = app.get(&format!("/api/links/{}/qr.png", link["id"])).await;
    assert_eq!(png.headers()["content-type"], "image/png");
    let bytes = png.bytes().await.unwrap();
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
    let img = image::load_from_memory(&bytes).unwrap();
    assert!(img.width() >= 480);
}
