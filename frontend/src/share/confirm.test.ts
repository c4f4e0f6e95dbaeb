// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { ApiError, type Rule } from '../api/errors';
import { confirmError, confirmPanel } from './confirm';
import { shareStrings } from './strings';

const s = shareStrings();
const q = (root: Element, id: string) => root.querySelector(`[data-testid="${id}"]`) as HTMLElement;
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('confirmPanel', () => {
  it('opens a form and sends the pasted link, then thanks the person', async () => {
    const send = vi.fn(async () => undefined);
    const panel = confirmPanel(s, send);
    q(panel, 'confirm-toggle').click();
    (q(panel, 'confirm-input') as HTMLInputElement).value = ' https://www.xiaohongshu.com/explore/64a1b2c3d4e5f6a7b8c9d0e1 ';
    q(panel, 'confirm-submit').closest('form')?.dispatchEvent(new Event('submit', { cancelable: true }));
    await flush();
    expect(send).toHaveBeenCalledWith('https://www.xiaohongshu.com/explore/64a1b2c3d4e5f6a7b8c9d0e1');
    expect(q(panel, 'confirm-done').textContent).toBe('已记录，谢谢！');
  });

  it('words a 422 from its rule in the page language and keeps the form', async () => {
    const msg = 'note_url must be the link of a published XHS note';
    const send = vi.fn(async () => {
      throw new ApiError(422, 'validation_failed', msg, [{ field: 'note_url', rule: 'xhs_note_url', message: msg }]);
    });
    const panel = confirmPanel(s, send);
    q(panel, 'confirm-toggle').click();
    (q(panel, 'confirm-input') as HTMLInputElement).value = 'https://example.com/x';
    q(panel, 'confirm-submit').closest('form')?.dispatchEvent(new Event('submit', { cancelable: true }));
    await flush();
    expect(q(panel, 'confirm-status').textContent).toBe(
      '不是小红书笔记链接：请粘贴已发布笔记的链接（xiaohongshu.com/explore/… 或 xhslink.com/…）',
    );
    expect((q(panel, 'confirm-submit') as HTMLButtonElement).disabled).toBe(false);
  });
});

describe('confirmError', () => {
  it('says when to retry after a 429', () => {
    expect(confirmError(s, new ApiError(429, 'rate_limited', 'x', [], null, 3))).toBe('请求太频繁，请 3 秒后重试');
  });
  it('words a 422 in English when the operator chose English', () => {
    localStorage.setItem('xhspub.lang', 'en');
    try {
      const e = new ApiError(422, 'validation_failed', 'm', [{ field: 'note_url', rule: 'well_formed', message: 'invalid type' }]);
      expect(confirmError(shareStrings(), e)).toBe('Note link is malformed');
    } finally {
      localStorage.removeItem('xhspub.lang');
    }
  });
  it("shows the server's message for a rule the page has no words for, and the detail without field errors", () => {
    const e = new ApiError(422, 'validation_failed', 'd', [{ field: 'note_url', rule: 'brand_new' as Rule, message: 'note_url is odd' }]);
    expect(confirmError(s, e)).toBe('note_url is odd');
    expect(confirmError(s, new ApiError(422, 'validation_failed', 'bad link'))).toBe('不是小红书笔记链接：bad link');
  });
});
