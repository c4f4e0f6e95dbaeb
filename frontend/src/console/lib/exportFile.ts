/**
 * Downloads of exports (.xlsx or CSV): the file name the server chose
 * (`Content-Disposition`'s UTF-8 `filename*`), and the body read chunk by
 * chunk so the page can show how far it got.
 */

export type ExportFormat = 'xlsx' | 'csv';

/** The name in `Content-Disposition`: `filename*=UTF-8''…` first, then `filename="…"`. */
export function fileNameFrom(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const ext = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (ext?.[1]) {
    try {
      return decodeURIComponent(ext[1].trim());
    } catch {
      // A malformed escape: fall through to the plain name.
    }
  }
  const plain = /filename\s*=\s*"([^"]+)"/i.exec(disposition);
  return plain?.[1] ?? fallback;
}

export type Progress = { loaded: number; total: number | null };

/** Reads a body to a Blob, reporting the bytes read so far (and the total when the server sent one). */
export async function readWithProgress(
  body: ReadableStream<Uint8Array<ArrayBuffer>>,
  total: number | null,
  type: string,
  onProgress: (p: Progress) => void,
): Promise<Blob> {
  const reader = body.getReader();
  const parts: BlobPart[] = [];
  let loaded = 0;
  onProgress({ loaded, total });
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    loaded += value.byteLength;
    onProgress({ loaded, total });
  }
  return new Blob(parts, { type });
}

/** The declared length, or null (CSV is streamed without one). */
export function declaredLength(header: string | null): number | null {
  const n = header === null ? NaN : Number(header);
  return Number.isFinite(n) && n > 0 ? n : null;
}

/** A share of 0-100 when the total is known, else null. */
export function percent(p: Progress): number | null {
  return p.total ? Math.min(100, Math.round((p.loaded / p.total) * 100)) : null;
}

/** Bytes as KB or MB, for the progress line. */
export function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
