// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { type Component, createApp, h, nextTick, ref } from 'vue';
import type { Variant } from '../../api/types';
import { setLocale } from '../i18n';
import type { Draft } from '../lib/draft';
import { emptyVariant, type VariantDraft } from '../lib/variants';
import VariantForm from './VariantForm.vue';
import VariantTabs from './VariantTabs.vue';

function mount(component: Component, props: Record<string, unknown>): { el: HTMLElement; unmount: () => void } {
  const el = document.createElement('div');
  const app = createApp(component, props);
  app.mount(el);
  return { el, unmount: () => app.unmount() };
}

const variant = (id: number, label: string): Variant => ({
  id,
  post_id: 1,
  label,
  title: null,
  content: null,
  image_urls: null,
  cover_url: null,
  position: id,
  post_version: 3,
  created_at: '2026-12-06T00:00:00Z',
  updated_at: '2026-12-06T00:00:00Z',
});

const note: Draft = { type: 'normal', title: '原文标题', content: '原文正文 #春游 ', image_urls: ['https://img/1.jpg'], cover_url: null, video_url: null };

afterEach(() => setLocale('zh'));

describe('VariantTabs', () => {
  it('shows 原文, a tab per variant and ＋ 变体, marks the open one and asks to open another', async () => {
    setLocale('zh');
    const opened: unknown[] = [];
    const { el, unmount } = mount(VariantTabs, {
      variants: [variant(4, '品牌号'), variant(5, '测试号')],
      tab: 5,
      canAdd: true,
      onOpen: (t: unknown) => opened.push(t),
    });
    const tabs = [...el.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
    expect(tabs.map((b) => b.textContent?.trim())).toEqual(['原文', '品牌号', '测试号', '＋ 变体']);
    expect(tabs.map((b) => b.getAttribute('aria-selected'))).toEqual(['false', 'false', 'true', 'false']);
    tabs[1]?.click();
    tabs[3]?.click();
    tabs[0]?.click();
    expect(opened).toEqual([4, 'new', 'note']);
    unmount();
  });

  it('offers no ＋ 变体 to a role that may not write', () => {
    const { el, unmount } = mount(VariantTabs, { variants: [], tab: 'note', canAdd: false });
    expect(el.querySelector('[data-testid="variant-tab-new"]')).toBeNull();
    unmount();
  });
});

describe('VariantForm', () => {
  it('shows the note’s text as placeholders and counts what the variant will show', async () => {
    setLocale('zh');
    const model = ref<VariantDraft>(emptyVariant('A'));
    const Host = {
      setup: () => () => h(VariantForm, { modelValue: model.value, 'onUpdate:modelValue': (v: VariantDraft) => (model.value = v), note, error: null }),
    };
    const { el, unmount } = mount(Host, {});
    const title = el.querySelector<HTMLInputElement>('[data-testid="variant-title"]');
    expect(title?.placeholder).toBe('原文标题');
    expect(el.querySelector<HTMLTextAreaElement>('[data-testid="variant-body"]')?.placeholder).toBe(note.content);
    expect(el.querySelector('[data-testid="variant-images-fallback"]')).not.toBeNull();
    expect(el.querySelector('[data-testid="variant-title-counter"]')?.textContent).toContain('4');
    if (title) {
      title.value = '品牌号版本的标题';
      title.dispatchEvent(new Event('input'));
    }
    await nextTick();
    expect(model.value.title).toBe('品牌号版本的标题');
    expect(el.querySelector('[data-testid="variant-title-counter"]')?.textContent).toContain('8');
    unmount();
  });
});
