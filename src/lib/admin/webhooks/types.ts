/**
 * The webhooks API's shapes as the console reads them (server/contracts/webhooks.ts; docs/api.md),
 * under the console's names.
 */
export type {
  CreateWebhookBody,
  CreatedWebhookEndpointView as CreatedWebhookEndpoint,
  PatchWebhookBody,
  WebhookDeliveryFailure as DeliveryFailure,
  WebhookDeliveryState as DeliveryState,
  WebhookDeliveryView,
  WebhookEndpointView,
} from '$server/contracts/webhooks';
import type { WebhookDeliveryView } from '$server/contracts/webhooks';

export interface DeliveryPage {
  value: WebhookDeliveryView[];
  nextCursor: string | null;
}
