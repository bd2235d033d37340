/**
 * A CSV download streamed page by page: UTF-8 with a byte-order mark (so spreadsheets read accents
 * right), a header line, then one record per item. Access and filters are checked before this is
 * called, so an error here can only be the database failing mid-stream.
 */
import type { Context } from 'hono';
import { EXPORT_ROW_CAP } from '../contracts/logs.js';
import { csvHeader, csvRecord, type CsvColumn } from '../domain/csv.js';
import type { AppEnv } from './env.js';

/** `sign-in-logs-20261128T0712Z.csv` */
export const exportFileName = (name: string, now: Date): string =>
  `${name}-${now.toISOString().slice(0, 16).replace(/[-:]/g, '')}Z.csv`;

export function csvResponse<T>(
  c: Context<AppEnv>,
  fileName: string,
  columns: readonly CsvColumn<T>[],
  pages: AsyncIterable<T[]>,
): Response {
  const encoder = new TextEncoder();
  const iterator = pages[Symbol.asyncIterator]();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`\uFEFF${csvHeader(columns)}`));
    },
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) {
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(next.value.map((item) => csvRecord(columns, item)).join('')));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
  c.header('Content-Type', 'text/csv; charset=utf-8');
  c.header('Content-Disposition', `attachment; filename="${fileName}"`);
  c.header('X-Export-Row-Cap', String(EXPORT_ROW_CAP));
  return c.body(body, 200);
}
