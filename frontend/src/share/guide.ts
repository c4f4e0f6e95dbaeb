/**
 * The copy kit as guided steps in place (issue 21, shared XHS_FACTS §4): on a
 * phone without XHS credentials, the XHS button stays first in the footer and
 * walks the person through copy the text → share or save the images (with
 * the text, `navigator.share({ files, text, title })`) → open 小红书 → paste
 * the note link back. The button's label is the current step's action, and
 * the line above it says what the step did and what comes next.
 */
import { h, replace } from './dom';
import { canShareFiles, clipboardText, copyText, isVideoUrl, noteMedia, shareImages, XHS_APP_URL } from './fallback';
import { openUrl } from './navigate';
import { longPressImages } from './panels';
import type { SharedNote } from './source';
import type { ShareStrings } from './strings';

export type GuideStep = 'copy' | 'media' | 'open' | 'paste';

const CIRCLED = ['①', '②', '③', '④'];

/** The steps for a note: media only when it has some, paste-back only when the link takes it. */
export function guideSteps(hasMedia: boolean, canConfirm: boolean): GuideStep[] {
  return (['copy', 'media', 'open', 'paste'] as const).filter((st) => (st !== 'media' || hasMedia) && (st !== 'paste' || canConfirm));
}

/** The step after `step`, or null at the end. */
export function nextStep(steps: readonly GuideStep[], step: GuideStep): GuideStep | null {
  return steps[steps.indexOf(step) + 1] ?? null;
}

/** What the page does on each step; injected so the sequence is tested without a browser. */
export interface GuideActions {
  copy(text: string): Promise<boolean>;
  /** Share sheet with files and text where the browser can; 'unsupported'/'failed' mean: show save links. */
  share(urls: string[], title: string, text: string): Promise<'shared' | 'cancelled' | 'unsupported' | 'failed'>;
  open(url: string): void;
  /** Shows the images to save by hand (long press) under the note. */
  showSave(urls: string[]): void;
  /** Opens the paste-back form and puts the cursor in it. */
  paste(): void;
  /** A step was used (reported as a fallback use; offers the paste-back). */
  used(): void;
}

export const browserActions = (s: ShareStrings, showPanel: (el: HTMLElement) => void, paste: () => void, used: () => void): GuideActions => ({
  copy: copyText,
  share: (urls, title, text) => (canShareFiles() ? shareImages(urls, title, text) : Promise.resolve('unsupported')),
  open: (url) => openUrl(url),
  showSave: (urls) => showPanel(h('section', { class: 'panel kit', testid: 'guide-save' }, longPressImages(s, urls, 'guide-save-images'))),
  paste,
  used,
});

export interface Guide {
  /** The line above the XHS button: this step's outcome and the next step. */
  line: HTMLElement;
  /** Runs the current step (the XHS button's tap) and moves on. */
  tap(): Promise<void>;
  current(): GuideStep | null;
}

/** Builds the guide over the footer's XHS button, whose label becomes the current step's action. */
export function kitGuide(
  s: ShareStrings,
  post: SharedNote,
  button: HTMLButtonElement,
  act: GuideActions,
  opts: { canConfirm: boolean; start: string },
): Guide {
  const { canConfirm, start } = opts;
  const media = noteMedia(post);
  const images = media.filter((u) => !isVideoUrl(u));
  const steps = guideSteps(media.length > 0, canConfirm);
  const words: Record<GuideStep, string> = { copy: s.guideCopy, media: images.length ? s.guideMedia : s.guideVideo, open: s.guideOpen, paste: s.guidePaste };
  const label = (st: GuideStep): string => `${CIRCLED[steps.indexOf(st)] ?? ''} ${words[st]}`.trim();
  const line = h('p', { class: 'guide-line small', testid: 'guide-line', attrs: { role: 'status', 'aria-live': 'polite' } });
  let step: GuideStep | null = null;

  const say = (done: string, next: GuideStep | null): void => {
    const n = next ? steps.indexOf(next) + 1 : 0;
    const then = next ? s.guideNext.replace('{n}', String(n)).replace('{total}', String(steps.length)).replace('{step}', label(next)) : '';
    replace(line, [done, then].filter(Boolean).join(' '));
  };
  const moveTo = (next: GuideStep | null): void => {
    step = next;
    button.dataset.step = next ?? 'done';
    if (next) replace(button, label(next));
  };

  async function tap(): Promise<void> {
    const at = step ?? 'copy';
    const next = nextStep(steps, at);
    switch (at) {
      case 'copy': {
        const ok = await act.copy(clipboardText(post.title, post.content));
        act.used();
        say(ok ? s.guideCopied : s.copyFailed, next);
        break;
      }
      case 'media': {
        const result = await act.share(media, post.title, clipboardText(post.title, post.content));
        act.used();
        if (result === 'shared' || result === 'cancelled') say(result === 'shared' ? s.guideShared : s.guideShareCancelled, next);
        else {
          act.showSave(media);
          say(s.guideSaveBelow, next);
        }
        break;
      }
      case 'open':
        act.open(XHS_APP_URL);
        say(s.guideOpened, next);
        break;
      case 'paste':
        act.paste();
        say(s.guidePasteHere, null);
        return; // stays on this step: the form does the rest
    }
    moveTo(next);
  }

  replace(line, start);
  button.dataset.step = 'start';
  return { line, tap, current: () => step };
}
