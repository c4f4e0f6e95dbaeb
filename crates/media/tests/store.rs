//! Both storage backends through the one `MediaStore` interface: the local
//! directory, and S3 against a real S3-compatible server (moto) started here.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use futures_util::TryStreamExt;
use xhs_fakes::Moto;
use xhs_media::{sample, Limits, MediaStore, S3Config, Spool, StorageKey, StoreConfig};

/// A video larger than one 8 MiB multipart part, so S3 gets several parts.
fn big_video() -> Vec<u8> {
    sample::mp4(1080, 1920, 9 * 1024 * 1024 + 123)
}

async fn read(
    store: &MediaStore,
    key: &StorageKey,
    range: Option<std::ops::Range<u64>>,
) -> Vec<u8> {
    let got = store.get(key, range).await.unwrap();
    let chunks: Vec<_> = got.body.try_collect().await.unwrap();
    chunks.concat()
}

/// Spools `bytes` in 64 KiB chunks, stores them, then reads, ranges and deletes.
async fn exercise(store: &MediaStore) {
    let bytes = big_video();
    let mut spool = Spool::create(store.spool_dir(), store.limits())
        .await
        .unwrap();
    for chunk in bytes.chunks(64 * 1024) {
        spool.write(chunk).await.unwrap();
    }
    let spooled = spool.finish().await.unwrap();
    assert_eq!(spooled.size, bytes.len() as u64);
    assert_eq!(spooled.sniffed.mime, "video/mp4");
    let key = StorageKey::original(&spooled.sha256, spooled.sniffed.ext).unwrap();
    store.put_file(&key, spooled.path).await.unwrap();

    let info = store.head(&key).await.unwrap().expect("stored");
    assert_eq!(info.size, bytes.len() as u64);
    assert_eq!(read(store, &key, None).await, bytes);
    let part = read(store, &key, Some(1000..5000)).await;
    assert_eq!(part, &bytes[1000..5000]);
    let tail_start = bytes.len() as u64 - 10;
    let tail = store.get(&key, Some(tail_start..u64::MAX)).await.unwrap();
    assert_eq!(
        (tail.range.start, tail.range.end),
        (tail_start, bytes.len() as u64)
    );

    let thumb = StorageKey::thumbnail(&spooled.sha256).unwrap();
    store.put_bytes(&thumb, b"tiny".to_vec()).await.unwrap();
    assert_eq!(read(store, &thumb, None).await, b"tiny");

    store.delete(&key).await.unwrap();
    store.delete(&thumb).await.unwrap();
    assert_eq!(store.head(&key).await.unwrap(), None);
    // Deleting what is gone is not an error.
    store.delete(&key).await.unwrap();
}

#[tokio::test]
async fn the_local_backend_stores_under_the_hash_and_leaves_no_temp_file() {
    let dir = tempfile::tempdir().unwrap();
    let store = MediaStore::open(
        &StoreConfig::Local {
            dir: dir.path().join("media"),
        },
        Limits::default(),
    )
    .unwrap();
    exercise(&store).await;
    let leftovers = std::fs::read_dir(store.spool_dir()).unwrap().count();
    assert_eq!(leftovers, 0, "the spool area is empty after storing");
}

#[tokio::test]
async fn the_s3_backend_stores_reads_ranges_and_deletes_against_a_real_s3_server() {
    let moto = Moto::start();
    moto.create_bucket("xhs-media");
    let spool = tempfile::tempdir().unwrap();
    let config = StoreConfig::S3 {
        s3: S3Config {
            bucket: "xhs-media".into(),
            endpoint: Some(moto.endpoint()),
            region: "us-east-1".into(),
            access_key_id: "test-key-id".into(),
            secret_access_key: "test-secret-not-logged".into(),
            allow_http: true,
            virtual_hosted_style: false,
        },
        spool_dir: spool.path().to_owned(),
    };
    assert!(!format!("{config:?}").contains("test-secret-not-logged"));
    let store = MediaStore::open(&config, Limits::default()).unwrap();
    exercise(&store).await;
    assert_eq!(std::fs::read_dir(spool.path()).unwrap().count(), 0);
}
