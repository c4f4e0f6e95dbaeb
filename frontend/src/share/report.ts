/**
 * Sends share-page events to `POST /api/share/{token}/events`. Best-effort:
 * a failed report (offline, 429, 410) is dropped and never reaches the person.
 * `keepalive` lets the request outlive the page, which matters most for
 * `app_opened`: it is sent while the browser hands over to the XHS app.
 */
import type { ApiClient } from '../api/client';
import type { ShareEvent } from './tracker';

export function eventSender(api: ApiClient, token: string): (e: ShareEvent) => void {
  return (e) => {
    api
      .POST('/api/share/{token}/events', { params: { path: { token } }, body: e, keepalive: true })
      .catch(() => undefined);
  };
}
