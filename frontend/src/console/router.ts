import { createRouter, createWebHistory, type RouteLocationNormalized } from 'vue-router';
import { bindRouter, getToken } from './session';

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
    { path: '/', name: 'posts', component: () => import('./views/PostListView.vue') },
    { path: '/posts/new', name: 'new', component: () => import('./views/EditorView.vue') },
    { path: '/posts/:id(\\d+)/edit', name: 'edit', component: () => import('./views/EditorView.vue'), props: idProp },
    { path: '/posts/:id(\\d+)/links', name: 'links', component: () => import('./views/PostLinksView.vue'), props: idProp },
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
    { path: '/:rest(.*)*', redirect: '/' },
  ],
});

router.beforeEach((to) => {
  if (!to.meta.public && !getToken()) return { name: 'login', query: { next: to.fullPath } };
  return true;
});

bindRouter(router);
