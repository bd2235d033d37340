/**
 * Request bodies copied from Microsoft Graph's documentation carry OData annotations: every example
 * starts with `"@odata.type": "#microsoft.graph.…"`, and a body made from a Graph answer may hold
 * `@odata.context` or `@odata.etag`. The routes that mirror Graph's QR code + PIN resources take
 * them: `@odata.type` must name the resource the route is about (with or without the leading `#`),
 * the others are read and ignored. Any other unknown field is still refused (VALIDATION_FAILED).
 */
import { z } from 'zod';

/** The OData annotations a body of the Graph resource `type` (e.g. `qrCode`) may carry. */
export const graphAnnotations = (type: string) => ({
  '@odata.type': z.enum([`#microsoft.graph.${type}`, `microsoft.graph.${type}`]).optional(),
  '@odata.context': z.string().max(2048).optional(),
  '@odata.etag': z.string().max(256).optional(),
});

/** A parsed body without its OData annotations: what a service stores or acts on. */
export function withoutAnnotations<T extends object>(body: T): Omit<T, `@odata.${string}`> {
  return Object.fromEntries(Object.entries(body).filter(([key]) => !key.startsWith('@odata.'))) as Omit<
    T,
    `@odata.${string}`
  >;
}
