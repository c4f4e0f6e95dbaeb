// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp, defineComponent, h, ref } from 'vue';
import { toApiError, type ApiError } from '../../api/errors';
import { i18n, setLocale } from '../i18n';
import { emptyDraft } from '../lib/campaignForm';
import CampaignForm from './CampaignForm.vue';

const q = (sel: string) => document.body.querySelector(sel);

/** The pickers' look-ups, answered as the server would. */
function stubServer(): void {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (req: Request) => {
      const path = new URL(req.url, 'http://x').pathname;
      const body = path === '/api/posts' ? { items: [{ id: 7, title: '秋季新品', type: 'normal' }], next_cursor: null } : [];
      return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
    }),
  );
}

function mount(error: ApiError | null) {
  const Host = defineComponent(() => {
    const draft = ref(emptyDraft(new Date(2026, 11, 6)));
    return () => h(CampaignForm, { modelValue: draft.value, 'onUpdate:modelValue': (v: typeof draft.value) => (draft.value = v), error });
  });
  const el = document.createElement('div');
  document.body.append(el);
  const app = createApp(Host).use(i18n);
  app.mount(el);
  return app;
}

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('CampaignForm', () => {
  it('shows each 422 field error in Chinese beside its own field', async () => {
    setLocale('zh');
    stubServer();
    const error = toApiError(422, {
      code: 'validation_failed',
      detail: 'invalid',
      errors: [
        { field: 'name', rule: 'required', message: 'name is required' },
        { field: 'schedule.daily_window.from', rule: 'well_formed', message: 'HH:MM' },
        { field: 'schedule.per_account_per_day', rule: 'range', message: '1 to 50', actual: 0, limit: 1 },
        { field: 'audience.account_ids[0]', rule: 'exists', message: 'no account 9' },
      ],
    });
    const app = mount(error);
    await vi.waitFor(() => expect(q('[data-testid="field-error-name"]')).not.toBeNull());
    expect(q('[data-testid="field-error-name"] li')?.getAttribute('data-rule')).toBe('required');
    expect(q('[data-testid="field-error-name"]')?.textContent).not.toContain('name is required');
    expect(q('[data-testid="field-error-schedule.daily_window"] li')?.getAttribute('data-field')).toBe('schedule.daily_window.from');
    expect(q('[data-testid="field-error-schedule.per_account_per_day"] li')?.getAttribute('data-rule')).toBe('range');
    expect(q('[data-testid="field-error-audience.account_ids"] li')?.getAttribute('data-rule')).toBe('exists');
    // An error stays beside its own field only.
    expect(q('[data-testid="field-error-schedule.end_at"]')).toBeNull();
    expect(q('[data-testid="campaign-infeasible"]')).toBeNull();
    app.unmount();
  });

  it('lists the accounts of a schedule_infeasible answer with the slots each lacks', async () => {
    setLocale('zh');
    stubServer();
    const error = toApiError(422, {
      code: 'schedule_infeasible',
      detail: 'no room',
      shortfalls: [{ account_id: 3, account_name: '三班 王同学', needed: 4, available: 2, lacking: 2 }],
    });
    const app = mount(error);
    await vi.waitFor(() => expect(q('[data-testid="campaign-infeasible"]')).not.toBeNull());
    const item = q('[data-testid="shortfall"]');
    expect(item?.textContent).toContain('三班 王同学');
    expect(item?.textContent).toContain('缺 2 个');
    expect(item?.getAttribute('data-lacking')).toBe('2');
    app.unmount();
  });
});
