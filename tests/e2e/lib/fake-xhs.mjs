/**
 * A fake of the XHS open platform's token endpoint (shared XHS_FACTS §2, step A),
 * a real HTTP server on 127.0.0.1 so the server's own token client is what runs.
 * It checks the request's signature like the real one and remembers every token
 * it hands out, so a test can verify the page signature independently.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';

export const TOKEN_PATH = '/api/sns/v1/ext/access/token';

/** sign(appKey, nonce, timeStamp, secret): the one signing function of the protocol. */
export function sign(appKey, nonce, timeStamp, secret) {
  return createHash('sha256')
    .update(`appKey=${appKey}&nonce=${nonce}&timeStamp=${timeStamp}${secret}`, 'utf8')
    .digest('hex');
}

/**
 * @param {{ appKey: string, appSecret: string }} creds what the fake accepts
 * @returns {Promise<{ url: string, tokens: string[], requests: object[], close: () => Promise<void> }>}
 */
export async function startFakeXhs({ appKey, appSecret }) {
  const tokens = [];
  const requests = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const send = (status, body) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (req.method !== 'POST' || req.url !== TOKEN_PATH) return send(404, { success: false, code: 404, msg: 'not found' });
      let body;
      try {
        body = JSON.parse(raw);
      } catch {
        return send(400, { success: false, code: -1, msg: 'bad json' });
      }
      requests.push(body);
      const { app_key: key, nonce, timestamp, signature } = body ?? {};
      if (key !== appKey) return send(200, { success: false, code: -1, msg: 'app_key 不存在' });
      // The real service answers a bad signature with this message (XHS_FACTS §2).
      if (signature !== sign(key, nonce, String(timestamp), appSecret)) {
        return send(200, { success: false, code: -1, msg: '签名校验失败，非法参数-signature' });
      }
      const accessToken = `tok-${randomBytes(8).toString('hex')}`;
      tokens.push(accessToken);
      send(200, {
        success: true,
        code: 0,
        msg: 'ok',
        data: { access_token: accessToken, expires_in: Date.now() + 86_400_000 },
      });
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${port}`,
    tokens,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
