/**
 * Asks before the console navigates away with unsaved text (sidebar, tabs,
 * links, back), through an in-page dialog; and lets the browser ask on a
 * reload or a closed tab. A global guard rather than onBeforeRouteLeave:
 * /posts/new and /posts/:id/edit share one editor instance, and a leave guard
 * stays bound to the route record it was set up under.
 */
import { onBeforeUnmount, ref, type Ref } from 'vue';
import type { RouteLocationNormalized, Router } from 'vue-router';

export function useLeaveGuard(router: Router, dirty: Ref<boolean>, exempt: (to: RouteLocationNormalized, from: RouteLocationNormalized) => boolean) {
  const open = ref(false);
  let pending: ((leave: boolean) => void) | null = null;

  function answer(leave: boolean): void {
    open.value = false;
    pending?.(leave);
    pending = null;
  }

  const stop = router.beforeEach((to, from) => {
    if (!dirty.value || exempt(to, from)) return true;
    open.value = true;
    return new Promise<boolean>((resolve) => (pending = resolve));
  });

  const onUnload = (ev: BeforeUnloadEvent): void => {
    if (dirty.value) ev.preventDefault();
  };
  window.addEventListener('beforeunload', onUnload);
  onBeforeUnmount(() => {
    stop();
    answer(false);
    window.removeEventListener('beforeunload', onUnload);
  });

  /** `open` shows the dialog; `answer(true)` leaves, `answer(false)` stays. */
  return { open, answer };
}
