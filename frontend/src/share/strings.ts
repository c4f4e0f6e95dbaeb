import { NOTE_URL_FIELDS, NOTE_URL_WORDS, ruleText, type RuleVerdict } from '../lib/ruleText';

/**
 * The share page's words. Kept apart from the console dictionary so the phone
 * does not download the console's; Chinese unless the operator chose English
 * in the console (same localStorage key).
 */
const zh = {
  lang: 'zh-CN',
  loading: '加载中…',
  publish: '发布到小红书',
  preparing: '正在准备发布…',
  opening: '正在打开小红书…',
  opened: '已打开小红书 App，在 App 里点「发布」即可。',
  notOpened: '没有打开小红书？请确认已安装小红书 App，或使用下方的手动发布。',
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
  wechatWhy: '微信内无法跳转到小红书 App',
  desktopTitle: '请用手机扫码打开',
  desktopGuide: '电脑上没有小红书 App。用手机扫描二维码打开本页，再点「发布到小红书」。',
  fallbackTitle: '手动发布',
  copyText: '① 复制标题和正文',
  copied: '已复制，可在小红书中粘贴',
  copyFailed: '复制失败，请长按正文手动复制',
  shareImages: '② 保存 / 分享图片',
  sharingImages: '正在准备图片…',
  shareFailed: '无法直接分享图片，请逐张保存：',
  saveImage: '保存图片',
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
  rateLimited: '请求太频繁，请 {n} 秒后重试',
  rateLimitedSoon: '请求太频繁，请稍后重试',
  retry: '重试',
  notConfiguredPublic: '这个链接暂不支持一键发布，请按下面的步骤手动发布：',
  forAccount: '发布账号：',
  validUntil: '有效期至 ',
  confirmOffer: '已发布？粘贴笔记链接',
  confirmLabel: '小红书笔记链接',
  confirmPlaceholder: 'https://www.xiaohongshu.com/explore/…',
  confirmSubmit: '提交',
  confirmSending: '提交中…',
  confirmDone: '已记录，谢谢！',
  confirmInvalid: '不是小红书笔记链接：',
};

export type ShareStrings = typeof zh;

const en: ShareStrings = {
  lang: 'en',
  loading: 'Loading…',
  publish: 'Publish to XiaoHongShu',
  preparing: 'Preparing…',
  opening: 'Opening XiaoHongShu…',
  opened: 'XiaoHongShu is open: tap Publish in the app.',
  notOpened: 'XiaoHongShu did not open? Check that the app is installed, or publish by hand below.',
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
  wechatWhy: 'WeChat does not let pages open the XiaoHongShu app',
  desktopTitle: 'Scan with your phone',
  desktopGuide: 'There is no XiaoHongShu app on a computer. Scan the code to open this page on your phone, then tap Publish.',
  fallbackTitle: 'Publish by hand',
  copyText: '1. Copy title and text',
  copied: 'Copied: paste it in XiaoHongShu',
  copyFailed: 'Copy failed: long-press the text to copy it',
  shareImages: '2. Save / share the images',
  sharingImages: 'Preparing images…',
  shareFailed: 'The images cannot be shared directly; save them one by one:',
  saveImage: 'Save image',
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
  rateLimited: 'Too many requests: retry in {n} s',
  rateLimitedSoon: 'Too many requests: retry in a moment',
  retry: 'Retry',
  notConfiguredPublic: 'One-tap publishing is not available for this link. Publish by hand:',
  forAccount: 'Account: ',
  validUntil: 'Valid until ',
  confirmOffer: 'Published? Paste the note link',
  confirmLabel: 'XiaoHongShu note link',
  confirmPlaceholder: 'https://www.xiaohongshu.com/explore/…',
  confirmSubmit: 'Send',
  confirmSending: 'Sending…',
  confirmDone: 'Recorded, thank you!',
  confirmInvalid: 'Not a XiaoHongShu note link: ',
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
