import { describe, expect, it } from 'vitest';
import { createUploadQueue, progressPercent, type Transport, type UploadItem } from './uploadQueue';

/** A transport whose uploads the test finishes by hand, in any order. */
function manual() {
  const pending = new Map<string, { ok: (v: string) => void; fail: (e: unknown) => void; progress: (l: number, t: number) => void }>();
  const started: string[] = [];
  const transport: Transport<string> = (file, onProgress) =>
    new Promise((ok, fail) => {
      started.push(file.name);
      pending.set(file.name, { ok, fail, progress: onProgress });
    });
  const get = (name: string) => {
    const p = pending.get(name);
    if (!p) throw new Error(`${name} not started`);
    return p;
  };
  return { transport, started, get };
}

const file = (name: string, size = 10) => new File([new Uint8Array(size)], name);
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('createUploadQueue', () => {
  it('uploads two at a time and starts the next when one finishes', async () => {
    const m = manual();
    const q = createUploadQueue(m.transport);
    void q.add([file('a'), file('b'), file('c')]);
    expect(m.started).toEqual(['a', 'b']);
    expect(q.items().map((i) => i.state)).toEqual(['uploading', 'uploading', 'queued']);
    m.get('b').ok('B');
    await tick();
    expect(m.started).toEqual(['a', 'b', 'c']);
  });

  it('resolves a batch in drop order even when files finish out of order', async () => {
    const m = manual();
    const q = createUploadQueue(m.transport, undefined, 3);
    const batch = q.add([file('1.png'), file('2.png'), file('v.mp4')]);
    m.get('v.mp4').ok('V');
    m.get('2.png').ok('P2');
    m.get('1.png').ok('P1');
    const items = await batch;
    expect(items.map((i) => i.result)).toEqual(['P1', 'P2', 'V']);
  });

  it("keeps each file's own progress and error; the others go on", async () => {
    const m = manual();
    const seen: UploadItem<string>[][] = [];
    const q = createUploadQueue(m.transport, (items) => seen.push(items));
    const batch = q.add([file('big.jpg', 100), file('ok.jpg', 100)]);
    m.get('big.jpg').progress(50, 100);
    expect(progressPercent(q.items()[0]!)).toBe(50);
    const tooLarge = { status: 413, code: 'payload_too_large' };
    m.get('big.jpg').fail(tooLarge);
    m.get('ok.jpg').ok('OK');
    const items = await batch;
    expect(items.map((i) => [i.state, i.result, i.error])).toEqual([
      ['failed', null, tooLarge],
      ['done', 'OK', null],
    ]);
    expect(seen.length).toBeGreaterThan(3);
  });

  it('retries a failed file and lets settled ones be dismissed', async () => {
    const m = manual();
    const q = createUploadQueue(m.transport);
    const first = q.add([file('x.png')]);
    m.get('x.png').fail(new Error('offline'));
    const [failed] = await first;
    const again = q.retry(failed!.id);
    expect(q.items()[0]?.state).toBe('uploading');
    m.get('x.png').ok('X');
    expect((await again).result).toBe('X');
    q.dismiss(failed!.id);
    expect(q.items()).toEqual([]);
  });

  it('does not drop a file that is still uploading', () => {
    const m = manual();
    const q = createUploadQueue(m.transport);
    void q.add([file('slow.mov')]);
    q.dismiss(q.items()[0]!.id);
    expect(q.items()).toHaveLength(1);
  });
});

describe('progressPercent', () => {
  it('is 0 without a total and 100 when done', () => {
    expect(progressPercent({ state: 'uploading', loaded: 5, total: 0 })).toBe(0);
    expect(progressPercent({ state: 'done', loaded: 0, total: 0 })).toBe(100);
    expect(progressPercent({ state: 'uploading', loaded: 999, total: 1000 })).toBe(99);
  });
});
