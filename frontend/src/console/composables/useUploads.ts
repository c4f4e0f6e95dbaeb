/** The upload queue wired to the server (XMLHttpRequest with progress) and to Vue. */
import { shallowRef } from 'vue';
import type { Media } from '../../api/types';
import { uploadMedia } from '../../api/upload';
import { rememberMedia } from '../lib/mediaIndex';
import { createUploadQueue, type UploadItem } from '../lib/uploadQueue';
import { getToken, onUnauthorized } from '../session';

export type Upload = UploadItem<Media>;

export function useUploads() {
  const items = shallowRef<Upload[]>([]);
  const queue = createUploadQueue<Media>(
    (file, onProgress) => uploadMedia(file, { getToken, onProgress, onUnauthorized }).then((r) => r.media),
    (list) => (items.value = list),
  );

  const results = (settled: Upload[]): Media[] => {
    const media = settled.flatMap((i) => (i.result ? [i.result] : []));
    rememberMedia(media);
    return media;
  };

  /** Uploads one drop's files; resolves with the ones that made it, in drop order. */
  const upload = async (files: File[]): Promise<Media[]> => results(await queue.add(files));
  const retry = async (id: number): Promise<Media[]> => results([await queue.retry(id)]);
  const dismiss = (id: number): void => queue.dismiss(id);
  const clearDone = (): void => items.value.filter((i) => i.state === 'done').forEach((i) => queue.dismiss(i.id));

  return { items, upload, retry, dismiss, clearDone };
}
