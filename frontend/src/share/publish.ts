/**
 * What one tap on 发布到小红书 does, by environment (see lib/env.ts):
 * WeChat -> guidance, desktop -> QR code, phone browser -> signed payload + SDK.
 */
import { ApiError } from '../api/errors';
import type { PublishMode } from '../lib/env';
import { h, type Child } from './dom';
import { noticeKind, noticeText, retryText } from './notice';
import { desktopQr, fallbackPanel, showWechatGuide } from './panels';
import { loadSdkOnce } from './sdk';
import type { SharedNote, ShareSource } from './source';
import { fieldErrorText, type ShareStrings } from './strings';
import { silentTracker, type Tracker } from './tracker';
import { failMessage, toShareArgs } from './xhs';

export type StatusKind = 'info' | 'ok' | 'error';

/** The bits of the page the flow writes to. */
export interface PublishUi {
  setStatus(kind: StatusKind, ...children: Child[]): void;
  /** Shows one panel under the note (QR, fallback), replacing the previous one; scrolls to it unless told not to. */
  showPanel(panel: HTMLElement | null, scroll?: boolean): void;
  setBusy(busy: boolean): void;
}

/** How long to wait for the app to take over before suggesting the manual way. */
export const APP_SWITCH_GRACE_MS = 4000;

export interface PublishContext {
  mode: PublishMode;
  source: ShareSource;
  post: SharedNote;
  s: ShareStrings;
  ui: PublishUi;
  /** What the page reports (public links); nothing by default. */
  track?: Tracker;
  /** Offers "已发布？粘贴笔记链接" once the person tried to publish (public links). */
  offerConfirm?: () => void;
  /** The publish button is hidden (no credentials): the fallback holds the one primary button. */
  manualOnly?: boolean;
}

/** The manual fallback; using it is reported and then offers the note-link form. */
export function fallbackFor(ctx: PublishContext): HTMLElement {
  const onUse = (): void => {
    (ctx.track ?? silentTracker).fallbackUsed();
    ctx.offerConfirm?.();
  };
  return fallbackPanel(ctx.s, ctx.post, onUse, { wechat: ctx.mode === 'wechat', primary: ctx.manualOnly === true });
}

/** Status and optional fallback for an error from the publish endpoint. */
export function explainError(ctx: PublishContext, e: unknown): void {
  const { s, ui, source } = ctx;
  if (!(e instanceof ApiError)) {
    ui.setStatus('error', String(e));
    return;
  }
  switch (e.code) {
    case 'xhs_not_configured':
      ui.setStatus('error', source.kind === 'public' ? s.notConfiguredPublic : s.notConfigured);
      ui.showPanel(fallbackFor(ctx));
      return;
    case 'xhs_rejected':
    case 'xhs_timeout':
    case 'xhs_unavailable':
      (ctx.track ?? silentTracker).sdkFailed(e.detail || e.code);
      ui.setStatus('error', `${s.xhsError} ${e.detail}`);
      ui.showPanel(fallbackFor(ctx));
      return;
    case 'unauthorized':
      ui.setStatus('error', s.login, ' ', loginLink(s, source.loginUrl));
      return;
    case 'rate_limited':
      ui.setStatus('error', retryText(s, e.retryAfter));
      return;
    case 'not_found':
    case 'link_revoked':
    case 'link_expired':
    case 'post_deleted': {
      const kind = source.kind === 'public' ? noticeKind(e) : null;
      ui.setStatus('error', kind ? noticeText(s, kind)[0] : s.notFound);
      return;
    }
    case 'network':
      ui.setStatus('error', s.network);
      return;
    default: {
      // A problem's detail repeats its field errors in English: say those in the page's words instead.
      const fields = e.errors.map((f) => fieldErrorText(s, f));
      ui.setStatus('error', fields.length ? fields.join(' ') : e.detail);
    }
  }
}

export function loginLink(s: ShareStrings, url: string | null): HTMLElement | null {
  return url ? h('a', { testid: 'share-login-link', attrs: { href: url } }, s.loginLink) : null;
}

export async function onPublishTap(ctx: PublishContext): Promise<void> {
  const { mode, s, ui } = ctx;
  (ctx.track ?? silentTracker).tapped();
  if (mode === 'wechat') {
    // With or without credentials, the copy kit is offered beside the way out of WeChat.
    showWechatGuide(s, s.xhsName, () => ui.showPanel(fallbackFor(ctx)));
    return;
  }
  if (mode === 'desktop') {
    ui.showPanel(desktopQr(s, location.href));
    return;
  }
  ui.setBusy(true);
  ui.setStatus('info', s.preparing);
  try {
    await shareWithSdk(ctx);
  } finally {
    ui.setBusy(false);
  }
}

async function shareWithSdk(ctx: PublishContext): Promise<void> {
  const { source, s, ui } = ctx;
  const track = ctx.track ?? silentTracker;
  // Fetched on tap, never earlier: the signature carries a timestamp and nonce.
  const [payload, sdk] = await Promise.allSettled([source.publish(), loadSdkOnce()]);
  if (sdk.status === 'fulfilled') track.sdkLoaded();
  if (payload.status === 'rejected') {
    explainError(ctx, payload.reason);
    return;
  }
  if (sdk.status === 'rejected') {
    track.sdkFailed(failMessage(sdk.reason));
    ui.setStatus('error', s.sdkMissing);
    ui.showPanel(fallbackFor(ctx));
    return;
  }
  let failed = false;
  let left = false;
  const onHide = (): void => {
    if (document.visibilityState === 'hidden') left = true;
    else if (left && !failed) ui.setStatus('ok', s.opened);
  };
  document.addEventListener('visibilitychange', onHide);
  const fail = (e: unknown): void => {
    failed = true;
    const msg = failMessage(e);
    track.sdkFailed(msg);
    ui.setStatus('error', s.failed + msg);
    ui.showPanel(fallbackFor(ctx), false);
  };
  // Set before calling: the SDK may call `fail` synchronously.
  ui.setStatus('info', s.opening);
  ui.showPanel(null);
  ctx.offerConfirm?.();
  track.shareCalled();
  try {
    sdk.value.share(toShareArgs(payload.value, fail));
  } catch (e) {
    fail(e);
  }
  // There is no success callback: if the page is still visible after a while,
  // the app most likely did not open.
  setTimeout(() => {
    document.removeEventListener('visibilitychange', onHide);
    if (!failed && !left && document.visibilityState === 'visible') {
      track.gaveUp();
      ui.setStatus('info', s.notOpened);
      ui.showPanel(fallbackFor(ctx));
    }
  }, APP_SWITCH_GRACE_MS);
}
