// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../api/errors';
import { en, zh } from './messages';

import { errorText, fieldLabel, format, locale, setLocale, t } from './index';

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
  it('translates error codes and keeps the server detail as a hint', () => {
    expect(errorText(new ApiError(401, 'invalid_credentials', 'bad password'))).toBe('用户名或密码错误');
    expect(errorText(new ApiError(503, 'xhs_not_configured', 'no app key'))).toBe('服务器未配置小红书凭据: no app key');
    expect(errorText(new ApiError(418, 'teapot', 'teapot'))).toBe('出错了（HTTP 418）');
  });
  it('labels server field names, counting images from 1', () => {
    expect(fieldLabel('title')).toBe('标题');
    expect(fieldLabel('image_urls[2]')).toBe('第 3 张图');
    expect(fieldLabel('something_new')).toBe('something_new');
  });
});
