/** Renders the note as XHS shows it: media first, then title, then body. */
import { splitTopics } from '../lib/text';
import { safeHttpUrl } from '../lib/url';
import { h } from './dom';
import type { SharedNote } from './source';
import type { ShareStrings } from './strings';

/**
 * A swipeable carousel: CSS scroll-snap does the swiping, JS only counts. The
 * track takes focus (a labelled region) so a keyboard can scroll it too.
 */
function carousel(urls: string[], label: string): HTMLElement {
  const counter = h('span', { class: 'carousel-count', testid: 'carousel-count' }, `1/${urls.length}`);
  const track = h(
    'div',
    { class: 'carousel-track', testid: 'carousel-track', attrs: { tabindex: '0', role: 'region', 'aria-label': label } },
    ...urls.map((src, i) =>
      h('img', {
        class: 'carousel-img',
        testid: 'carousel-image',
        attrs: { src, alt: `${i + 1}/${urls.length}`, loading: i === 0 ? 'eager' : 'lazy', decoding: 'async' },
      }),
    ),
  );
  track.addEventListener(
    'scroll',
    () => {
      const i = Math.round(track.scrollLeft / Math.max(track.clientWidth, 1));
      counter.textContent = `${Math.min(i + 1, urls.length)}/${urls.length}`;
    },
    { passive: true },
  );
  return h('section', { class: 'carousel', testid: 'share-carousel' }, track, urls.length > 1 ? counter : null);
}

function media(p: SharedNote, s: ShareStrings): HTMLElement | null {
  if (p.type === 'video') {
    const src = safeHttpUrl(p.videoUrl);
    if (!src) return null;
    const attrs: Record<string, string> = { src, controls: '', playsinline: '', preload: 'metadata', 'aria-label': s.video };
    const poster = safeHttpUrl(p.coverUrl);
    if (poster) attrs.poster = poster;
    return h('section', { class: 'carousel' }, h('video', { class: 'carousel-video', testid: 'share-video', attrs }));
  }
  const urls = p.imageUrls.map(safeHttpUrl).filter((u): u is string => u !== null);
  return urls.length ? carousel(urls, s.carousel) : null;
}

/** The body with #topics highlighted; line breaks are kept by `white-space: pre-wrap`. */
export function bodyText(content: string): HTMLElement {
  const p = h('div', { class: 'body', testid: 'share-body' });
  for (const seg of splitTopics(content)) {
    p.append(seg.topic ? h('span', { class: 'topic' }, seg.text) : document.createTextNode(seg.text));
  }
  return p;
}

/** A local date-time for the expiry line; the ISO text when it does not parse. */
export function formatExpiry(iso: string, lang: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(lang, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
}

/** What a public link adds above the note: its label, account and expiry. */
function linkInfo(p: SharedNote, s: ShareStrings): HTMLElement | null {
  const parts = [
    p.label ? h('span', { class: 'chip', testid: 'share-label' }, p.label) : null,
    p.accountName ? h('span', { testid: 'share-account' }, s.forAccount, p.accountName) : null,
    p.expiresAt ? h('span', { testid: 'share-expires' }, s.validUntil, formatExpiry(p.expiresAt, s.lang)) : null,
  ].filter((x) => x !== null);
  return parts.length ? h('p', { class: 'link-info small muted', testid: 'share-link-info' }, ...parts) : null;
}

export function renderPost(p: SharedNote, s: ShareStrings): HTMLElement {
  return h(
    'article',
    { class: 'note', testid: 'share-note' },
    linkInfo(p, s),
    media(p, s),
    h('h1', { class: 'title', testid: 'share-title' }, p.title),
    bodyText(p.content),
  );
}
