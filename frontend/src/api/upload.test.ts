import { describe, expect, it, vi } from 'vitest';
import { uploadMedia } from './upload';

/** Just enough of XMLHttpRequest: records the request and lets the test answer it. */
class FakeXhr {
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: unknown = null;
  status = 0;
  responseText = '';
  upload: { onprogress: ((e: ProgressEvent) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(k: string, v: string) {
    this.headers[k] = v;
  }
  send(body: unknown) {
    this.body = body;
  }
  progress(loaded: number, total: number) {
    this.upload.onprogress?.({ loaded, total, lengthComputable: true } as ProgressEvent);
  }
  answer(status: number, body: unknown) {
    this.status = status;
    this.responseText = JSON.stringify(body);
    this.onload?.();
  }
}

function setup(token: string | null = 'tok') {
  const xhr = new FakeXhr();
  const progress: number[][] = [];
  const onUnauthorized = vi.fn();
  const file = new File([new Uint8Array(8)], 'a.png', { type: 'image/png' });
  const done = uploadMedia(file, {
    getToken: () => token,
    onProgress: (l, t) => progress.push([l, t]),
    onUnauthorized,
    createXhr: () => xhr as unknown as XMLHttpRequest,
  });
  return { xhr, progress, done, onUnauthorized };
}

describe('uploadMedia', () => {
  it('posts the file as multipart field `file` with the Bearer token and reports progress', async () => {
    const { xhr, progress, done } = setup();
    expect([xhr.method, xhr.url, xhr.headers.Authorization]).toEqual(['POST', '/api/media', 'Bearer tok']);
    expect((xhr.body as FormData).get('file')).toBeInstanceOf(File);
    xhr.progress(4, 8);
    xhr.progress(8, 8);
    xhr.answer(201, { id: 3, url: 'http://s/media/ab/x.png' });
    expect(await done).toMatchObject({ created: true, media: { id: 3 } });
    expect(progress).toEqual([
      [4, 8],
      [8, 8],
    ]);
  });

  it('says when the same content was there already (200)', async () => {
    const { xhr, done } = setup();
    xhr.answer(200, { id: 3 });
    expect((await done).created).toBe(false);
  });

  it("turns the server's 415 problem into an ApiError with its detail", async () => {
    const { xhr, done } = setup();
    xhr.answer(415, { code: 'unsupported_media_type', status: 415, detail: 'the file is not a recognised image' });
    await expect(done).rejects.toMatchObject({ status: 415, code: 'unsupported_media_type', detail: 'the file is not a recognised image' });
  });

  it('reports a 401 to the session and a dropped connection as a network error', async () => {
    const a = setup(null);
    expect(a.xhr.headers.Authorization).toBeUndefined();
    a.xhr.answer(401, { code: 'unauthorized', status: 401 });
    await expect(a.done).rejects.toMatchObject({ code: 'unauthorized' });
    expect(a.onUnauthorized).toHaveBeenCalledOnce();
    const b = setup();
    b.xhr.onerror?.();
    await expect(b.done).rejects.toMatchObject({ code: 'network' });
  });
});
