/**
 * A platform's copy kit (shared XHS_FACTS §6): Kuaishou, Bilibili and 视频号
 * have no H5 share, so the person copies the text, saves the media and opens
 * the app. In WeChat every platform gets this kit, without the app button
 * (WeChat blocks app schemes) and without downloads.
 */
import { h } from './dom';
import { clipboardText, isVideoUrl, noteMedia } from './fallback';
import type { CopyKit } from './handoff';
import { copyControl, longPressImages } from './panels';
import { GLYPH, type Platform } from './platforms';
import type { SharedNote } from './source';
import { named, type ShareStrings } from './strings';

/** The kit built from the note itself, for WeChat where no app can be opened. */
export function localKit(post: SharedNote): CopyKit {
  return { url: null, text: clipboardText(post.title, post.content), media: noteMedia(post) };
}

export interface KitOptions {
  /** In WeChat: no app button, no video download. */
  wechat?: boolean;
  /** Runs when the person copies the text or saves the video. */
  onUse?: () => void;
  /** Runs when the person taps the app button. */
  onOpen?: () => void;
}

export function kitPanel(s: ShareStrings, p: Platform, kit: CopyKit, opts: KitOptions = {}): HTMLElement {
  const onUse = opts.onUse ?? (() => undefined);
  const [copyButton, copyNote] = copyControl(s, kit.text, onUse, 'kit-copy', { app: p.name });
  const images = kit.media.filter((u) => !isVideoUrl(u));
  const videos = opts.wechat ? [] : kit.media.filter(isVideoUrl);
  const media =
    images.length || videos.length
      ? h(
          'div',
          { class: 'kit-media', testid: 'kit-media' },
          images.length ? longPressImages(s, images, 'kit-images') : null,
          ...videos.map((v) =>
            h(
              'a',
              { class: 'btn', testid: 'kit-video', attrs: { href: v, download: '', target: '_blank', rel: 'noopener' }, onClick: onUse },
              s.kitVideo,
            ),
          ),
        )
      : null;
  const open =
    kit.url && !opts.wechat
      ? h(
          'a',
          {
            class: `btn btn-platform pf-${p.platform}`,
            testid: 'kit-open',
            attrs: { href: kit.url, 'data-glyph': GLYPH[p.platform] },
            onClick: opts.onOpen,
          },
          named(s.kitOpen, p.name),
        )
      : null;
  return h(
    'section',
    { class: 'panel kit', testid: 'kit', attrs: { 'data-platform': p.platform } },
    h('h2', {}, named(s.publishTo, p.name)),
    copyButton,
    copyNote,
    media,
    open,
  );
}
