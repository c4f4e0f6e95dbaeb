/**
 * What a tap on another platform's button does (XHS keeps its own flow in
 * publish.ts): WeChat -> guidance and the copy kit, a computer -> the QR code
 * unless the platform is a web page, a phone -> the hand-off fetched fresh
 * (a Douyin schema is signed per call) and followed at once, while the tap
 * still counts as the person's gesture.
 */
import { failureReason, parseHandover, platformErrorText, type Handover } from './handoff';
import { kitPanel, localKit } from './kit';
import { openUrl } from './navigate';
import { desktopQr, showWechatGuide } from './panels';
import { worksOnDesktop, type Platform } from './platforms';
import { APP_SWITCH_GRACE_MS, type PublishContext } from './publish';
import { named } from './strings';
import { silentTracker } from './tracker';

/** The latest tap: a late timer of an earlier tap must not overwrite what the page says now. */
let tapCount = 0;

export async function onPlatformTap(ctx: PublishContext, p: Platform): Promise<void> {
  const { mode, s, ui } = ctx;
  const track = ctx.track ?? silentTracker;
  const tap = ++tapCount;
  track.tapped(p.platform);
  const onUse = (): void => track.fallbackUsed(p.platform);
  if (mode === 'wechat') {
    showWechatGuide(s, p.name);
    ui.setStatus('info', named(s.wechatKit, p.name));
    ui.showPanel(kitPanel(s, p, localKit(ctx.post), { wechat: true, onUse }));
    return;
  }
  if (mode === 'desktop' && !worksOnDesktop(p)) {
    ui.setStatus('info', named(s.scanForApp, p.name));
    ui.showPanel(desktopQr(s, location.href));
    return;
  }
  ui.setBusy(true);
  ui.setStatus('info', s.preparing);
  let answer: Handover;
  try {
    if (!ctx.source.publishTo) throw new Error(`${p.platform} is offered on public links only`);
    answer = parseHandover(p, await ctx.source.publishTo(p.platform));
  } catch (e) {
    const reason = failureReason(e);
    if (reason !== null) track.sdkFailed(reason);
    ui.setStatus('error', platformErrorText(s, e, p.name));
    return;
  } finally {
    ui.setBusy(false);
  }

  switch (answer.handoff) {
    case 'copy_kit':
      ui.setStatus('info');
      ui.showPanel(kitPanel(s, p, answer, { onUse, onOpen: () => track.shareCalled() }));
      return;
    case 'url':
      ui.showPanel(null);
      track.shareCalled();
      // On a computer the page stays for the other platforms; a phone just goes there.
      if (mode === 'desktop') {
        openUrl(answer.url, true);
        ui.setStatus('ok', named(s.openedWeb, p.name));
      } else {
        ui.setStatus('info', named(s.openingApp, p.name));
        openUrl(answer.url);
      }
      return;
    case 'schema':
      ui.showPanel(null);
      ui.setStatus('info', named(s.openingApp, p.name));
      track.shareCalled();
      watchAppSwitch(ctx, p, tap);
      openUrl(answer.url);
  }
}

/**
 * A scheme gives no answer either: the page going hidden is the app opening;
 * still visible after a while, it most likely did not.
 */
function watchAppSwitch(ctx: PublishContext, p: Platform, tap: number): void {
  const { s, ui } = ctx;
  let left = false;
  const onVisibility = (): void => {
    if (document.visibilityState === 'hidden') left = true;
    else if (left && tap === tapCount) ui.setStatus('ok', named(s.openedApp, p.name));
  };
  document.addEventListener('visibilitychange', onVisibility);
  setTimeout(() => {
    document.removeEventListener('visibilitychange', onVisibility);
    if (!left && tap === tapCount && document.visibilityState === 'visible') {
      (ctx.track ?? silentTracker).gaveUp();
      ui.setStatus('info', named(s.notOpenedApp, p.name));
    }
  }, APP_SWITCH_GRACE_MS);
}
