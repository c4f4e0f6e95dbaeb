/** Renders the note as XHS shows it: media first, then title, then body. */
import { splitTopics } from '../lib/text';
import { safeHttpUrl } from '../lib/url';
import type { SharePage } from '../api/types';
import { h } from './dom';
import type { SharedNote } from './source';
import type { ShareStrings } from './strings';

/** An image as the carousel shows it: a source and, when the server has renditions, a `srcset`. */
interface Shown {
  src: string;
  srcset?: string;
}

type ImageSizes = SharePage['images'][number];

/** The widths of the server's renditions (crates/media: THUMB_WIDTH, SCREEN_WIDTH). */
const THUMB_WIDTH = 320;
const SCREEN_WIDTH = 1080;

/** The page is at most 480 px wide (share.css) and the carousel spans it. */
const SIZES = '(min-width: 480px) 480px, 100vw';

/**
 * The carousel's source of an image: the server's 1080 px rendition (what
 * XHS shows notes at), with the 320 px thumbnail beside it in `srcset` for
 * narrow or low-density screens; the image itself when hosted elsewhere.
 * Never the 6 MB original a phone on 4G should not load to preview a note.
 */
export function shownImage(url: string, sizes: ImageSizes | undefined): Shown {
  const screen = safeHttpUrl(sizes?.screen_url);
  const thumb = safeHttpUrl(sizes?.thumb_url);
  if (!screen) return { src: url };
  if (!thumb || thumb === screen) return { src: screen };
  return { src: screen, srcset: `${thumb} ${THUMB_WIDTH}w, ${screen} ${SCREEN_WIDTH}w` };
}

/**
 * A swipeable carousel: CSS scroll-snap does the swiping, JS only counts. The
 * track takes focus (a labelled region) so a keyboard can scroll it too.
 */
function carousel(urls: string[], label: string, shown: Shown[] = urls.map((src) => ({ src }))): HTMLElement {
  const counter = h('span', { class: 'carousel-count', testid: 'carousel-count' }, `1/${urls.length}`);
  const track = h(
    'div',
    { class: 'carousel-track', testid: 'carousel-track', attrs: { tabindex: '0', role: 'region', 'aria-label': label } },
    ...urls.map((src, i) => {
      const one = shown[i] ?? { src };
      const attrs: Record<string, string> = {
        src: one.src,
        alt: `${i + 1}/${urls.length}`,
        loading: i === 0 ? 'eager' : 'lazy',
        decoding: 'async',
      };
      if (i === 0) attrs.fetchpriority = 'high';
      if (one.srcset) {
        attrs.srcset = one.srcset;
        attrs.sizes = SIZES;
      }
      return h('img', { class: 'carousel-img', testid: 'carousel-image', attrs });
    }),
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
  const shown = urls.map((u) => shownImage(u, p.images?.find((i) => i.url === u)));
  return urls.length ? carousel(urls, s.carousel, shown) : null;
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

/** How long until `iso`, in Chinese or English words (days, hours, minutes). */
export function untilText(iso: string, now: number, lang: string): string {
  const left = Math.max(0, new Date(iso).getTime() - now);
  const mins = Math.ceil(left / 60000);
  const d = Math.floor(mins / 1440);
  const hrs = Math.floor((mins % 1440) / 60);
  const m = mins % 60;
  if (lang.startsWith('zh')) return `${d ? `${d} 天 ` : ''}${d || hrs ? `${hrs} 小时 ` : ''}${m} 分钟`;
  return `${d ? `${d} d ` : ''}${d || hrs ? `${hrs} h ` : ''}${m} min`;
}

/**
 * A link that opens later: when it opens and a countdown, in place of the
 * buttons; the page reloads itself when the time comes.
 */
export function notOpenYet(opensAt: string, s: ShareStrings): HTMLElement {
  const left = h('strong', { testid: 'opens-countdown' }, untilText(opensAt, Date.now(), s.lang));
  const box = h(
    'section',
    { class: 'panel', testid: 'share-not-open', attrs: { role: 'status' } },
    h('p', {}, s.opensAt, formatExpiry(opensAt, s.lang)),
    h('p', {}, s.opensIn, left),
  );
  const tick = window.setInterval(() => {
    if (new Date(opensAt).getTime() <= Date.now()) {
      window.clearInterval(tick);
      location.reload();
    } else {
      left.textContent = untilText(opensAt, Date.now(), s.lang);
    }
  }, 15000);
  return box;
}

/**
 * A link held by a paused campaign: no opening time is known (it opens when
 * the campaign is resumed), so the page says so in place of the buttons.
 */
export function campaignPaused(s: ShareStrings): HTMLElement {
  return h(
    'section',
    { class: 'panel', testid: 'share-paused', attrs: { role: 'status' } },
    h('p', {}, h('strong', {}, s.pausedTitle)),
    h('p', {}, s.pausedBody),
  );
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
