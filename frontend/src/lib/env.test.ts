import { describe, expect, it } from 'vitest';
import { isAndroid, isIOS, isMobile, isWeChat, publishMode } from './env';

const UA = {
  iphoneSafari:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
  androidChrome:
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36',
  androidWeChat:
    'Mozilla/5.0 (Linux; Android 13; V2203A Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 MMWEBSDK/20231202 MMWEBID/2247 MicroMessenger/8.0.47.2560(0x28002F30) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64',
  iosWeChat:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.44(0x18002c2d) NetType/WIFI Language/zh_CN',
  ipadOS:
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15',
  desktopChrome:
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
  desktopWeChat:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/81.0.4044.138 Safari/537.36 NetType/WIFI MicroMessenger/7.0.20.1781(0x6700143B) WindowsWechat(0x63090a13)',
};

describe('env detection', () => {
  it('recognises WeChat on Android and on iOS', () => {
    expect(isWeChat(UA.androidWeChat)).toBe(true);
    expect(isWeChat(UA.iosWeChat)).toBe(true);
    expect(isWeChat(UA.iphoneSafari)).toBe(false);
  });
  it('tells Android from iOS', () => {
    expect(isAndroid(UA.androidChrome)).toBe(true);
    expect(isIOS(UA.androidChrome)).toBe(false);
    expect(isIOS(UA.iphoneSafari)).toBe(true);
    expect(isAndroid(UA.iphoneSafari)).toBe(false);
  });
  it('treats an iPad that claims to be a Mac as iOS only when it has touch points', () => {
    expect(isIOS(UA.ipadOS, 5)).toBe(true);
    expect(isIOS(UA.ipadOS, 0)).toBe(false);
  });
  it('sees a desktop browser as not mobile', () => {
    expect(isMobile(UA.desktopChrome)).toBe(false);
    expect(isMobile(UA.iphoneSafari)).toBe(true);
    expect(isMobile(UA.androidChrome)).toBe(true);
  });
});

describe('publishMode', () => {
  it('shows the open-in-browser guidance in any WeChat, even on desktop', () => {
    expect(publishMode(UA.androidWeChat)).toBe('wechat');
    expect(publishMode(UA.iosWeChat)).toBe('wechat');
    expect(publishMode(UA.desktopWeChat)).toBe('wechat');
  });
  it('shows a QR code on a desktop browser', () => {
    expect(publishMode(UA.desktopChrome)).toBe('desktop');
  });
  it('calls the SDK from a mobile system browser', () => {
    expect(publishMode(UA.iphoneSafari)).toBe('sdk');
    expect(publishMode(UA.androidChrome)).toBe('sdk');
    expect(publishMode(UA.ipadOS, 5)).toBe('sdk');
  });
});
