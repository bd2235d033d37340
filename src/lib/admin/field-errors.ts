/**
 * Server validation errors as words next to the field they concern. The API names the field as a
 * dotted path (`lockout.hardLimit`) in `field`; its message is a sentence naming the field in words
 * (server/http/validation-messages.ts). A few refusals still start with the path (`cursor: …`): the
 * page drops it, and shows its own labels for any API name left in the words.
 */
import type { ClientError } from '$lib/api/client';

/** The field a VALIDATION_FAILED error is about, if any. */
export const errorField = (error: ClientError): string | undefined =>
  error.code === 'VALIDATION_FAILED' && typeof error.field === 'string' ? error.field : undefined;

/** The server's message without its `field: ` prefix, as the API wrote it. */
export function messageWithoutField(error: ClientError): string {
  const field = errorField(error);
  return field && error.message.startsWith(`${field}: `)
    ? error.message.slice(field.length + 2)
    : error.message;
}

/** The server's message without its `field: ` prefix, with API field names replaced by labels, as a sentence. */
export function fieldMessage(error: ClientError, labels: Record<string, string>): string {
  let message = messageWithoutField(error);
  // Longest names first, so `lockout.maxDelaySeconds` is not half-replaced by a shorter key.
  for (const key of Object.keys(labels).sort((a, b) => b.length - a.length)) {
    message = message.split(key).join(labels[key]!);
  }
  message = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.?!]$/.test(message) ? message : `${message}.`;
}
