/** The three alternatives to calling the SDK: WeChat guidance, desktop QR, manual fallback. */
import { safeHttpUrl } from '../lib/url';
import { h, replace } from './dom';
import { clipboardText, copyText, shareImages, XHS_APP_URL } from './fallback';
import type { SharedNote } from './source';
import type { ShareStrings } from './strings';

/** A full-screen overlay pointing at WeChat's ··· menu (top right). */
export function wechatGuide(s: ShareStrings): HTMLElement {
  const overlay = h(
    'div',
    { class: 'overlay', testid: 'wechat-guide', attrs: { role: 'dialog', 'aria-modal': 'true' } },
    h('div', { class: 'overlay-arrow', attrs: { 'aria-hidden': 'true' } }, '↗'),
    h('p', { class: 'overlay-title' }, s.wechatTitle),
    h('p', { class: 'overlay-text' }, s.wechatGuide),
    h('p', { class: 'overlay-hint' }, s.wechatWhy),
    h('button', { class: 'btn btn-ghost', testid: 'wechat-guide-close', onClick: () => overlay.remove() }, s.close),
  );
  return overlay;
}

/** A QR code of this page, for a person who opened the link on a computer. */
export function desktopQr(s: ShareStrings, url: string): HTMLElement {
  const img = h('img', { class: 'qr-img', testid: 'desktop-qr-image', attrs: { alt: url, width: '200', height: '200' } });
  // qrcode is loaded only here, so phones never download it.
  void import('qrcode').then((QR) =>
    QR.toDataURL(url, { margin: 1, width: 400, errorCorrectionLevel: 'M' }).then((data) => (img.src = data)),
  );
  return h(
    'section',
    { class: 'panel qr', testid: 'desktop-qr' },
    h('h2', {}, s.desktopTitle),
    img,
    h('p', { class: 'muted' }, s.desktopGuide),
    h('p', { class: 'muted small', testid: 'desktop-qr-url' }, url),
  );
}

function saveLinks(s: ShareStrings, urls: string[], onUse: () => void): HTMLElement {
  return h(
    'ul',
    { class: 'save-links', testid: 'fallback-save-links' },
    ...urls.map((u, i) =>
      h(
        'li',
        {},
        h(
          'a',
          { attrs: { href: u, download: '', target: '_blank', rel: 'noopener' }, onClick: onUse },
          `${s.saveImage} ${i + 1}`,
        ),
      ),
    ),
  );
}

/**
 * Copy text, share or save media, open the app (shared XHS_FACTS §4). The reason
 * is in the status line. `onUse` runs when the person copies, shares or saves.
 */
export function fallbackPanel(s: ShareStrings, post: SharedNote, onUse: () => void = () => undefined): HTMLElement {
  const media =
    post.type === 'video'
      ? [safeHttpUrl(post.videoUrl), safeHttpUrl(post.coverUrl)]
      : post.imageUrls.map(safeHttpUrl);
  const urls = media.filter((u): u is string => u !== null);
  const copyNote = h('p', { class: 'small', testid: 'fallback-copy-status', attrs: { role: 'status' } });
  const mediaNote = h('div', { class: 'small', testid: 'fallback-media-status' });

  const copy = async (): Promise<void> => {
    onUse();
    const ok = await copyText(clipboardText(post.title, post.content));
    replace(copyNote, ok ? s.copied : s.copyFailed);
  };
  const shareMedia = async (): Promise<void> => {
    replace(mediaNote, s.sharingImages);
    const result = await shareImages(urls, post.title);
    if (result === 'shared') onUse();
    if (result === 'shared' || result === 'cancelled') replace(mediaNote);
    else replace(mediaNote, h('p', {}, s.shareFailed), saveLinks(s, urls, onUse));
  };

  return h(
    'section',
    { class: 'panel fallback', testid: 'fallback' },
    h('h2', {}, s.fallbackTitle),
    h('button', { class: 'btn', testid: 'fallback-copy', onClick: () => void copy() }, s.copyText),
    copyNote,
    urls.length
      ? h('button', { class: 'btn', testid: 'fallback-share-images', onClick: () => void shareMedia() }, s.shareImages)
      : null,
    mediaNote,
    h('a', { class: 'btn btn-primary', testid: 'fallback-open-app', attrs: { href: XHS_APP_URL } }, s.openApp),
  );
}
