// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, h } from 'vue';
import type { Assignment } from '../../api/types';
import { i18n, setLocale } from '../i18n';
import PlanMatrix from './PlanMatrix.vue';

const one = (id: number, account: [number, string], post: [number, string], at: string, variant: string | null = null): Assignment => ({
  id,
  campaign_id: 1,
  account_id: account[0],
  account_name: account[1],
  groups: [],
  post_id: post[0],
  post_title: post[1],
  channel: 'link',
  scheduled_at: at,
  status: 'planned',
  variant_id: variant ? id : null,
  variant_label: variant,
});

afterEach(() => {
  document.body.innerHTML = '';
});

describe('PlanMatrix', () => {
  it('puts accounts in rows and notes in the campaign order, each cell the time and the variant', () => {
    setLocale('zh');
    const items = [
      one(1, [10, '王同学'], [200, '笔记乙'], '2026-12-07T02:00:00Z', '版本A'),
      one(2, [10, '王同学'], [100, '笔记甲'], '2026-12-07T06:00:00Z'),
      one(3, [11, '李同学'], [100, '笔记甲'], '2026-12-08T03:30:00Z', '版本B'),
    ];
    const el = document.createElement('div');
    document.body.append(el);
    const app = createApp(() => h(PlanMatrix, { assignments: items, postOrder: [100, 200], zone: 'Asia/Shanghai' })).use(i18n);
    app.mount(el);
    const heads = [...el.querySelectorAll('[data-testid="matrix-post"]')].map((th) => th.textContent);
    expect(heads).toEqual(['笔记甲', '笔记乙']);
    const rows = [...el.querySelectorAll('[data-testid="matrix-row"]')];
    expect(rows.map((r) => r.querySelector('th')?.textContent)).toEqual(['王同学', '李同学']);
    const cells = (i: number) => [...(rows[i]?.querySelectorAll('[data-testid="matrix-cell"]') ?? [])].map((c) => c as HTMLElement);
    const wang = cells(0);
    expect(wang[0]?.textContent).toContain('原文');
    expect(wang[1]?.textContent).toContain('版本A');
    expect(wang[1]?.querySelector('time')?.getAttribute('datetime')).toBe('2026-12-07T02:00:00Z');
    // Shown on the statistics zone's clock (02:00 UTC is 10:00 in Shanghai), whatever the test runner's.
    expect(wang[1]?.querySelector('time')?.textContent).toContain('10:00');
    const li = cells(1);
    expect(li[0]?.textContent).toContain('版本B');
    expect(li[1]?.textContent?.trim()).toBe('');
    app.unmount();
  });
});
