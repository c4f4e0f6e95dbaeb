import { createRouter, createWebHistory, type RouteLocationNormalized } from 'vue-router';
import { bindRouter, getToken } from './session';

/**
 * History-mode routes: the server answers any non-API GET with index.html.
 * Views are lazy so the login page paints before the editor code arrives.
 */
export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/login', name: 'login', component: () => import('./views/LoginView.vue'), meta: { public: true } },
    { path: '/', name: 'posts', component: () => import('./views/PostListView.vue') },
    { path: '/posts/new', name: 'new', component: () => import('./views/EditorView.vue') },
    {
      path: '/posts/:id(\\d+)/edit',
      name: 'edit',
      component: () => import('./views/EditorView.vue'),
      props: (r: RouteLocationNormalized) => ({ id: Number(r.params.id) }),
    },
    { path: '/:rest(.*)*', redirect: '/' },
  ],
});

router.beforeEach((to) => {
  if (!to.meta.public && !getToken()) return { name: 'login', query: { next: to.fullPath } };
  return true;
});

bindRouter(router);
