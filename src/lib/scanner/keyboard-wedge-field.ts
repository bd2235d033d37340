/**
 * A hardware scanner used while a text field has the focus types into that field (there, keys are
 * typing: see keyboard-wedge.ts). On the "type your badge code" screen that would leave the whole badge,
 * secret included, in the field of a shared phone. What a scanner typed there is told apart by its
 * format: a badge payload starts with its format and version (`SP1:`, server/domain/qr-payload.ts),
 * and a short code never holds a colon.
 */
export function isScannedBadge(typed: string): boolean {
  return /^SP\d+:/i.test(typed.trim());
}
