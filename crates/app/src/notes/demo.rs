//! The demo post of the first start: a note with two images this server
//! hosts itself, so it works offline and on a phone on the same network.
use crate::notes::{media, posts};
use crate::{Actor, AppResult, Services};
use xhs_domain::RawPost;
use xhs_media::{sample, Spool};

/// Stores one generated image in the library and returns its URL.
async fn demo_image(s: &Services, name: &str, from: [u8; 3], to: [u8; 3]) -> AppResult<String> {
    let bytes = sample::gradient_jpeg(1080, 1440, from, to);
    let mut spool = Spool::create(s.media.spool_dir(), s.media.limits()).await?;
    spool.write(&bytes).await?;
    let spooled = spool.finish().await?;
    let (item, _) = media::save(s, &Actor::system(), spooled, Some(name.to_owned())).await?;
    Ok(media::url_of(s, &item.storage_key))
}

/// Creates the demo post; its id.
pub async fn create(s: &Services) -> AppResult<i64> {
    let images = vec![
        demo_image(s, "demo-1.jpg", [255, 36, 66], [255, 190, 120]).await?,
        demo_image(s, "demo-2.jpg", [64, 120, 255], [150, 230, 210]).await?,
    ];
    let raw = RawPost {
        post_type: "normal".into(),
        title: "周末城市漫步路线".into(),
        content: "三条适合周末的城市漫步路线，拍照很出片。\n\n#城市漫步 #周末去哪儿 ".into(),
        cover_url: None,
        image_urls: images,
        video_url: None,
    };
    Ok(posts::create(s, &Actor::system(), &raw).await?.id)
}
