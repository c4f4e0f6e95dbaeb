/**
 * The mobile share page: `/s/{token}` for anyone holding a link, `/p/{id}` as
 * the operator's own preview. Plain TypeScript, no framework, so the phone
 * loads a few KB before the person can tap 发布到小红书.
 */
import './share.css';
import { ApiError } from '../api/errors';
import { publishMode } from '../lib/env';
import { platformBar } from './buttons';
import { confirmPanel } from './confirm';
import { h, replace, type Child } from './dom';
import { platformErrorText } from './handoff';
import { noticeKind, noticeText, noticeView } from './notice';
import { desktopQr, wechatGuide } from './panels';
import { onPlatformTap } from './platformTap';
import { XHS_ONLY } from './platforms';
import { browserActions, kitGuide, type Guide } from './guide';
import { explainError, fallbackFor, loginLink, onPublishTap, type PublishContext, type PublishUi, type StatusKind } from './publish';
import { campaignPaused, notOpenYet, renderPost } from './render';
import { loadSdkOnce } from './sdk';
import { parseShareRoute, sourceFor, type SharedNote, type ShareSource } from './source';
import { shareStrings } from './strings';
import { createTracker, silentTracker } from './tracker';

const s = shareStrings();
document.documentElement.lang = s.lang;

const root = document.getElementById('app') ?? document.body;
const status = h('p', { class: 'status', testid: 'share-status', attrs: { role: 'status', 'aria-live': 'polite' } });
const panel = h('div', { class: 'panel-slot', testid: 'share-panel' });
const confirmSlot = h('div', { class: 'confirm-slot' });
let buttons: HTMLButtonElement[] = [];

const ui: PublishUi = {
  setStatus(kind: StatusKind, ...children: Child[]) {
    status.className = `status status-${kind}`;
    replace(status, ...children);
  },
  showPanel(el, scroll = true) {
    replace(panel, el);
    // The panel appears under the note; bring it up so the person sees what to do next.
    if (scroll) el?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  },
  setBusy(busy) {
    for (const b of buttons) b.disabled = busy;
  },
};

function showLoadError(e: unknown, source: ShareSource): void {
  const kind = source.kind === 'public' ? noticeKind(e) : null;
  if (kind) {
    const retryAfter = e instanceof ApiError ? e.retryAfter : null;
    document.title = noticeText(s, kind, retryAfter)[0];
    replace(root, h('main', { class: 'page' }, noticeView(s, kind, retryAfter)));
  } else if (e instanceof ApiError && e.code === 'unauthorized') {
    ui.setStatus('error', s.login, ' ', loginLink(s, source.loginUrl));
  } else if (e instanceof ApiError && (e.code === 'not_found' || e.status === 410)) {
    ui.setStatus('error', s.notFound);
  } else if (e instanceof ApiError && e.code === 'network') {
    ui.setStatus('error', s.network);
  } else {
    ui.setStatus('error', e instanceof Error ? e.message : String(e));
  }
}

async function boot(): Promise<void> {
  replace(root, h('main', { class: 'page' }, status));
  const source = sourceFor(parseShareRoute(location.pathname));
  if (!source) {
    ui.setStatus('error', s.badLink);
    return;
  }
  ui.setStatus('info', s.loading);
  let post: SharedNote;
  try {
    post = await source.preview();
  } catch (e) {
    showLoadError(e, source);
    return;
  }
  const track = source.report ? createTracker(source.report) : silentTracker;
  track.opened();
  // The app taking over hides the page; pagehide covers browsers that unload it instead.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') track.hidden();
  });
  window.addEventListener('pagehide', () => track.hidden());

  document.title = post.title || s.publish;
  ui.setStatus('info');
  // A link held by a paused campaign: the note, and that it is paused (no time is known).
  if (post.paused) {
    replace(root, h('main', { class: 'page' }, renderPost(post, s), campaignPaused(s)));
    return;
  }
  // A link that opens later (a campaign's time): the note, and when it opens, but no buttons yet.
  if (post.opensAt && new Date(post.opensAt).getTime() > Date.now()) {
    replace(root, h('main', { class: 'page' }, renderPost(post, s), notOpenYet(post.opensAt, s)));
    return;
  }
  const platforms = post.platforms ?? XHS_ONLY;
  const bar = platformBar(s, platforms);
  buttons = [...bar.buttons.values()];
  const footer = h('footer', { class: 'actions' }, status, ...bar.nodes);
  replace(root, h('main', { class: 'page' }, renderPost(post, s), panel, confirmSlot), footer);

  const mode = publishMode(navigator.userAgent, navigator.maxTouchPoints);
  // On a phone the keyboard leaves little room: the sticky footer would cover the
  // field being typed in (the note-link box) and its button, so it steps aside meanwhile.
  if (mode !== 'desktop') {
    // A form's button counts too: tapping 提交 must not bring the footer back over it mid-tap.
    const typing = (t: EventTarget | null): boolean => t instanceof Element && (t.matches('input, textarea') || t.closest('form') !== null);
    document.addEventListener('focusin', (e) => footer.classList.toggle('typing', typing(e.target)));
    document.addEventListener('focusout', () => footer.classList.remove('typing'));
  }
  const confirm = source.confirm;
  const offerConfirm = confirm
    ? () => {
        if (!confirmSlot.firstChild) replace(confirmSlot, confirmPanel(s, confirm));
      }
    : undefined;
  const ctx: PublishContext = { mode, source, post, s, ui, track, offerConfirm };

  // WeChat blocks app jumps and downloads: the way out (open in the browser) comes first, whatever else.
  const first = platforms[0];
  const showKit = (): void => ui.showPanel(fallbackFor(ctx));
  if (mode === 'wechat') {
    const leadsXhs = !first || first.platform === 'xhs';
    document.body.append(wechatGuide(s, leadsXhs ? s.xhsName : first.name, leadsXhs ? showKit : undefined));
    // Without credentials the kit is the way in WeChat too: under the note from the start.
    if (leadsXhs && post.xhsConfigured === false) ui.showPanel(fallbackFor(ctx), false);
  }
  const xhsButton = bar.buttons.get('xhs');
  let guide: Guide | null = null;
  if (mode === 'desktop') {
    ui.showPanel(desktopQr(s, location.href), false);
  } else if (mode !== 'wechat' && xhsButton && post.xhsConfigured === false) {
    // No credentials: one tap cannot work, so the XHS button (first when XHS leads)
    // walks through the copy kit in place, one step per tap.
    const used = (): void => {
      track.fallbackUsed();
      offerConfirm?.();
    };
    const paste = (): void => {
      offerConfirm?.();
      confirmSlot.querySelector<HTMLButtonElement>('[data-testid="confirm-toggle"]')?.click();
      confirmSlot.scrollIntoView({ block: 'center', behavior: 'smooth' });
    };
    const start = platforms.length > 1 ? s.notConfiguredOthers : s.notConfiguredPublic;
    guide = kitGuide(s, post, xhsButton, browserActions(s, (el) => ui.showPanel(el), paste, used), { canConfirm: !!confirm, start });
    xhsButton.before(guide.line);
  } else if (mode === 'sdk' && xhsButton && post.xhsConfigured !== false) {
    // Warm the SDK up so the tap opens the app quickly; failures are reported on tap.
    loadSdkOnce().then(() => track.sdkLoaded(), () => undefined);
  }
  for (const p of platforms) {
    bar.buttons.get(p.platform)?.addEventListener('click', () => {
      if (p.platform === 'xhs' && guide) {
        // The first tap starts the kit: it counts as the tap on 发布到小红书 (later ones are its steps).
        if (xhsButton?.dataset.step === 'start') track.tapped();
        void guide.tap();
      }
      else if (p.platform === 'xhs') onPublishTap(ctx).catch((e: unknown) => explainError(ctx, e));
      else onPlatformTap(ctx, p).catch((e: unknown) => ui.setStatus('error', platformErrorText(s, e, p.name)));
    });
  }
}

void boot();
