import { describe, expect, it } from 'vitest';
import { isPrivateHost, isPrivateUrl } from './privateHost';

describe('isPrivateUrl', () => {
  it.each([
    'http://127.0.0.1:8080/s/abc',
    'http://127.8.9.1/s/abc',
    'http://localhost:3000/s/abc',
    'http://[::1]:8080/s/abc',
    'http://10.1.2.3/s/abc',
    'http://172.16.0.1/s/abc',
    'http://172.31.255.255/s/abc',
    'http://192.168.1.20/s/abc',
    'http://0.0.0.0:8080/s/abc',
  ])('warns about %s', (url) => {
    expect(isPrivateUrl(url)).toBe(true);
  });

  it.each([
    'https://pub.example.com/s/abc',
    'http://172.15.0.1/s/abc',
    'http://172.32.0.1/s/abc',
    'http://192.169.1.1/s/abc',
    'http://8.8.8.8/s/abc',
    'not a url',
  ])('accepts %s', (url) => {
    expect(isPrivateUrl(url)).toBe(false);
  });

  it('reads IPv4-mapped IPv6 and a trailing dot', () => {
    expect(isPrivateHost('[::ffff:192.168.0.1]')).toBe(true);
    expect(isPrivateHost('localhost.')).toBe(true);
  });
});
