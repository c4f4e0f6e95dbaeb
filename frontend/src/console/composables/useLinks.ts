/**
 * The share links of one post: list, create, revoke, and each link's totals
 * (the list carries them).
 */
import { ref } from 'vue';
import { call } from '../../api/client';
import { ApiError } from '../../api/errors';
import type { Link, LinkInput, Totals } from '../../api/types';
import { api } from '../session';

/** A link nobody has opened yet: its counts are 0, not unknown. */
export const ZERO_TOTALS: Totals = { opens: 0, taps: 0, sdk_loads: 0, app_opens: 0, failures: 0, fallbacks: 0, confirmed: 0 };

export function useLinks(postId: number) {
  const links = ref<Link[]>([]);
  const totals = ref<Record<number, Totals>>({});
  const loading = ref(false);
  const error = ref<ApiError | null>(null);

  function keepTotals(list: Link[]): void {
    const next: Record<number, Totals> = {};
    list.forEach((l) => {
      next[l.id] = l.totals ?? { ...ZERO_TOTALS };
    });
    totals.value = next;
  }

  async function load(): Promise<void> {
    loading.value = true;
    error.value = null;
    try {
      links.value = await call(api.GET('/api/posts/{id}/links', { params: { path: { id: postId } } }));
      keepTotals(links.value);
    } catch (e) {
      error.value = e instanceof ApiError ? e : new ApiError(0, 'unknown', String(e));
    } finally {
      loading.value = false;
    }
  }

  /** Throws ApiError (422 with field errors) for the form. */
  async function create(input: LinkInput): Promise<Link> {
    const link = await call(api.POST('/api/posts/{id}/links', { params: { path: { id: postId } }, body: input }));
    links.value = [link, ...links.value];
    // The new link's counts show at once (0 / 0), not blank until the next reload.
    totals.value = { ...totals.value, [link.id]: link.totals ?? { ...ZERO_TOTALS } };
    return link;
  }

  async function revoke(id: number): Promise<void> {
    await call(api.POST('/api/links/{id}/revoke', { params: { path: { id } } }));
    await load();
  }

  return { links, totals, loading, error, load, create, revoke };
}
