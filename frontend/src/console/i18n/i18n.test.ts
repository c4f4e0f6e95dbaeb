// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../api/errors';
import { actorKindValues, auditActionValues, reviewStatusValues, roleValues } from '../../api/team-types';
import { en, zh } from './messages';

import { errorText, fieldLabel, format, locale, ruleMessage, setLocale, t } from './index';

describe('i18n', () => {
  beforeEach(() => setLocale('zh'));

  it('is Chinese by default and switches to English', () => {
    expect(t('login.submit')).toBe('登录');
    setLocale('en');
    expect(locale.value).toBe('en');
    expect(t('login.submit')).toBe('Log in');
  });
  it('remembers the choice in localStorage', () => {
    setLocale('en');
    expect(localStorage.getItem('xhspub.lang')).toBe('en');
  });
  it('fills placeholders and leaves unknown ones alone', () => {
    expect(format('{n} 张图 {x}', { n: 3 })).toBe('3 张图 {x}');
    expect(t('list.images', { n: 2 })).toBe('2 张图');
  });
  it('has the same keys in both languages', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
  });
  it('words every role, audit action, actor kind and review status in both languages', () => {
    const keys = [
      ...roleValues.map((r) => `role.${r}`),
      ...auditActionValues.map((a) => `audit.act.${a}`),
      ...actorKindValues.map((k) => `audit.kind.${k}`),
      ...reviewStatusValues.map((s) => `review.status.${s}`),
      ...['forbidden', 'forbidden.role', 'last_admin', 'post_not_approved', 'invalid_review_state'].map((c) => `err.${c}`),
    ];
    for (const k of keys) {
      expect(zh[k as keyof typeof zh], k).toBeTruthy();
      expect(en[k as keyof typeof en], k).toBeTruthy();
    }
  });
  it('translates error codes and keeps the server detail as a hint', () => {
    expect(errorText(new ApiError(401, 'invalid_credentials', 'bad password'))).toBe('用户名或密码错误');
    expect(errorText(new ApiError(503, 'xhs_not_configured', 'no app key'))).toBe('服务器未配置小红书凭据: no app key');
    expect(errorText(new ApiError(418, 'teapot', 'teapot'))).toBe('出错了（HTTP 418）');
  });
  it('names what a 404 says is missing, so a missing account is not a missing note', () => {
    const missing = (resource: string | null) => new ApiError(404, 'not_found', 'x not found', [], null, null, resource);
    expect(errorText(missing('account'))).toBe('账号不存在或已删除: x not found');
    expect(errorText(missing('post'))).toBe('笔记不存在或已删除: x not found');
    expect(errorText(missing(null))).toBe('要找的内容不存在: x not found');
  });
  it('labels server field names, counting images from 1', () => {
    expect(fieldLabel('title')).toBe('标题');
    expect(fieldLabel('image_urls[2]')).toBe('第 3 张图');
    expect(fieldLabel('something_new')).toBe('something_new');
    setLocale('en');
    expect(fieldLabel('image_urls[2]')).toBe('Image 3');
  });
  it('words server rules in the current language', () => {
    const v = { rule: 'max_chars' as const, field: 'title', message: 'title has 23 characters; XHS allows at most 20', actual: 23, limit: 20 };
    expect(ruleMessage(v)).toBe('标题 23 字，最多 20 字');
    setLocale('en');
    expect(ruleMessage(v)).toBe('Title has 23 characters; at most 20');
  });
  it('words field errors instead of the English detail, leaving out those a form shows', () => {
    const e = new ApiError(422, 'validation_failed', 'title has 23 characters; XHS allows at most 20; body: expected value', [
      { field: 'title', rule: 'max_chars', message: 'title has 23 characters; XHS allows at most 20', actual: 23, limit: 20 },
      { field: 'body', rule: 'well_formed', message: 'expected value' },
    ]);
    expect(errorText(e)).toBe('内容不符合要求，请检查标红的字段: 标题 23 字，最多 20 字；请求内容格式不正确');
    expect(errorText(e, ['title'])).toBe('内容不符合要求，请检查标红的字段: 请求内容格式不正确');
    expect(errorText(e, ['title', 'body'])).toBe('内容不符合要求，请检查标红的字段');
    setLocale('en');
    expect(errorText(e, ['body'])).toBe('Some fields need fixing (marked red): Title has 23 characters; at most 20');
  });
  it('names the role a refusal needs, and words the workflow codes', () => {
    const forbidden = new ApiError(403, 'forbidden', 'needs operator', [], null, null, null, 'operator');
    expect(errorText(forbidden)).toBe('没有权限：需要「运营」及以上角色');
    expect(errorText(new ApiError(403, 'forbidden', 'no'))).toBe('当前角色无权执行此操作: no');
    expect(errorText(new ApiError(409, 'post_not_approved', 'x'))).toContain('尚未通过审核');
    expect(errorText(new ApiError(409, 'last_admin', 'x'))).toContain('管理员');
    setLocale('en');
    expect(errorText(forbidden)).toBe('Not allowed: needs the Operator role or higher');
    expect(errorText(new ApiError(409, 'invalid_review_state', 'post is approved'))).toContain('review status');
  });
});
