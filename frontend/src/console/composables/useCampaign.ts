/** One campaign: itself, every assignment (for the calendar and the matrix), its progress, and its actions. */
import { ref } from 'vue';
import { call } from '../../api/client';
import { ApiError } from '../../api/errors';
import type { Assignment, Campaign, CampaignProgress } from '../../api/types';
import { api } from '../session';

const asApiError = (e: unknown): ApiError => (e instanceof ApiError ? e : new ApiError(0, 'unknown', String(e)));
/** The calendar and the matrix stop loading here; a bigger plan is read in the table's pages. */
export const PLAN_VIEW_CAP = 5000;

export function useCampaign(id: number) {
  const campaign = ref<Campaign | null>(null);
  const all = ref<Assignment[]>([]);
  const truncated = ref(false);
  const progress = ref<CampaignProgress | null>(null);
  const error = ref<ApiError | null>(null);
  const path = { params: { path: { id } } };

  async function loadAll(): Promise<void> {
    const out: Assignment[] = [];
    let cursor: string | null = null;
    do {
      const query: { limit: number; cursor?: string } = { limit: 100 };
      if (cursor) query.cursor = cursor;
      const page = await call(api.GET('/api/campaigns/{id}/assignments', { params: { path: { id }, query } }));
      out.push(...page.items);
      cursor = page.next_cursor ?? null;
    } while (cursor && out.length < PLAN_VIEW_CAP);
    truncated.value = cursor !== null;
    all.value = out;
  }

  async function load(): Promise<void> {
    try {
      const c = await call(api.GET('/api/campaigns/{id}', path));
      campaign.value = c;
      const work: Promise<void>[] = [];
      if (c.status !== 'draft') work.push(loadAll());
      if (c.status !== 'draft' && c.status !== 'planned') {
        work.push(call(api.GET('/api/campaigns/{id}/progress', path)).then((p) => void (progress.value = p)));
      }
      await Promise.all(work);
      error.value = null;
    } catch (e) {
      error.value = asApiError(e);
    }
  }

  /** plan, launch, pause, resume, cancel: the answer is the campaign; everything is read again. */
  async function act(action: 'plan' | 'launch' | 'pause' | 'resume' | 'cancel'): Promise<void> {
    const paths = {
      plan: '/api/campaigns/{id}/plan',
      launch: '/api/campaigns/{id}/launch',
      pause: '/api/campaigns/{id}/pause',
      resume: '/api/campaigns/{id}/resume',
      cancel: '/api/campaigns/{id}/cancel',
    } as const;
    campaign.value = await call(api.POST(paths[action], path));
    await load();
  }

  /** Moves one assignment (422 naming the rule when refused; the caller puts it back). */
  async function move(assignmentId: number, at: string): Promise<Assignment> {
    const moved = await call(
      api.PUT('/api/campaigns/{id}/assignments/{assignment_id}', {
        params: { path: { id, assignment_id: assignmentId } },
        body: { scheduled_at: at },
      }),
    );
    all.value = all.value.map((a) => (a.id === moved.id ? moved : a));
    return moved;
  }

  async function remove(): Promise<void> {
    await call(api.DELETE('/api/campaigns/{id}', path));
  }

  return { campaign, all, truncated, progress, error, load, act, move, remove };
}
