"""An integrator's scenario through the generated client (see run.sh).

Every call must come back as the type the document promises for it: a
Problem, an unparsed body or an undocumented status fails the scenario.
"""
import os
import struct
import zlib

from xhs_client import AuthenticatedClient, Client
from xhs_client.api.auth import login
from xhs_client.api.links import create_link, qr_png
from xhs_client.api.media import upload_media
from xhs_client.api.posts import create_post
from xhs_client.api.share import share_confirm, share_event, share_publish, show_share
from xhs_client.api.stats import link_stats, post_stats
from xhs_client.models import (
    ConfirmInput,
    EventInput,
    LinkInput,
    LoginRequest,
    Media,
    Post,
    PostInput,
    PostType,
    ReportedEventKind,
    SdkHandout,
    SharePage,
    Stats,
    UploadForm,
)
from xhs_client.models import Link as LinkModel
from xhs_client.types import File

BASE = os.environ["XHS_BASE"]


def expect(response, kind, status):
    """The answer has the documented status and parsed into `kind`."""
    assert response.status_code == status, (response.status_code, response.content[:500])
    assert isinstance(response.parsed, kind), (kind, response.parsed, response.content[:500])
    return response.parsed


def png(width, height):
    """A small opaque PNG, written by hand (no imaging library needed)."""
    def chunk(tag, data):
        body = tag + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))
    row = b"\x00" + b"\xff\x24\x42" * width
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(row * height))
        + chunk(b"IEND", b"")
    )


public = Client(base_url=BASE, raise_on_unexpected_status=True)
session = expect(
    login.sync_detailed(
        client=public,
        body=LoginRequest(username="admin", password=os.environ["XHS_PASSWORD"]),
    ),
    object,
    200,
)
api = AuthenticatedClient(base_url=BASE, token=session.token, raise_on_unexpected_status=True)

media = expect(
    upload_media.sync_detailed(
        client=api,
        body=UploadForm(file=File(payload=png(30, 40), file_name="cover.png", mime_type="image/png")),
    ),
    Media,
    201,
)
assert (media.width, media.height) == (30, 40), media

post = expect(
    create_post.sync_detailed(
        client=api,
        body=PostInput(
            type_=PostType.NORMAL,
            title="客户端生成的笔记",
            content="从生成的客户端发出 #测试 ",
            image_urls=[media.url],
        ),
    ),
    Post,
    201,
)
link = expect(
    create_link.sync_detailed(post.id, client=api, body=LinkInput(label="integrator")),
    LinkModel,
    201,
)

page = expect(show_share.sync_detailed(link.token, client=public), SharePage, 200)
assert page.title == post.title, page
payload = expect(share_publish.sync_detailed(link.token, client=public), SdkHandout, 200)
assert payload.share_info.title == post.title and payload.data.signature, payload

for kind in (ReportedEventKind.OPENED, ReportedEventKind.PUBLISH_TAPPED):
    answer = share_event.sync_detailed(link.token, client=public, body=EventInput(kind=kind))
    assert answer.status_code == 204, (kind, answer.status_code, answer.content)
answer = share_confirm.sync_detailed(
    link.token,
    client=public,
    body=ConfirmInput(note_url="https://www.xiaohongshu.com/explore/64a1b2c3d4e5f60718293a4b"),
)
assert answer.status_code in (200, 201, 204), (answer.status_code, answer.content)

stats = expect(post_stats.sync_detailed(post.id, client=api), Stats, 200)
assert stats.totals.confirmed == 1 and stats.totals.taps == 1, stats.totals
stats = expect(link_stats.sync_detailed(link.id, client=api), Stats, 200)
assert stats.totals.confirmed == 1, stats.totals

qr = qr_png.sync_detailed(link.id, client=api)
assert qr.status_code == 200, qr.status_code
assert qr.content.startswith(b"\x89PNG\r\n\x1a\n"), qr.content[:16]
assert qr.headers["content-type"] == "image/png", qr.headers

print(
    f"client scenario: upload #{media.id}, note #{post.id}, link {link.token[:6]}…, "
    f"events and confirm counted ({stats.totals}), QR PNG {len(qr.content)} bytes"
)
