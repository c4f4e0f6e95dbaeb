// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp, nextTick } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { Role } from '../../api/team-types';
import { inReview } from '../composables/useReview';
import { i18n } from '../i18n';
import { approvalRequired, role } from '../session';
import NavSidebar from './NavSidebar.vue';

afterEach(() => {
  vi.unstubAllGlobals();
  role.value = null;
  approvalRequired.value = false;
  inReview.value = [];
});

async function entries(r: Role, approval: boolean): Promise<string[]> {
  vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ items: [], next_cursor: null }), { status: 200, headers: { 'content-type': 'application/json' } })));
  role.value = r;
  approvalRequired.value = approval;
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:any(.*)*', component: { render: () => null } }] });
  await router.push('/');
  const el = document.createElement('div');
  const app = createApp(NavSidebar, { collapsed: false, phone: false }).use(i18n).use(router);
  app.mount(el);
  await nextTick();
  const ids = [...el.querySelectorAll('.side-nav a')].map((a) => a.getAttribute('data-testid') ?? '');
  app.unmount();
  return ids;
}

describe('NavSidebar by role', () => {
  it('gives a viewer no "new note" and no admin page', async () => {
    const ids = await entries('viewer', true);
    expect(ids).toContain('nav-posts');
    for (const id of ['nav-new', 'nav-review', 'nav-users', 'nav-tokens', 'nav-audit']) expect(ids).not.toContain(id);
  });
  it('shows a reviewer the review queue when approval is on, and no admin page', async () => {
    const ids = await entries('reviewer', true);
    expect(ids).toContain('nav-new');
    expect(ids).toContain('nav-review');
    expect(ids).not.toContain('nav-users');
  });
  it('hides the review queue with approval off and nothing waiting', async () => {
    expect(await entries('admin', false)).not.toContain('nav-review');
  });
  it('gives an admin the users, tokens and audit pages', async () => {
    const ids = await entries('admin', true);
    for (const id of ['nav-users', 'nav-tokens', 'nav-audit', 'nav-review']) expect(ids).toContain(id);
  });
});
