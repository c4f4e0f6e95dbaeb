/**
 * GET /api/platforms as the agreed contract answers it for a server without
 * XHS or Douyin credentials. TODO: drop once GET /api/platforms lands on the
 * server: until then the browser gets this answer, after that the real one.
 */
import assert from 'node:assert/strict';

export const WITHOUT_CREDENTIALS = {
  platforms: [
    { platform: 'xhs', handoff: 'copy_kit', configured: false, token: null },
    { platform: 'douyin', handoff: 'schema', configured: false, token: null },
    { platform: 'weibo', handoff: 'url', configured: true, token: null },
    { platform: 'kuaishou', handoff: 'copy_kit', configured: true, token: null },
    { platform: 'bilibili', handoff: 'copy_kit', configured: true, token: null },
    { platform: 'channels', handoff: 'copy_kit', configured: true, token: null },
  ],
};

/** Answers /api/platforms in `context` with the contract's answer when the server does not have the endpoint yet. */
export async function platformsWithoutCredentials(context, server, token) {
  const real = await server.api('/api/platforms', { token });
  if (real.status === 200) {
    assert.equal(real.body.platforms.find((s) => s.platform === 'xhs').handoff, 'copy_kit');
    return;
  }
  await context.route(`${server.baseUrl}/api/platforms`, (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(WITHOUT_CREDENTIALS) }),
  );
}
