/** Whether a QR code is usable at an instant: usable from startDateTime (inclusive) until expireDateTime (exclusive). */
export type CodeWindow = 'active' | 'not_yet_active' | 'expired';

export function codeWindowAt(code: { startDateTime: Date; expireDateTime: Date }, now: Date): CodeWindow {
  if (now.getTime() < code.startDateTime.getTime()) return 'not_yet_active';
  if (now.getTime() >= code.expireDateTime.getTime()) return 'expired';
  return 'active';
}
