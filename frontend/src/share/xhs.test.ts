import { describe, expect, it } from 'vitest';
import { failMessage, toShareArgs } from './xhs';
import type { PublishPayload } from '../api/types';

const payload: PublishPayload = {
  data: { appKey: 'red.key', nonce: 'abc123', timestamp: 1727775600000, signature: 'f'.repeat(64) },
  shareInfo: { type: 'normal', title: '标题', content: '正文 #话题', images: ['https://img.example/1.jpg'] },
};

describe('toShareArgs', () => {
  it("passes the server's shareInfo and data objects through unchanged", () => {
    const fail = (): void => undefined;
    const args = toShareArgs(payload, fail);
    expect(args.shareInfo).toBe(payload.shareInfo);
    expect(args.verifyConfig).toBe(payload.data);
    expect(args.fail).toBe(fail);
    expect(Object.keys(args).sort()).toEqual(['fail', 'shareInfo', 'verifyConfig']);
  });
  it('keeps the timestamp a number, as the server signed it', () => {
    expect(typeof toShareArgs(payload, () => undefined).verifyConfig.timestamp).toBe('number');
  });
});

describe('failMessage', () => {
  it('prefers msg, then message, then errMsg', () => {
    expect(failMessage({ msg: '签名校验失败' })).toBe('签名校验失败');
    expect(failMessage({ message: 'bad' })).toBe('bad');
    expect(failMessage({ errMsg: 'share:fail' })).toBe('share:fail');
  });
  it('adds a code when there is one', () => {
    expect(failMessage({ code: -1, msg: '未安装' })).toBe('未安装 (-1)');
  });
  it('stringifies an object without a message', () => {
    expect(failMessage({ code: 500 })).toBe('{"code":500}');
  });
  it('handles strings, Errors, undefined and cycles', () => {
    expect(failMessage('oops')).toBe('oops');
    expect(failMessage(new Error('boom'))).toBe('boom');
    expect(failMessage(undefined)).toBe('unknown error');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(failMessage(cyclic)).toBe('[object Object]');
  });
});
