//! Refusing a request whose body is still arriving.
//!
//! actix-http drains a chunked request body that the handler dropped unread:
//! after an early 413 it went on reading (and discarding) the whole upload,
//! 64 MiB of a 64 MiB refusal, so the client's bytes were all taken anyway.
//! Keeping the unread payload alive until the answer is written makes
//! actix-http close the connection after the answer instead (it lingers at
//! most `client_disconnect_timeout` for the client to read it).
use actix_web::body::{BodySize, BoxBody, MessageBody};
use actix_web::web::Bytes;
use actix_web::HttpResponse;
use std::pin::Pin;
use std::task::{Context, Poll};

/// The answer's body, holding what must outlive it.
struct Holding<T> {
    body: BoxBody,
    _held: T,
}

impl<T: Unpin> MessageBody for Holding<T> {
    type Error = Box<dyn std::error::Error>;

    fn size(&self) -> BodySize {
        self.body.size()
    }

    fn poll_next(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Bytes, Self::Error>>> {
        Pin::new(&mut self.get_mut().body).poll_next(cx)
    }
}

/// `err` as an answer after which the connection closes: the request's
/// unread body (`held`, e.g. the multipart stream) is never read to its end.
pub fn refuse_unread(err: impl Into<actix_web::Error>, held: impl Unpin + 'static) -> HttpResponse {
    HttpResponse::from_error(err).map_body(|_, body| BoxBody::new(Holding { body, _held: held }))
}
