// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, h } from 'vue';
import type { Webhook } from '../../api/webhook-types';
import { i18n } from '../i18n';
import WebhookCard from './WebhookCard.vue';
import WebhookForm from './WebhookForm.vue';

const q = (id: string) => document.body.querySelector(`[data-testid="${id}"]`);
const all = (id: string) => [...document.body.querySelectorAll(`[data-testid="${id}"]`)];

function webhook(over: Partial<Webhook> = {}): Webhook {
  return {
    id: 1,
    url: 'https://crm.example.com/hook',
    events: ['publish.confirmed', 'task.failed'],
    description: 'CRM',
    enabled: true,
    disabled_reason: null,
    disabled_at: null,
    failing_since: null,
    previous_secret_until: null,
    created_at: '2026-12-06T08:00:00Z',
    updated_at: '2026-12-06T08:00:00Z',
    ...over,
  };
}

function mount(component: unknown, props: Record<string, unknown>) {
  const el = document.createElement('div');
  document.body.append(el);
  const app = createApp({ render: () => h(component as never, props) }).use(i18n);
  app.mount(el);
  return app;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('WebhookCard', () => {
  it('names each subscribed event in words and shows the endpoint enabled', () => {
    const app = mount(WebhookCard, { webhook: webhook() });
    expect(all('webhook-row-event').map((e) => e.textContent)).toEqual(['发布已确认', '机器人任务失败']);
    expect(q('webhook-state')?.textContent).toContain('启用');
    expect(q('webhook-disabled-reason')).toBeNull();
    app.unmount();
  });

  it('explains why the server disabled an endpoint', () => {
    const reason = 'every delivery failed for 5 days (since 2026-12-01 08:00 UTC)';
    const app = mount(WebhookCard, { webhook: webhook({ enabled: false, disabled_reason: reason, disabled_at: '2026-12-06T08:00:00Z' }) });
    expect(q('webhook-state')?.textContent).toContain('已停用');
    expect(q('webhook-disabled-reason')?.textContent).toContain(reason);
    expect(q('webhook-toggle')?.textContent).toContain('启用');
    app.unmount();
  });
});

describe('WebhookForm', () => {
  it('never offers the test event and leaves the busy link events unchecked', async () => {
    const app = mount(WebhookForm, { open: false, editing: null, save: async () => undefined });
    app.unmount();
    const app2 = mount(WebhookForm, { open: true, editing: null, save: async () => undefined });
    await new Promise((r) => setTimeout(r, 0));
    expect(q('webhook-event-webhook.test')).toBeNull();
    expect(q('webhook-event-link.opened')).not.toBeNull();
    const checked = all('webhook-events').flatMap((g) => [...g.querySelectorAll('input:checked')]);
    expect(checked.every((c) => !(c as HTMLInputElement).value.startsWith('link.'))).toBe(true);
    app2.unmount();
  });
});
