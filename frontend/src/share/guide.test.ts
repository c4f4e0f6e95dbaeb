// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { type GuideActions, guideSteps, kitGuide, nextStep } from './guide';
import type { SharedNote } from './source';
import { shareStrings } from './strings';

const s = shareStrings();
const note: SharedNote = {
  type: 'normal',
  title: '周末咖啡',
  content: '好喝 #咖啡 ',
  imageUrls: ['https://img.example/1.jpg', 'https://img.example/2.jpg'],
  coverUrl: null,
  videoUrl: null,
};

function actions(share: Awaited<ReturnType<GuideActions['share']>> = 'shared') {
  const log: string[] = [];
  const act: GuideActions = {
    copy: vi.fn(async (text: string) => (log.push(`copy:${text}`), true)),
    share: vi.fn(async (urls: string[], _title: string, text: string) => (log.push(`share:${urls.length}:${text.length > 0}`), share)),
    open: vi.fn((url: string) => void log.push(`open:${url}`)),
    showSave: vi.fn((urls: string[]) => void log.push(`save:${urls.length}`)),
    paste: vi.fn(() => void log.push('paste')),
    used: vi.fn(() => void log.push('used')),
  };
  return { act, log };
}

describe('the copy kit as guided steps', () => {
  it('has media and paste-back steps only when they apply', () => {
    expect(guideSteps(true, true)).toEqual(['copy', 'media', 'open', 'paste']);
    expect(guideSteps(false, false)).toEqual(['copy', 'open']);
    expect(nextStep(['copy', 'open'], 'copy')).toBe('open');
    expect(nextStep(['copy', 'open'], 'open')).toBeNull();
  });

  it('copies the text first, then shares the images with the text, opens 小红书, then offers the paste-back', async () => {
    const button = document.createElement('button');
    button.textContent = s.publish;
    const { act, log } = actions();
    const g = kitGuide(s, note, button, act, { canConfirm: true, start: s.notConfiguredPublic });
    expect(g.line.textContent).toBe(s.notConfiguredPublic);
    expect(button.textContent).toBe(s.publish);

    await g.tap();
    expect(log[0]).toBe('copy:周末咖啡\n\n好喝 #咖啡 ');
    // Each step says what comes next, and the button becomes that step.
    expect(g.line.textContent).toContain(s.guideCopied);
    expect(g.line.textContent).toContain('2/4');
    expect(button.textContent).toBe(`② ${s.guideMedia}`);

    await g.tap();
    expect(log).toContain('share:2:true');
    expect(g.line.textContent).toContain(s.guideShared);
    expect(button.textContent).toBe(`③ ${s.guideOpen}`);

    await g.tap();
    expect(log).toContain('open:xhsdiscover://');
    expect(button.textContent).toBe(`④ ${s.guidePaste}`);

    await g.tap();
    expect(log.at(-1)).toBe('paste');
    expect(g.line.textContent).toBe(s.guidePasteHere);
    expect(button.dataset.step).toBe('paste');
  });

  it('lists the images to save when the browser cannot share files, and still moves on', async () => {
    const button = document.createElement('button');
    const { act, log } = actions('unsupported');
    const g = kitGuide(s, note, button, act, { canConfirm: false, start: '' });
    await g.tap();
    await g.tap();
    expect(log).toContain('save:2');
    expect(g.line.textContent).toContain(s.guideSaveBelow);
    expect(g.current()).toBe('open');
    await g.tap();
    // Without a paste-back the guide ends at opening the app.
    expect(button.dataset.step).toBe('done');
  });
});
