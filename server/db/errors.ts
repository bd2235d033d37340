/** Recognises constraint failures so a race between two writers becomes an expected outcome, not a 500. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    const { code, message } = e as { code?: string; message?: string };
    if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return true;
    if (typeof message === 'string' && /UNIQUE constraint failed/.test(message)) return true;
  }
  return false;
}

/** A unique violation on one column, named as SQLite names it (`table.column`). */
export function isUniqueViolationOn(error: unknown, column: string): boolean {
  if (!isUniqueViolation(error)) return false;
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    const { message } = e as { message?: string };
    if (typeof message === 'string' && message.includes(`UNIQUE constraint failed: ${column}`)) return true;
  }
  return false;
}
