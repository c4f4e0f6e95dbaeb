/**
 * A server without XHS or Douyin credentials, as GET /api/platforms says it:
 * checks that the real endpoint tells the truth before a page relies on it.
 */
import assert from 'node:assert/strict';

/** Asserts the server reports XHS on the copy kit and Douyin unconfigured. */
export async function platformsWithoutCredentials(_context, server, token) {
  const real = await server.api('/api/platforms', { token });
  assert.equal(real.status, 200, JSON.stringify(real.body));
  const of = (p) => real.body.platforms.find((s) => s.platform === p);
  assert.deepEqual([of('xhs').handoff, of('xhs').configured], ['copy_kit', false]);
  assert.equal(of('douyin').configured, false);
}
