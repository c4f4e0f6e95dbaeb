/**
 * A fake of Douyin's open platform (shared XHS_FACTS §6): the client token and
 * the share ticket, a real HTTP server on 127.0.0.1 so the server's own Douyin
 * client is what runs. A test checks the schema's signature with `TICKET`.
 */
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';

export const CLIENT_TOKEN = 'clt.x';
export const TICKET = 'T123';

/** The schema's signature: lowercase hex MD5 of nonce_str, ticket, timestamp (seconds). */
export function douyinSignature(nonceStr, ticket, timestamp) {
  return createHash('md5').update(`nonce_str=${nonceStr}&ticket=${ticket}&timestamp=${timestamp}`, 'utf8').digest('hex');
}

/** The body as JSON or as a form, whichever the client sent. */
function fields(raw, contentType = '') {
  if (contentType.includes('application/json')) {
    try {
      return JSON.parse(raw) ?? {};
    } catch {
      return {};
    }
  }
  return Object.fromEntries(new URLSearchParams(raw));
}

/**
 * @param {{ clientKey: string, clientSecret: string }} creds what the fake accepts
 * @returns {Promise<{ url: string, calls: { path: string, body?: object }[], close: () => Promise<void> }>}
 */
export async function startFakeDouyin({ clientKey, clientSecret }) {
  const calls = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const send = (body) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      if (req.method === 'POST' && path === '/oauth/client_token/') {
        const body = fields(raw, req.headers['content-type']);
        calls.push({ path, body });
        const ok =
          body.client_key === clientKey && body.client_secret === clientSecret && body.grant_type === 'client_credential';
        return send(
          ok
            ? { data: { access_token: CLIENT_TOKEN, expires_in: 7200, error_code: 0, description: '' }, message: 'success' }
            : { data: { error_code: 10013, description: 'client_key 或 client_secret 错误' }, message: 'error' },
        );
      }
      if (req.method === 'GET' && path === '/open/getticket/') {
        calls.push({ path });
        return send(
          req.headers['access-token'] === CLIENT_TOKEN
            ? { data: { ticket: TICKET, expires_in: 7200, error_code: 0, description: '' }, extra: {} }
            : { data: { error_code: 2190008, description: 'access_token 无效' }, extra: {} },
        );
      }
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ data: { error_code: 404, description: 'not found' } }));
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
