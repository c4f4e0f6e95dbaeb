/**
 * The upload queue behind every drop zone: files go up two at a time, each
 * with its own progress and its own error (the server's 413/415/422 problem),
 * and a batch (one drop) resolves with its results in the order the files
 * were dropped, whatever order they finished in. Framework-free: the Vue side
 * subscribes with `onChange`; the transport is injected.
 */

export type UploadState = 'queued' | 'uploading' | 'done' | 'failed';

export interface UploadItem<R> {
  id: number;
  batch: number;
  file: File;
  state: UploadState;
  /** Bytes sent so far and in all (from XMLHttpRequest's upload progress). */
  loaded: number;
  total: number;
  result: R | null;
  error: unknown;
}

export type Transport<R> = (file: File, onProgress: (loaded: number, total: number) => void) => Promise<R>;

/** 0..100; a finished upload is 100 even when the browser never reported progress. */
export function progressPercent(item: Pick<UploadItem<unknown>, 'state' | 'loaded' | 'total'>): number {
  if (item.state === 'done') return 100;
  if (item.total <= 0) return 0;
  return Math.min(100, Math.floor((item.loaded / item.total) * 100));
}

export interface UploadQueue<R> {
  /** Queues files as one batch; resolves when all of them settled, in the given order. */
  add(files: File[]): Promise<UploadItem<R>[]>;
  retry(id: number): Promise<UploadItem<R>>;
  /** Drops a settled item from the list (a running one cannot be dropped). */
  dismiss(id: number): void;
  items(): UploadItem<R>[];
}

export function createUploadQueue<R>(
  transport: Transport<R>,
  onChange: (items: UploadItem<R>[]) => void = () => undefined,
  concurrency = 2,
): UploadQueue<R> {
  let list: UploadItem<R>[] = [];
  let nextId = 1;
  let nextBatch = 1;
  let running = 0;
  const waiters = new Map<number, (item: UploadItem<R>) => void>();

  const changed = (): void => onChange(list.map((i) => ({ ...i })));
  const patch = (id: number, p: Partial<UploadItem<R>>): UploadItem<R> | undefined => {
    list = list.map((i) => (i.id === id ? { ...i, ...p } : i));
    changed();
    return list.find((i) => i.id === id);
  };

  function pump(): void {
    while (running < concurrency) {
      const item = list.find((i) => i.state === 'queued');
      if (!item) return;
      running++;
      patch(item.id, { state: 'uploading', loaded: 0, total: item.file.size, error: null });
      transport(item.file, (loaded, total) => patch(item.id, { loaded, total }))
        .then(
          (result) => patch(item.id, { state: 'done', result }),
          (error: unknown) => patch(item.id, { state: 'failed', error }),
        )
        .then((settled) => {
          running--;
          if (settled) waiters.get(item.id)?.(settled);
          waiters.delete(item.id);
          pump();
        });
    }
  }

  const settle = (id: number): Promise<UploadItem<R>> => new Promise((resolve) => waiters.set(id, resolve));

  return {
    add(files) {
      const batch = nextBatch++;
      const added = files.map((file) => ({
        id: nextId++,
        batch,
        file,
        state: 'queued' as const,
        loaded: 0,
        total: file.size,
        result: null,
        error: null,
      }));
      list = [...list, ...added];
      const done = Promise.all(added.map((i) => settle(i.id)));
      changed();
      pump();
      return done;
    },
    retry(id) {
      const item = list.find((i) => i.id === id);
      if (!item || item.state !== 'failed') return Promise.reject(new Error(`upload ${id} cannot be retried`));
      const done = settle(id);
      patch(id, { state: 'queued', error: null, loaded: 0 });
      pump();
      return done;
    },
    dismiss(id) {
      const before = list.length;
      list = list.filter((i) => i.id !== id || i.state === 'uploading' || i.state === 'queued');
      if (list.length !== before) changed();
    },
    items: () => list.map((i) => ({ ...i })),
  };
}
