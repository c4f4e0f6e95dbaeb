/**
 * The mobile share page (/p/{id}): plain TypeScript, no framework, so the
 * phone loads a few KB before the person can tap 发布到小红书.
 */
import './share.css';
import { ApiError } from '../api/errors';
import type { PostPreview } from '../api/types';
import { publishMode } from '../lib/env';
import { h, replace, type Child } from './dom';
import { desktopQr } from './panels';
import { explainError, loginLink, onPublishTap, type PublishUi, type StatusKind } from './publish';
import { renderPost } from './render';
import { loadSdkOnce } from './sdk';
import { parseShareRoute, sourceFor, type ShareSource } from './source';
import { shareStrings } from './strings';

const s = shareStrings();
document.documentElement.lang = s.lang;

const root = document.getElementById('app') ?? document.body;
const status = h('p', { class: 'status', testid: 'share-status', attrs: { role: 'status', 'aria-live': 'polite' } });
const panel = h('div', { class: 'panel-slot', testid: 'share-panel' });
const button = h('button', { class: 'btn btn-primary btn-publish', testid: 'publish-button' }, s.publish);

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
    button.disabled = busy;
  },
};

function showLoadError(e: unknown, source: ShareSource): void {
  if (e instanceof ApiError && e.code === 'unauthorized') {
    ui.setStatus('error', s.login, ' ', loginLink(s, source.loginUrl));
  } else if (e instanceof ApiError && (e.code === 'not_found' || e.code === 'gone')) {
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
  let post: PostPreview;
  try {
    post = await source.preview();
  } catch (e) {
    showLoadError(e, source);
    return;
  }
  document.title = post.title || s.publish;
  ui.setStatus('info');
  const footer = h('footer', { class: 'actions' }, status, button);
  replace(root, h('main', { class: 'page' }, renderPost(post, s), panel), footer);

  const mode = publishMode(navigator.userAgent, navigator.maxTouchPoints);
  // Warm the SDK up so the tap opens the app quickly; failures are reported on tap.
  if (mode === 'sdk') loadSdkOnce().catch(() => undefined);
  if (mode === 'desktop') ui.showPanel(desktopQr(s, location.href), false);
  const ctx = { mode, source, post, s, ui };
  button.addEventListener('click', () => {
    onPublishTap(ctx).catch((e: unknown) => explainError(ctx, e));
  });
}

void boot();
