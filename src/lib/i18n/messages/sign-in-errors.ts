/** What the kiosk says for each API error code it can meet, and for a badge it refuses itself. */
import { english } from '../define';

export const signInErrors = english({
  QR_CODE_NOT_RECOGNIZED: 'This badge is not recognized. Ask your manager for a new badge.',
  QR_CODE_EXPIRED: 'This badge has expired. Ask your manager for a new one.',
  QR_CODE_NOT_YET_ACTIVE: 'This badge is not active yet. Try again later or ask your manager.',
  PIN_INCORRECT: 'That PIN is not right. Try again.',
  METHOD_LOCKED: 'Too many wrong PINs. Wait, then try again, or ask your manager to unlock your badge.',
  TOO_MANY_ATTEMPTS: 'Too many failed sign-ins on this device. Wait a few minutes, then try again.',
  METHOD_DISABLED_BY_POLICY: 'Badge sign-in is not turned on for you. Ask your manager.',
  MOBILE_DEVICE_REQUIRED:
    'Badge sign-in works only on a phone, a tablet or your store’s kiosk, not on a computer.',
  ACCESS_BLOCKED_BY_POLICY:
    'Your organization’s access rules do not allow this sign-in here right now. Ask your manager.',
  // An access policy's refusal, by the reason code the server sends (server/domain/conditional-access.ts,
  // ACCESS_REASON_CODES): one short sentence; the sign-in log keeps the long reason for the manager.
  accessNotAStoreKiosk: 'This phone is not a store kiosk. Sign in on your store’s kiosk.',
  accessKioskNotTrusted: 'This kiosk needs a check before anyone can sign in on it. Ask your manager.',
  accessNotOnStoreNetwork: 'This phone is not on your store’s network. Sign in at your store.',
  accessNetworkNotAllowed: 'Signing in from this network is not allowed. Sign in at your store.',
  accessOutsideHours: 'You cannot sign in at this time of day. Ask your manager.',
  SECOND_FACTOR_REQUIRED:
    'Your organization’s access rules need a second proof of who you are, which a badge and PIN cannot give. Ask your manager.',
  DEVICE_REVOKED: 'This phone is no longer set up as a kiosk. Ask a manager.',
  DEVICE_NOT_ENROLLED: 'This phone is no longer set up as a kiosk. Ask a manager.',
  DEVICE_SUSPENDED: 'This kiosk is suspended. Ask a manager to resume it.',
  DEVICE_ATTESTATION_EXPIRED: 'This kiosk had to renew its proof of identity. Try again.',
  DEVICE_NONCE_EXPIRED: 'That took too long to send. Try again.',
  DEVICE_NONCE_REPLAYED: 'This phone could not prove it is this store’s kiosk. Try again.',
  DEVICE_NONCE_UNKNOWN: 'This phone could not prove it is this store’s kiosk. Try again.',
  DEVICE_PROOF_INVALID:
    'This phone could not prove it is this store’s kiosk. Try again, and ask a manager if it keeps happening.',
  DEVICE_TOKEN_ALGORITHM_REFUSED:
    'This phone could not prove it is this store’s kiosk. Ask a manager to set it up again.',
  DEVICE_KEY_MISMATCH:
    'This phone could not prove it is this store’s kiosk. Ask a manager to set it up again.',
  DEVICE_ATTESTATION_INVALID:
    'This phone could not prove it is this store’s kiosk. Ask a manager to set it up again.',
  PIN_POLICY_VIOLATION: 'That PIN is not allowed.',
  // A manager confirming on this phone, and a forgotten PIN's reset.
  APPROVER_NOT_A_MANAGER: 'This badge is not a manager’s. Ask a manager of your store.',
  APPROVER_NOT_OF_STORE: 'This manager does not manage your store. Ask a manager of your store.',
  APPROVER_IS_REQUESTER: 'You cannot approve for yourself. Ask a manager of your store.',
  PIN_RESET_NEEDS_ADMIN:
    'Managers and admins cannot reset their own PIN here. Ask an admin to reset it in the Shiftpass console.',
  PIN_RESET_REQUEST_INVALID: 'This PIN reset is no longer known. Tap “Forgot PIN?” to start again.',
  PIN_RESET_REQUEST_USED: 'This PIN reset was already used or cancelled. Tap “Forgot PIN?” to start again.',
  PIN_RESET_REQUEST_EXPIRED: 'This PIN reset ended after 10 minutes. Tap “Forgot PIN?” to start again.',
  PIN_RESET_NOT_APPROVED: 'No manager has approved your PIN reset yet.',
  PIN_RESET_DECLINED: 'A manager declined your PIN reset. Ask them, or an admin, for help.',
  PIN_RESET_TOO_MANY_REQUESTS:
    'Too many PIN resets for this badge in the last hour. Try again later, or ask an admin.',
  APPROVALS_TOO_MANY: 'This manager has approved too many PIN resets this hour. Ask another manager.',
  // A manager confirming a sign-in an access rule sends to a second factor (step-up).
  STEP_UP_CHALLENGE_NOT_FOUND:
    'This sign-in can no longer be confirmed. Scan your badge and enter your PIN again.',
  STEP_UP_CHALLENGE_EXPIRED:
    'No manager confirmed this sign-in in time. Scan your badge and enter your PIN again.',
  STEP_UP_CHALLENGE_USED: 'This sign-in was already confirmed. Scan your badge and enter your PIN again.',
  STEP_UP_DEVICE_MISMATCH:
    'This sign-in must be confirmed on the phone where it started. Scan your badge and enter your PIN again.',
  NETWORK_ERROR:
    'Signing in needs the network, and this phone is offline. Check Wi-Fi or mobile data, then try again.',
  VALIDATION_FAILED: 'Something in the form is not valid.',
  UNAUTHENTICATED: 'Your session ended. Scan your badge to sign in again.',
  unexpected: 'Something went wrong. Try again, or ask your manager if it keeps happening.',
  foreignBadge: 'This badge belongs to another organization. Use your own badge for this store.',
  pinIncorrectTries: (tries: number) =>
    tries === 1
      ? 'That PIN is not right. 1 try left before your badge is locked for a while.'
      : `That PIN is not right. ${tries} tries left.`,
});
