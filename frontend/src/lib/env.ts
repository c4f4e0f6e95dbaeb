/**
 * Where the share page runs decides what the publish button may do (see
 * shared XHS_FACTS §1): WeChat blocks app jumps, a desktop has no app.
 * Pure functions of the user agent so they can be unit tested.
 */

const lower = (ua: string): string => ua.toLowerCase();

/** WeChat's in-app browser, on Android and iOS alike. */
export function isWeChat(ua: string): boolean {
  return lower(ua).includes('micromessenger');
}

export function isAndroid(ua: string): boolean {
  const u = lower(ua);
  return u.includes('android') || u.includes('adr ');
}

/**
 * iPhone/iPod/iPad. iPadOS 13+ claims to be a Mac; a Mac with a touch screen
 * (maxTouchPoints > 1) is an iPad, since no Mac has one.
 */
export function isIOS(ua: string, maxTouchPoints = 0): boolean {
  const u = lower(ua);
  if (/iphone|ipod|ipad/.test(u)) return true;
  return u.includes('macintosh') && maxTouchPoints > 1;
}

/** A phone or tablet, where the XHS app can be installed. */
export function isMobile(ua: string, maxTouchPoints = 0): boolean {
  return isAndroid(ua) || isIOS(ua, maxTouchPoints) || /mobile|harmonyos|openharmony/.test(lower(ua));
}

/** What the 发布到小红书 button does here. */
export type PublishMode = 'wechat' | 'desktop' | 'sdk';

export function publishMode(ua: string, maxTouchPoints = 0): PublishMode {
  if (isWeChat(ua)) return 'wechat';
  if (!isMobile(ua, maxTouchPoints)) return 'desktop';
  return 'sdk';
}
