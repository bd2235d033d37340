/**
 * Words of the console's Webhooks pages (/admin/webhooks, /admin/webhooks/new, /admin/webhooks/{id}),
 * in English; Spanish in i18n/es/webhooks-text.ts. Event names are never shown as `badge.issued`:
 * each has its words here (`events`), grouped as the picker shows them (`groups`).
 */
import type { WebhookEventType, WebhookSubjectType } from '$server/contracts/webhooks';
import { WEBHOOK_TIMEOUT_SECONDS } from '$server/contracts/webhooks';
import type { DeliveryFailure, DeliveryState } from './webhooks/types';

export const webhooksText = {
  title: 'Webhooks',
  intro:
    'Webhooks tell your own tools (a security team’s alerting, HR, chat) at once when something happens in Shiftpass, such as a lockout or a revoked badge, by sending a signed message to an https address you choose.',
  adminsOnly: 'Only admins can see and change webhooks.',
  add: 'Add endpoint',
  listTitle: 'Endpoints',
  emptyTitle: 'No endpoints yet.',
  emptyText:
    'Add one to have Shiftpass send events like lockouts and revoked badges to your own tools as they happen.',
  columns: {
    url: 'Address',
    events: 'Events',
    state: 'State',
    lastDelivery: 'Last delivery',
  },
  on: 'On',
  off: 'Off',
  allEvents: 'All events',
  someEvents: (shown: string, more: number) => (more > 0 ? `${shown} and ${more} more` : shown),
  noDescription: 'No description',
  open: (url: string) => `Open ${url}`,

  /** The picker's groups, in order, each with its events. */
  groups: {
    badges: 'Badges',
    lockouts: 'Lockouts',
    devices: 'Devices',
    people: 'People',
    policies: 'Policies',
  },
  events: {
    'badge.issued': 'Badge issued',
    'badge.revoked': 'Badge revoked',
    'badge.expiringSoon': 'Badge expires soon',
    'lockout.locked': 'Person locked out',
    'lockout.burst': 'Lockout burst in a store',
    'device.enrolled': 'Device enrolled',
    'device.suspended': 'Device suspended',
    'device.revoked': 'Device revoked',
    'device.nonCompliant': 'Device not compliant',
    'person.created': 'Person added',
    'person.disabled': 'Person disabled',
    'policy.changed': 'Policy changed',
  } satisfies Record<WebhookEventType, string>,
  eventHints: {
    'badge.issued': 'A new badge or a temporary badge was made for someone.',
    'badge.revoked': 'A badge stopped working before its time.',
    'badge.expiringSoon': 'A badge stops working within the next days.',
    'lockout.locked': 'Someone typed a wrong PIN too many times and is locked out.',
    'lockout.burst': 'Many people were locked out in one store within a few minutes.',
    'device.enrolled': 'A phone or tablet was set up as a kiosk.',
    'device.suspended': 'A kiosk was suspended: nobody can sign in on it.',
    'device.revoked': 'A kiosk’s enrolment was removed.',
    'device.nonCompliant': 'Your device management reported a kiosk as not compliant.',
    'person.created': 'Someone was added (by hand, by import or by your HR tool).',
    'person.disabled': 'Someone was disabled, for example when they left.',
    'policy.changed': 'An admin changed a policy.',
  } satisfies Record<WebhookEventType, string>,
  testEvent: 'Test event',
  unknownEvent: 'Another event',

  /** The form (new endpoint and an endpoint's settings). */
  url: 'Endpoint address',
  urlHint:
    'The https address of your tool that receives the events, for example https://alerts.example.com/shiftpass.',
  urlMissing: 'Type the address that receives the events.',
  urlNotHttps:
    'The address must start with https://. Shiftpass only sends events over an encrypted connection.',
  urlInvalid:
    'Shiftpass cannot send to this address. Write it in full, like https://alerts.example.com/shiftpass, with a host name that exists, and without a user name, password or # part.',
  urlPrivate:
    'This address points inside your network. Shiftpass only sends to public https addresses unless your administrator allows the host.',
  description: 'Description (optional)',
  descriptionHint: 'What receives the events, so the next admin knows, for example “Security team alerts”.',
  descriptionTooLong: (max: number) => `Keep the description under ${max} characters.`,
  eventsLegend: 'Events to send',
  eventsHint: 'Shiftpass sends only the events you tick. You can change them later.',
  eventsMissing: 'Tick at least one event.',
  selectAll: 'Select all events',
  create: 'Add endpoint',
  creating: 'Adding…',
  save: 'Save changes',
  saving: 'Saving…',
  cancel: 'Cancel',
  fixBelow: 'Check the fields marked below.',
  reauthCancelled: 'Not saved: confirm it’s you to change webhooks.',
  notFound: 'This endpoint no longer exists. Someone may have deleted it.',
  newTitle: 'Add an endpoint',
  newIntro:
    'Shiftpass sends each event you pick to this address as a signed JSON message, and tries again for a day if your tool does not answer.',
  back: 'All endpoints',

  /** The signing secret, shown once. */
  secretTitle: 'Signing secret for the new endpoint',
  rotatedTitle: 'New signing secret',
  secretWarning:
    'Copy this secret now and store it in your receiving tool: Shiftpass will not show it again. Your tool uses it to check that each message really comes from Shiftpass.',
  rotatedWarning:
    'Copy this secret now and put it in your receiving tool: Shiftpass will not show it again. From now on, messages are signed with it only, so messages signed with the old one will fail your tool’s check.',
  secretLabel: 'Signing secret',
  done: 'Done, I have copied it',
  created: 'Endpoint added.',

  /** An endpoint's page. */
  detailTitle: 'Endpoint',
  settingsTitle: 'Settings',
  state: (on: boolean): string => (on ? 'On: events are sent' : 'Off: no events are sent'),
  turnOff: 'Turn off',
  turnOn: 'Turn on',
  turnedOff: 'The endpoint is off: Shiftpass no longer sends it events.',
  turnedOn: 'The endpoint is on: Shiftpass sends it events again.',
  saved: 'Changes saved.',
  sendTest: 'Send test event',
  sendingTest: 'Sending…',
  testQueued: 'Test event sent to the queue: it appears in the delivery log below.',
  rotate: 'Rotate secret',
  rotateTitle: 'Rotate the signing secret?',
  rotateText: (url: string) =>
    `Shiftpass makes a new secret for ${url} and signs every message with it from now on. Until you put the new secret in your receiving tool, it will reject the messages.`,
  rotateConfirm: 'Rotate secret',
  delete: 'Delete endpoint',
  deleteTitle: 'Delete this endpoint?',
  deleteText: (url: string) =>
    `Shiftpass stops sending events to ${url} and forgets its delivery log. This cannot be undone.`,
  deleteConfirm: 'Delete endpoint',
  deleted: (url: string) => `Endpoint ${url} deleted.`,

  /** The delivery log. */
  logTitle: 'Delivery log',
  logIntro: 'Every message sent to this endpoint, newest first, with your tool’s answer.',
  logColumns: {
    time: 'Time',
    event: 'Event',
    subject: 'About',
    state: 'State',
    answer: 'Answer',
    attempts: 'Attempts',
    nextRetry: 'Next retry',
    actions: 'Actions',
  },
  logEmptyTitle: 'Nothing sent yet.',
  logEmptyText: 'Send a test event to check that your tool receives and accepts the messages.',
  refresh: 'Refresh',
  previous: 'Previous',
  next: 'Next',
  pageNumber: (n: number) => `Page ${n}`,
  retry: 'Retry now',
  retried: 'Sending again now.',
  logFailed: 'The delivery log could not be read.',
  noAnswer: 'No answer',
  none: '—',
  states: {
    pending: 'Waiting',
    delivered: 'Delivered',
    retrying: 'Retrying',
    failed: 'Failed',
  } satisfies Record<DeliveryState, string>,
  failures: {
    timeout: `No answer within ${WEBHOOK_TIMEOUT_SECONDS} seconds`,
    connection: 'Could not connect',
    tls: 'Secure connection failed (certificate)',
    redirect: 'Answered with a redirect, which Shiftpass does not follow',
    private_address: 'The address points inside your network',
    http_status: 'Refused by your tool',
  } satisfies Record<DeliveryFailure, string>,
  /** "Delivered · 200", "Failed · 503". */
  summary: (parts: string[]) => parts.join(' · '),
  noDeliveries: 'No deliveries yet',
  subjects: {
    person: 'Person',
    device: 'Device',
    store: 'Store',
    policy: 'Policy',
    webhook: 'This endpoint',
  } satisfies Record<WebhookSubjectType, string>,

  /** How to check the signature. */
  signatureTitle: 'How to check the signature',
  signatureText:
    'Every message carries a Shiftpass-Signature header: t, the time it was signed, and v1, an HMAC-SHA256 of “t.body” with the endpoint’s secret. Your tool computes the same and compares, and refuses a message older than 5 minutes. In Node.js:',
  signatureMore:
    'The full guide, with the message format and retries, is docs/webhooks.md in the Shiftpass documentation.',
};

export type WebhooksWords = typeof webhooksText;
