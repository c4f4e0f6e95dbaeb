/** Renders the note as XHS shows it: media first, then title, then body. */
import type { PostPreview } from '../api/types';
import { splitTopics } from '../lib/text';
import { safeHttpUrl } from '../lib/url';
import { h } from './dom';
import type { ShareStrings } from './strings';

/** A swipeable carousel: CSS scroll-snap does the swiping, JS only counts. */
function carousel(urls: string[]): HTMLElement {
  const counter = h('span', { class: 'carousel-count', testid: 'carousel-count' }, `1/${urls.length}`);
  const track = h(
    'div',
    { class: 'carousel-track', testid: 'carousel-track' },
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

function media(p: PostPreview, s: ShareStrings): HTMLElement | null {
  if (p.type === 'video') {
    const src = safeHttpUrl(p.videoUrl);
    if (!src) return null;
    const attrs: Record<string, string> = { src, controls: '', playsinline: '', preload: 'metadata', 'aria-label': s.video };
    const poster = safeHttpUrl(p.coverUrl);
    if (poster) attrs.poster = poster;
    return h('section', { class: 'carousel' }, h('video', { class: 'carousel-video', testid: 'share-video', attrs }));
  }
  const urls = p.imageUrls.map(safeHttpUrl).filter((u): u is string => u !== null);
  return urls.length ? carousel(urls) : null;
}

/** The body with #topics highlighted; line breaks are kept by `white-space: pre-wrap`. */
export function bodyText(content: string): HTMLElement {
  const p = h('div', { class: 'body', testid: 'share-body' });
  for (const seg of splitTopics(content)) {
    p.append(seg.topic ? h('span', { class: 'topic' }, seg.text) : document.createTextNode(seg.text));
  }
  return p;
}

export function renderPost(p: PostPreview, s: ShareStrings): HTMLElement {
  return h(
    'article',
    { class: 'note', testid: 'share-note' },
    media(p, s),
    h('h1', { class: 'title', testid: 'share-title' }, p.title),
    bodyText(p.content),
  );
}
