/**
 * A fake robot-account provider (shared XHS_FACTS §5): list robots, accept a
 * publish with a task id, and call the result back to the merchant's URL with
 * the Merchant-Token, as the provider's guide describes. Real HTTP on 127.0.0.1.
 */
import { createServer } from 'node:http';

export const LIST_PATH = '/api/sdk/management/get.robots';
export const PUBLISH_PATH = '/api/sdk/note/publish';

/** A robot row as the guide shows it. */
export function robotRow(i, patch = {}) {
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    nickName: `机器人${String(i).padStart(2, '0')}`,
    avatarUrl: `https://sns-avatar.example.com/${i}.jpg`,
    onlineStatus: 1,
    captchaStatus: 1,
    enabled: true,
    ...patch,
  };
}

/**
 * @param {{ token: string, robots: object[] }} opts
 * @returns {Promise<{ url: string, calls: object[], setCallback: (url: string) => void, close: () => Promise<void> }>}
 */
export async function startFakeRobots({ token, robots }) {
  const calls = [];
  let callbackUrl = null;
  const server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const send = (body) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (req.headers['merchant-token'] !== token) return send({ code: 401, msg: 'Merchant-Token 无效' });
      const body = raw ? JSON.parse(raw) : {};
      if (req.url === LIST_PATH) {
        const page = body.page ?? 1;
        const size = body.pageSize ?? 10;
        return send({ code: 0, data: { page, pageSize: size, rows: robots.slice((page - 1) * size, page * size), total: robots.length } });
      }
      if (req.url === PUBLISH_PATH) {
        calls.push(body);
        const taskId = `task-${calls.length}`;
        const n = calls.length;
        if (callbackUrl) {
          const url = callbackUrl;
          setTimeout(() => {
            void fetch(url, {
              method: 'POST',
              headers: { 'content-type': 'application/json', 'merchant-token': token },
              body: JSON.stringify({
                taskId,
                code: 0,
                msg: 'success',
                data: { noteId: `n${n}`, noteUrl: `https://www.xiaohongshu.com/explore/64a1b2c3d4e5f6a7b8c9d0${String(n).padStart(2, '0')}` },
              }),
            }).catch(() => {});
          }, 300);
        }
        return send({ code: 0, msg: 'success', data: { taskId } });
      }
      send({ code: 404, msg: 'not found' });
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    setCallback: (url) => (callbackUrl = url),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
