/**
 * A form field's ids, written once: the hint and error paragraphs get ids derived from the control's,
 * and the control's aria-describedby lists the error first (read before the hint), then the hint.
 */
export interface FieldIds {
  id: string;
  hintId: string;
  errorId: string;
}

export const fieldIds = (id: string): FieldIds => ({ id, hintId: `${id}-hint`, errorId: `${id}-error` });

/** The aria-describedby value for a control with this hint and error, or undefined when neither shows. */
export function describedBy(id: string, hint: boolean, error: string | null | undefined): string | undefined {
  const ids = fieldIds(id);
  const parts = [error ? ids.errorId : '', hint ? ids.hintId : ''].filter(Boolean);
  return parts.length === 0 ? undefined : parts.join(' ');
}

/** What a control inside a Field needs: its id, aria-describedby and aria-invalid. */
export interface FieldControl {
  id: string;
  describedBy: string | undefined;
  invalid: boolean;
}

export function fieldControl(id: string, hint: boolean, error: string | null | undefined): FieldControl {
  return { id, describedBy: describedBy(id, hint, error), invalid: Boolean(error) };
}
