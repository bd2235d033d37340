/**
 * Keyset pages of a log, forwards and back: the API's cursors only go forwards, so the cursors of the
 * pages before this one are kept here ("Previous" goes back to the last one). New filters start again.
 */
export class LogPages {
  #trail = $state<string[]>([]);

  /** The page shown, counted from 1. */
  get number(): number {
    return this.#trail.length + 1;
  }

  /** Remembers the current page's cursor ('' for the first) and gives the next page's. */
  next(current: string, nextCursor: string): string {
    this.#trail = [...this.#trail, current];
    return nextCursor;
  }

  /** The previous page's cursor ('' for the first page). */
  previous(): string {
    const cursor = this.#trail.at(-1) ?? '';
    this.#trail = this.#trail.slice(0, -1);
    return cursor;
  }

  reset(): void {
    this.#trail = [];
  }
}
