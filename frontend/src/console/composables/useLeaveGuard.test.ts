// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createApp, defineComponent, h, nextTick, ref } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import { useLeaveGuard } from './useLeaveGuard';

async function setup() {
  const Empty = defineComponent({ render: () => h('div') });
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/edit', name: 'edit', component: Empty },
      { path: '/posts', name: 'posts', component: Empty },
    ],
  });
  await router.push('/edit');
  const dirty = ref(false);
  let guard!: ReturnType<typeof useLeaveGuard>;
  const Host = defineComponent({
    setup() {
      guard = useLeaveGuard(router, dirty, (_to, from) => from.name !== 'edit');
      return () => h('div');
    },
  });
  const app = createApp(Host).use(router);
  app.mount(document.createElement('div'));
  return { router, dirty, guard: () => guard, app };
}

describe('useLeaveGuard', () => {
  it('lets a clean editor go without asking', async () => {
    const { router, guard, app } = await setup();
    await router.push('/posts');
    expect(router.currentRoute.value.name).toBe('posts');
    expect(guard().open.value).toBe(false);
    app.unmount();
  });

  it('asks with unsaved text, stays on "cancel" and leaves on "confirm"', async () => {
    const { router, dirty, guard, app } = await setup();
    dirty.value = true;
    const stay = router.push('/posts');
    await nextTick();
    await waitOpen(guard().open);
    guard().answer(false);
    await stay;
    expect(router.currentRoute.value.name).toBe('edit');

    const go = router.push('/posts');
    await waitOpen(guard().open);
    guard().answer(true);
    await go;
    expect(router.currentRoute.value.name).toBe('posts');
    app.unmount();
  });

  it('stops guarding once the editor is gone', async () => {
    const { router, dirty, app } = await setup();
    dirty.value = true;
    app.unmount();
    await router.push('/posts');
    expect(router.currentRoute.value.name).toBe('posts');
  });
});

/** Waits (a few microtasks) for the dialog to open; the guard runs inside the router's promise chain. */
async function waitOpen(open: { value: boolean }): Promise<void> {
  for (let i = 0; i < 50 && !open.value; i++) await Promise.resolve();
  expect(open.value).toBe(true);
}
