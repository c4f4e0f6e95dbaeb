import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors';
import { noticeKind, noticeText, retryText } from './notice';
import { shareStrings } from './strings';

const s = shareStrings();

describe('noticeKind', () => {
  it('says which of revoked, expired or deleted a 410 is', () => {
    expect(noticeKind(new ApiError(410, 'link_revoked', 'x'))).toBe('link_revoked');
    expect(noticeKind(new ApiError(410, 'link_expired', 'x'))).toBe('link_expired');
    expect(noticeKind(new ApiError(410, 'post_deleted', 'x'))).toBe('post_deleted');
    expect(noticeKind(new ApiError(410, 'link_revoked', 'x'))).toBe('link_revoked');
  });
  it('reads 404 as an unknown link and 429 as rate limited', () => {
    expect(noticeKind(new ApiError(404, 'not_found', 'link not found'))).toBe('link_not_found');
    expect(noticeKind(new ApiError(429, 'rate_limited', 'x', [], null, 5))).toBe('rate_limited');
  });
  it('reads a 409 post_not_approved as a note being revised', () => {
    expect(noticeKind(new ApiError(409, 'post_not_approved', 'x'))).toBe('post_not_approved');
  });
  it('leaves other errors to the caller', () => {
    expect(noticeKind(new ApiError(0, 'network', 'offline'))).toBeNull();
    expect(noticeKind(new Error('boom'))).toBeNull();
  });
});

describe('noticeText', () => {
  it('names each case in words', () => {
    expect(noticeText(s, 'link_revoked')[0]).toBe('此链接已被撤销');
    expect(noticeText(s, 'link_expired')[0]).toBe('此链接已过期');
    expect(noticeText(s, 'post_deleted')[0]).toBe('笔记已被删除');
    expect(noticeText(s, 'link_not_found')[0]).toBe('链接不存在');
    expect(noticeText(s, 'post_not_approved')).toEqual([
      '笔记正在修改中',
      '这篇笔记正在修改，审核通过后才能发布。请稍后再打开这个链接。',
    ]);
  });
  it('puts the Retry-After seconds in the retry message', () => {
    expect(retryText(s, 12)).toBe('请求太频繁，请 12 秒后重试');
    expect(retryText(s, null)).toBe('请求太频繁，请稍后重试');
  });
});
