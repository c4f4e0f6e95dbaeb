import { createRouter, createWebHistory, type RouteLocationNormalized } from 'vue-router';
import type { Role } from '../api/team-types';
import { showToast } from './composables/useToast';
import { roleLabel, t } from './i18n';
import { allowed, bindRouter, ensureMe, getToken } from './session';

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without signing in. */
    public?: boolean;
    /** The least role that may open the page. */
    least?: Role;
  }
}

/**
 * History-mode routes: the server answers any non-API GET with index.html.
 * Views are lazy so the login page paints before the editor code arrives.
 */
const idProp = (r: RouteLocationNormalized) => ({ id: Number(r.params.id) });
const optNumber = (v: unknown): number | null => (typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : null);

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/login', name: 'login', component: () => import('./views/LoginView.vue'), meta: { public: true } },
    {
      path: '/',
      name: 'dashboard',
      component: () => import('./views/DashboardView.vue'),
      // The post list lived at `/` and kept its search in the query: such a URL still finds it.
      beforeEnter: (to) => ('q' in to.query || 'type' in to.query ? { name: 'posts', query: to.query } : true),
    },
    { path: '/dashboard', redirect: '/' },
    { path: '/posts', name: 'posts', component: () => import('./views/PostListView.vue') },
    { path: '/posts/new', name: 'new', component: () => import('./views/EditorView.vue'), meta: { least: 'operator' } },
    { path: '/posts/:id(\\d+)/edit', name: 'edit', component: () => import('./views/EditorView.vue'), props: idProp },
    { path: '/posts/:id(\\d+)/links', name: 'links', component: () => import('./views/PostLinksView.vue'), props: idProp },
    { path: '/posts/:id(\\d+)/people', name: 'people', component: () => import('./views/PostPeopleView.vue'), props: idProp },
    {
      path: '/posts/:id(\\d+)/stats',
      name: 'post-stats',
      component: () => import('./views/StatsView.vue'),
      props: (r: RouteLocationNormalized) => ({ kind: 'post', id: Number(r.params.id) }),
    },
    {
      path: '/links/:id(\\d+)/stats',
      name: 'link-stats',
      component: () => import('./views/StatsView.vue'),
      props: (r: RouteLocationNormalized) => ({
        kind: 'link',
        id: Number(r.params.id),
        postId: optNumber(r.query.post),
        label: typeof r.query.label === 'string' ? r.query.label : null,
      }),
    },
    { path: '/accounts', name: 'accounts', component: () => import('./views/AccountsView.vue') },
    { path: '/accounts/:id(\\d+)', name: 'account', component: () => import('./views/AccountDetailView.vue'), props: idProp },
    { path: '/media', name: 'media', component: () => import('./views/MediaView.vue') },
    { path: '/robots', name: 'robots', component: () => import('./views/RobotsView.vue') },
    { path: '/tasks', name: 'tasks', component: () => import('./views/TasksView.vue') },
    { path: '/posts/:id(\\d+)/robots', name: 'post-robots', component: () => import('./views/PostRobotsView.vue'), props: idProp },
    { path: '/campaigns', name: 'campaigns', component: () => import('./views/CampaignListView.vue') },
    { path: '/campaigns/new', name: 'campaign-new', component: () => import('./views/CampaignEditView.vue'), meta: { least: 'operator' } },
    {
      path: '/campaigns/:id(\\d+)/edit',
      name: 'campaign-edit',
      component: () => import('./views/CampaignEditView.vue'),
      props: idProp,
      meta: { least: 'operator' },
    },
    { path: '/campaigns/:id(\\d+)', name: 'campaign', component: () => import('./views/CampaignView.vue'), props: idProp },
    { path: '/review', name: 'review', component: () => import('./views/ReviewView.vue'), meta: { least: 'reviewer' } },
    { path: '/users', name: 'users', component: () => import('./views/UsersView.vue'), meta: { least: 'admin' } },
    { path: '/tokens', name: 'tokens', component: () => import('./views/TokensView.vue'), meta: { least: 'admin' } },
    { path: '/webhooks', name: 'webhooks', component: () => import('./views/WebhooksView.vue'), meta: { least: 'admin' } },
    { path: '/audit', name: 'audit', component: () => import('./views/AuditView.vue'), meta: { least: 'admin' } },
    { path: '/settings', name: 'settings', component: () => import('./views/SettingsView.vue') },
    { path: '/:rest(.*)*', redirect: '/' },
  ],
});

router.beforeEach(async (to) => {
  if (!to.meta.public && !getToken()) return { name: 'login', query: { next: to.fullPath } };
  const least = to.meta.least;
  if (least) {
    await ensureMe();
    if (!getToken()) return { name: 'login', query: { next: to.fullPath } };
    if (!allowed(least)) {
      showToast(t('team.deniedPage', { role: roleLabel(least) }), 'error');
      return { name: 'dashboard' };
    }
  }
  return true;
});

bindRouter(router);
