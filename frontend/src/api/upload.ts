/**
 * Uploads one file to `POST /api/media` with upload progress. fetch cannot
 * report upload progress, so this one call uses XMLHttpRequest; the answer is
 * typed from the same generated schema and failures are the same ApiError as
 * everywhere else (413 too large, 415 wrong type, 422 undecodable).
 */
import type { paths } from './schema';
import { ApiError, networkError, toApiError } from './errors';
import type { Media } from './types';

/** The path this module posts to, checked against the schema at compile time. */
const UPLOAD_PATH = '/api/media' satisfies keyof paths;

export interface UploadOptions {
  getToken: () => string | null;
  onProgress?: (loaded: number, total: number) => void;
  onUnauthorized?: () => void;
  baseUrl?: string;
  /** For tests: a stand-in XMLHttpRequest. */
  createXhr?: () => XMLHttpRequest;
}

export interface Uploaded {
  media: Media;
  /** false when the same content was uploaded before (200 with the existing item). */
  created: boolean;
}

function parse(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return text;
  }
}

export function uploadMedia(file: File, opts: UploadOptions): Promise<Uploaded> {
  return new Promise((resolve, reject) => {
    const xhr = opts.createXhr?.() ?? new XMLHttpRequest();
    xhr.open('POST', `${opts.baseUrl ?? ''}${UPLOAD_PATH}`);
    const token = opts.getToken();
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    xhr.upload.onprogress = (e) => opts.onProgress?.(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onload = () => {
      const body = parse(xhr.responseText);
      if (xhr.status === 200 || xhr.status === 201) {
        resolve({ media: body as Media, created: xhr.status === 201 });
        return;
      }
      if (xhr.status === 401) opts.onUnauthorized?.();
      reject(toApiError(xhr.status, body));
    };
    xhr.onerror = () => reject(networkError(new Error(`upload of ${file.name} failed`)));
    xhr.onabort = () => reject(new ApiError(0, 'network', 'upload cancelled'));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
