/**
 * A manager confirming something for a worker on the worker's phone (src/lib/components/ManagerConfirm.svelte):
 * the manager scans their own badge, then types their own PIN. The screen's title and explanation come
 * from whoever uses it (forgot PIN, a manager's step-up); these are its own words.
 */
import { english } from '../define';

export const managerConfirm = english({
  ask: 'Ask a manager of your store',
  scanTitle: 'Manager: scan your badge',
  scanHint: 'A manager of this worker’s store holds their own badge in front of the camera.',
  pinTitle: 'Manager: enter your PIN',
  pinHint: 'Only the manager types here. The worker never sees this PIN.',
  confirm: 'Confirm',
  otherBadge: 'Scan a different manager badge',
  cancel: 'Cancel',
  checking: 'Checking…',
});
