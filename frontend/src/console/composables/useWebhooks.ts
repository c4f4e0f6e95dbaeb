/** Webhook endpoints (admin): list, create and rotate (a secret comes back once), edit, test, delete, deliveries. */
import { ref } from 'vue';
import { call } from '../../api/client';
import { ApiError } from '../../api/errors';
import type { Webhook, WebhookDelivery, WebhookInput, WebhookWithSecret } from '../../api/webhook-types';
import { api } from '../session';

export function useWebhooks() {
  const webhooks = ref<Webhook[]>([]);
  const loading = ref(false);
  const error = ref<ApiError | null>(null);

  async function load(): Promise<void> {
    loading.value = true;
    error.value = null;
    try {
      webhooks.value = await call(api.GET('/api/webhooks'));
    } catch (e) {
      error.value = e instanceof ApiError ? e : new ApiError(0, 'unknown', String(e));
    } finally {
      loading.value = false;
    }
  }

  const replace = (w: Webhook): void => {
    webhooks.value = webhooks.value.map((x) => (x.id === w.id ? w : x));
  };

  async function create(input: WebhookInput): Promise<WebhookWithSecret> {
    const r = await call(api.POST('/api/webhooks', { body: input }));
    webhooks.value = [...webhooks.value, r.webhook];
    return r;
  }

  async function update(id: number, input: WebhookInput): Promise<Webhook> {
    const w = await call(api.PUT('/api/webhooks/{id}', { params: { path: { id } }, body: input }));
    replace(w);
    return w;
  }

  async function rotate(id: number): Promise<WebhookWithSecret> {
    const r = await call(api.POST('/api/webhooks/{id}/rotate-secret', { params: { path: { id } } }));
    replace(r.webhook);
    return r;
  }

  async function remove(id: number): Promise<void> {
    await call(api.DELETE('/api/webhooks/{id}', { params: { path: { id } } }));
    webhooks.value = webhooks.value.filter((w) => w.id !== id);
  }

  async function test(id: number): Promise<WebhookDelivery> {
    return call(api.POST('/api/webhooks/{id}/test', { params: { path: { id } } }));
  }

  async function deliveries(id: number): Promise<WebhookDelivery[]> {
    const page = await call(api.GET('/api/webhooks/{id}/deliveries', { params: { path: { id }, query: { limit: 50 } } }));
    return page.items;
  }

  async function redeliver(id: number, deliveryId: number): Promise<WebhookDelivery> {
    return call(
      api.POST('/api/webhooks/{id}/deliveries/{delivery_id}/redeliver', {
        params: { path: { id, delivery_id: deliveryId } },
      }),
    );
  }

  return { webhooks, loading, error, load, create, update, rotate, remove, test, deliveries, redeliver };
}
