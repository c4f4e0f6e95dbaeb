// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { kitPanel, localKit } from './kit';
import type { Platform } from './platforms';
import type { SharedNote } from './source';
import { shareStrings } from './strings';

const s = shareStrings();
const bilibili: Platform = { platform: 'bilibili', name: '哔哩哔哩', handoff: 'copy_kit' };
const video: SharedNote = {
  type: 'video',
  title: 'Vlog',
  content: '一天 #日常',
  imageUrls: [],
  coverUrl: 'https://img.example/cover.jpg',
  videoUrl: 'https://img.example/day.mp4',
};

describe('kitPanel', () => {
  it('shows images to long-press and the video as a link to save', () => {
    const el = kitPanel(s, bilibili, { url: 'bilibili://', text: 't', media: ['https://img.example/day.mp4', 'https://img.example/cover.jpg'] });
    expect([...el.querySelectorAll('[data-testid="kit-media"] img')].map((i) => i.getAttribute('src'))).toEqual([
      'https://img.example/cover.jpg',
    ]);
    expect(el.querySelector('[data-testid="kit-video"]')?.getAttribute('href')).toBe('https://img.example/day.mp4');
    expect(el.querySelector('[data-testid="kit-open"]')?.textContent).toBe('③ 打开哔哩哔哩');
    expect(el.querySelectorAll('.btn-primary')).toHaveLength(0);
  });

  it('has no media block when there is nothing to save, and no app button without a scheme', () => {
    const el = kitPanel(s, bilibili, { url: null, text: 't', media: [] });
    expect(el.querySelector('[data-testid="kit-media"]')).toBeNull();
    expect(el.querySelector('[data-testid="kit-open"]')).toBeNull();
    expect(el.querySelector('[data-testid="kit-copy"]')).not.toBeNull();
  });
});

describe('the copy button', () => {
  it("copies the kit's text and says which app to paste it in", async () => {
    let used = 0;
    const el = kitPanel(s, bilibili, { url: null, text: '标题\n\n正文', media: [] }, { onUse: () => used++ });
    (el.querySelector('[data-testid="kit-copy"]') as HTMLElement).click();
    await vi.waitFor(() => expect(el.querySelector('[data-testid="kit-copy-status"]')?.textContent).toBe('已复制，可在哔哩哔哩中粘贴'));
    expect(await navigator.clipboard.readText()).toBe('标题\n\n正文');
    expect(used).toBe(1);
  });
});

describe('localKit', () => {
  it("is the note's title and body, and its video and cover, with nothing to open", () => {
    expect(localKit(video)).toEqual({
      url: null,
      text: 'Vlog\n\n一天 #日常',
      media: ['https://img.example/day.mp4', 'https://img.example/cover.jpg'],
    });
  });
});
