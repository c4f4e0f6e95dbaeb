import { NOTE_URL_FIELDS, NOTE_URL_WORDS, ruleText, type RuleVerdict } from '../lib/ruleText';

/**
 * The share page's words. Kept apart from the console dictionary so the phone
 * does not download the console's; Chinese unless the operator chose English
 * in the console (same localStorage key).
 */
const zh = {
  lang: 'zh-CN',
  xhsName: '小红书',
  loading: '加载中…',
  publish: '发布到小红书',
  preparing: '正在准备发布…',
  opening: '正在打开小红书…',
  opened: '已打开小红书 App，在 App 里点「发布」即可。',
  notOpened: '没有打开小红书？请确认已安装小红书 App，或使用上方的手动发布。',
  failed: '分享失败：',
  sdkMissing: '无法加载小红书分享组件（网络或浏览器拦截）。可以手动发布：',
  notConfigured: '服务器未配置小红书开放平台凭据，无法一键发布。可以手动发布：',
  xhsError: '小红书接口暂时不可用。可以稍后重试，或手动发布：',
  login: '登录已失效，请先登录控制台',
  loginLink: '去登录',
  notFound: '笔记不存在或已删除',
  badLink: '链接无效',
  network: '网络错误，请重试',
  wechatTitle: '请在浏览器中打开',
  wechatGuide: '点击右上角 ··· 选择在浏览器打开',
  wechatWhy: '微信内无法跳转到{name} App',
  desktopTitle: '请用手机扫码打开',
  desktopGuide: '电脑上没有小红书 App。用手机扫描二维码打开本页，再点「发布到小红书」。',
  fallbackTitle: '手动发布',
  copyText: '① 复制标题和正文',
  copied: '已复制，可在{name}中粘贴',
  copyFailed: '复制失败，请长按正文手动复制',
  shareImages: '② 保存 / 分享图片',
  sharingImages: '正在准备图片…',
  shareFailed: '无法直接分享图片，请逐张保存：',
  saveImage: '保存图片',
  longPressSave: '② 长按图片保存到相册',
  video: '视频',
  cover: '封面',
  openApp: '③ 打开小红书',
  close: '知道了',
  linkNotFound: '链接不存在',
  linkNotFoundHint: '请检查链接是否完整，或向发给你链接的人要一个新链接。',
  linkRevoked: '此链接已被撤销',
  linkRevokedHint: '发链接的人已停用它，请向对方要一个新链接。',
  linkExpired: '此链接已过期',
  linkExpiredHint: '链接已超过有效期，请向发链接的人要一个新链接。',
  postDeleted: '笔记已被删除',
  postDeletedHint: '这个链接对应的笔记已被删除，无法再发布。',
  postRevising: '笔记正在修改中',
  postRevisingHint: '这篇笔记正在修改，审核通过后才能发布。请稍后再打开这个链接。',
  rateLimited: '请求太频繁，请 {n} 秒后重试',
  rateLimitedSoon: '请求太频繁，请稍后重试',
  retry: '重试',
  notConfiguredPublic: '这个链接暂不支持一键发布，请按上方的步骤手动发布。',
  notConfiguredOthers: '这个链接暂不支持一键发布到小红书，请按上方的步骤手动发布，或选择下方的其他平台。',
  forAccount: '发布账号：',
  validUntil: '有效期至 ',
  confirmOffer: '已发布？粘贴笔记链接',
  confirmLabel: '小红书笔记链接',
  confirmPlaceholder: 'https://www.xiaohongshu.com/explore/…',
  confirmSubmit: '提交',
  confirmSending: '提交中…',
  confirmDone: '已记录，谢谢！',
  confirmInvalid: '不是小红书笔记链接：',
  // Other platforms; {name} is the platform's name as the server gives it (抖音, 微博, …).
  publishTo: '发布到{name}',
  openingApp: '正在打开{name}…',
  openedApp: '已打开{name}，在 App 里完成发布即可。',
  notOpenedApp: '没有打开{name}？请确认已安装{name} App，或选择其他平台。',
  openedWeb: '已在新窗口打开{name}的分享页。',
  scanForApp: '{name}只能在手机上发布：请用手机扫描二维码打开本页。',
  wechatKit: '微信内无法打开{name}：请在浏览器中打开本页，或按下面的步骤手动发布。',
  kitOpen: '③ 打开{name}',
  kitVideo: '保存视频',
  platformOff: '暂不支持发布到{name}，请选择其他平台。',
  platformRejected: '{name}拒绝了这次发布请求，请稍后重试或选择其他平台。',
  platformTimeout: '{name}没有及时响应，请重试。',
  platformNotOffered: '这个链接不能发布到{name}，请选择其他平台。',
  platformDown: '{name}暂时不可用，请稍后重试或选择其他平台。',
};

export type ShareStrings = typeof zh;

const en: ShareStrings = {
  lang: 'en',
  xhsName: 'XiaoHongShu',
  loading: 'Loading…',
  publish: 'Publish to XiaoHongShu',
  preparing: 'Preparing…',
  opening: 'Opening XiaoHongShu…',
  opened: 'XiaoHongShu is open: tap Publish in the app.',
  notOpened: 'XiaoHongShu did not open? Check that the app is installed, or publish by hand above.',
  failed: 'Sharing failed: ',
  sdkMissing: 'The XiaoHongShu share script could not be loaded (network or blocker). Publish by hand:',
  notConfigured: 'This server has no XiaoHongShu credentials, so one-tap publishing is off. Publish by hand:',
  xhsError: 'XiaoHongShu is not answering right now. Try again later, or publish by hand:',
  login: 'Your session has expired: log in to the console first',
  loginLink: 'Log in',
  notFound: 'This note does not exist or was deleted',
  badLink: 'This link is not valid',
  network: 'Network error, please retry',
  wechatTitle: 'Open in your browser',
  wechatGuide: 'Tap ··· at the top right and choose "Open in Browser"',
  wechatWhy: 'WeChat does not let pages open the {name} app',
  desktopTitle: 'Scan with your phone',
  desktopGuide: 'There is no XiaoHongShu app on a computer. Scan the code to open this page on your phone, then tap Publish.',
  fallbackTitle: 'Publish by hand',
  copyText: '1. Copy title and text',
  copied: 'Copied: paste it in {name}',
  copyFailed: 'Copy failed: long-press the text to copy it',
  shareImages: '2. Save / share the images',
  sharingImages: 'Preparing images…',
  shareFailed: 'The images cannot be shared directly; save them one by one:',
  saveImage: 'Save image',
  longPressSave: '2. Long-press each image to save it',
  video: 'Video',
  cover: 'Cover',
  openApp: '3. Open XiaoHongShu',
  close: 'OK',
  linkNotFound: 'Link not found',
  linkNotFoundHint: 'Check that the link is complete, or ask whoever sent it for a new one.',
  linkRevoked: 'This link was revoked',
  linkRevokedHint: 'Whoever sent it has switched it off: ask them for a new link.',
  linkExpired: 'This link has expired',
  linkExpiredHint: 'The link is past its expiry: ask whoever sent it for a new one.',
  postDeleted: 'The note was deleted',
  postDeletedHint: 'The note behind this link was deleted and can no longer be published.',
  postRevising: 'This note is being revised',
  postRevisingHint: 'It can be published once the new version is approved. Open this link again later.',
  rateLimited: 'Too many requests: retry in {n} s',
  rateLimitedSoon: 'Too many requests: retry in a moment',
  retry: 'Retry',
  notConfiguredPublic: 'One-tap publishing is not available for this link. Publish by hand with the steps above.',
  notConfiguredOthers: 'One-tap publishing to XiaoHongShu is not available for this link. Publish by hand with the steps above, or choose another platform below.',
  forAccount: 'Account: ',
  validUntil: 'Valid until ',
  confirmOffer: 'Published? Paste the note link',
  confirmLabel: 'XiaoHongShu note link',
  confirmPlaceholder: 'https://www.xiaohongshu.com/explore/…',
  confirmSubmit: 'Send',
  confirmSending: 'Sending…',
  confirmDone: 'Recorded, thank you!',
  confirmInvalid: 'Not a XiaoHongShu note link: ',
  publishTo: 'Publish to {name}',
  openingApp: 'Opening {name}…',
  openedApp: '{name} is open: finish publishing in the app.',
  notOpenedApp: '{name} did not open? Check that the app is installed, or choose another platform.',
  openedWeb: "{name}'s share page is open in a new window.",
  scanForApp: '{name} publishes from a phone only: scan the code to open this page on your phone.',
  wechatKit: 'WeChat cannot open {name}: open this page in your browser, or publish by hand with the steps below.',
  kitOpen: '3. Open {name}',
  kitVideo: 'Save the video',
  platformOff: 'Publishing to {name} is not available: choose another platform.',
  platformRejected: '{name} refused this request: try again later, or choose another platform.',
  platformTimeout: '{name} did not answer in time: please retry.',
  platformNotOffered: 'This link cannot publish to {name}: choose another platform.',
  platformDown: '{name} is not available right now: try again later, or choose another platform.',
};

export function shareStrings(): ShareStrings {
  try {
    return localStorage.getItem('xhspub.lang') === 'en' ? en : zh;
  } catch {
    return zh;
  }
}

/**
 * A server field error in the page's language, from its rule (the share page
 * knows the few its confirm form meets); the server's message for any other.
 */
export function fieldErrorText(s: ShareStrings, v: RuleVerdict): string {
  return ruleText(v, s.lang === 'en' ? 'en' : 'zh', NOTE_URL_WORDS, NOTE_URL_FIELDS);
}

/** A sentence about one platform: `{name}` replaced by its name. */
export function named(template: string, name: string): string {
  return template.replaceAll('{name}', name);
}
