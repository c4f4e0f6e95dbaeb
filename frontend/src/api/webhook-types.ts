/** The API shapes of issue 22 (signed webhooks), named after the generated schema. */
import type { components } from './schema';

export { webhookEventTypeValues, webhookDeliveryStatusValues } from './schema';

type S = components['schemas'];

export type WebhookEventType = S['WebhookEventType'];
export type WebhookDeliveryStatus = S['WebhookDeliveryStatus'];
export type Webhook = S['Webhook'];
export type WebhookInput = S['WebhookInput'];
export type WebhookWithSecret = S['WebhookWithSecret'];
export type WebhookDelivery = S['WebhookDelivery'];
export type WebhookDeliveryPage = S['WebhookDeliveryPage'];

/** Frequent events an endpoint gets only when it chooses them. */
export const BUSY_EVENTS: readonly WebhookEventType[] = ['link.opened', 'link.tapped'];
