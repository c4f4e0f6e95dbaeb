/** The three alternatives to calling the SDK: WeChat guidance, desktop QR, manual fallback. */
import { h, replace } from './dom';
import { clipboardText, copyText, noteMedia, shareImages, XHS_APP_URL } from './fallback';
import type { SharedNote } from './source';
import { named, type ShareStrings } from './strings';

/**
 * A full-screen overlay pointing at WeChat's ··· menu (top right); `app` is
 * the one the person wanted. `onKit`, when given, offers the copy kit beside
 * the way out (copy the text, long-press the images), and closes the overlay.
 */
export function wechatGuide(s: ShareStrings, app = s.xhsName, onKit?: () => void): HTMLElement {
  const kit = onKit
    ? h('button', { class: 'btn btn-ghost btn-kit', testid: 'wechat-kit', attrs: { type: 'button' }, onClick: () => {
        overlay.remove();
        onKit();
      } }, s.wechatKitButton)
    : null;
  const overlay: HTMLElement = h(
    'div',
    { class: 'overlay', testid: 'wechat-guide', attrs: { role: 'dialog', 'aria-modal': 'true' } },
    h('div', { class: 'overlay-arrow', attrs: { 'aria-hidden': 'true' } }, '↗'),
    h('p', { class: 'overlay-title' }, s.wechatTitle),
    h('p', { class: 'overlay-text' }, s.wechatGuide),
    h('p', { class: 'overlay-hint' }, named(s.wechatWhy, app)),
    kit,
    h('button', { class: 'btn btn-ghost', testid: 'wechat-guide-close', onClick: () => overlay.remove() }, s.close),
  );
  return overlay;
}

/** Shows the WeChat guidance again on top (after a tap), replacing one still open. */
export function showWechatGuide(s: ShareStrings, app = s.xhsName, onKit?: () => void): void {
  document.querySelector('[data-testid="wechat-guide"]')?.remove();
  document.body.append(wechatGuide(s, app, onKit));
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
 * Images shown large with a "long-press to save" hint: in WeChat, where
 * downloads and app schemes are blocked, and in a platform's copy kit.
 */
export function longPressImages(s: ShareStrings, urls: string[], testid = 'fallback-long-press'): HTMLElement {
  return h(
    'div',
    { class: 'long-press', testid },
    h('p', { class: 'small' }, s.longPressSave),
    ...urls.map((u) => h('img', { class: 'long-press-img', attrs: { src: u, alt: s.saveImage } })),
  );
}

/**
 * "① 复制标题和正文" and the line that says whether it worked, naming the app
 * to paste in. `onUse` runs on the tap; `testid` names the button,
 * `<testid>-status` the line.
 */
export function copyControl(
  s: ShareStrings,
  text: string,
  onUse: () => void,
  testid: string,
  opts: { primary?: boolean; app?: string } = {},
): [HTMLButtonElement, HTMLElement] {
  const note = h('p', { class: 'small', testid: `${testid}-status`, attrs: { role: 'status' } });
  const copy = async (): Promise<void> => {
    onUse();
    replace(note, (await copyText(text)) ? named(s.copied, opts.app ?? s.xhsName) : s.copyFailed);
  };
  const button = h('button', { class: opts.primary ? 'btn btn-primary' : 'btn', testid, onClick: () => void copy() }, s.copyText);
  return [button, note];
}

export interface FallbackOptions {
  /** In WeChat: long-press images, no download links, no app scheme. */
  wechat?: boolean;
  /** Whether this panel holds the page's one primary button (the publish button is hidden). */
  primary?: boolean;
}

/**
 * Copy text, share or save media, open the app (shared XHS_FACTS §4). The reason
 * is in the status line. `onUse` runs when the person copies, shares or saves.
 */
export function fallbackPanel(
  s: ShareStrings,
  post: SharedNote,
  onUse: () => void = () => undefined,
  opts: FallbackOptions = {},
): HTMLElement {
  const urls = noteMedia(post);
  const mediaNote = h('div', { class: 'small', testid: 'fallback-media-status' });
  const btn = (primary: boolean): string => (primary ? 'btn btn-primary' : 'btn');

  const shareMedia = async (): Promise<void> => {
    replace(mediaNote, s.sharingImages);
    const result = await shareImages(urls, post.title);
    if (result === 'shared') onUse();
    if (result === 'shared' || result === 'cancelled') replace(mediaNote);
    else replace(mediaNote, h('p', {}, s.shareFailed), saveLinks(s, urls, onUse));
  };
  const [copyButton, copyNote] = copyControl(
    s,
    clipboardText(post.title, post.content),
    onUse,
    'fallback-copy',
    { primary: !!opts.wechat && !!opts.primary },
  );
  if (opts.wechat) {
    const images = post.type === 'video' ? urls.slice(1) : urls;
    return h(
      'section',
      { class: 'panel fallback', testid: 'fallback' },
      h('h2', {}, s.fallbackTitle),
      copyButton,
      copyNote,
      images.length ? longPressImages(s, images) : null,
    );
  }
  return h(
    'section',
    { class: 'panel fallback', testid: 'fallback' },
    h('h2', {}, s.fallbackTitle),
    copyButton,
    copyNote,
    urls.length
      ? h('button', { class: 'btn', testid: 'fallback-share-images', onClick: () => void shareMedia() }, s.shareImages)
      : null,
    mediaNote,
    h('a', { class: btn(!!opts.primary), testid: 'fallback-open-app', attrs: { href: XHS_APP_URL } }, s.openApp),
  );
}
