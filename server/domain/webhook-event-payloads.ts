/**
 * What each webhook event says (issue 17): one `data` shape per event name, as a discriminated union
 * on `type`, so a producer cannot send a badge event with a device's data, and the builders below
 * are the only way the shapes are made. The shapes are public contract (docs/webhook-events.md):
 * add fields, never rename or remove one.
 *
 * Names, not secrets: a person is named by their ids and names, a badge by its kind and expiry. A
 * badge's QR payload, its code id, its short code, a PIN, a session or a token never appear here;
 * the builders copy only the fields listed, so a row handed to them with more columns adds nothing.
 */
import type { WebhookEventType, WebhookSubject } from './webhook-events.js';

/** A person as every event names them (Graph's property names). */
export interface WebhookPerson {
  id: string;
  userPrincipalName: string;
  displayName: string;
  employeeId: string | null;
}

/** A store (a group in the API). */
export interface WebhookStore {
  id: string;
  displayName: string;
}

export type WebhookBadgeKind = 'standard' | 'temporary';

/** A badge: its kind and when it stops working; never its payload, code id or short code. */
export interface WebhookBadge {
  kind: WebhookBadgeKind;
  expireDateTime: string;
}

/** A kiosk device: its name and the store it is enrolled in (null when that store was deleted). */
export interface WebhookDevice {
  id: string;
  displayName: string;
  store: WebhookStore | null;
}

/** Who made a change: a person (in the console or with their API token), or Shiftpass itself. */
export type WebhookActor =
  { type: 'user'; id: string } | { type: 'apiToken'; id: string; userId: string } | { type: 'system' };

/** The settings an admin can change, as `policy.changed` names them. */
export const WEBHOOK_POLICY_NAMES = [
  'qrCodePin',
  'sessions',
  'consoleSignIn',
  'logRetention',
  'kioskApps',
  'conditionalAccessPolicy',
  'namedLocation',
] as const;
export type WebhookPolicyName = (typeof WEBHOOK_POLICY_NAMES)[number];

/** Why a badge stopped working before its time. */
export type BadgeRevocationReason = 'codeDeleted' | 'methodDeleted' | 'offboarded';

/** Why a person can no longer sign in. */
export type PersonDisabledReason = 'accountDisabled' | 'offboarded';

/** What a policy change was. */
export type PolicyChange = 'created' | 'updated' | 'deleted';

/** The `data` of each event, by event name. */
export interface WebhookEventData {
  'badge.issued': { person: WebhookPerson; badge: WebhookBadge; issuedBy: WebhookActor };
  'badge.revoked': {
    person: WebhookPerson;
    badge: WebhookBadge;
    reason: BadgeRevocationReason;
    revokedBy: WebhookActor;
  };
  'badge.expiringSoon': { person: WebhookPerson; badge: WebhookBadge; daysLeft: number };
  'lockout.locked': {
    person: WebhookPerson;
    /** The stores the lock counts for: the kiosk's store, else the person's stores. */
    stores: WebhookStore[];
    /** The enrolled kiosk the wrong PINs came from; null for a phone or browser that is not one. */
    device: WebhookDevice | null;
    /** When the lock runs out; null: until a manager unlocks it or resets the PIN (the hard limit). */
    lockedUntil: string | null;
  };
  'lockout.burst': {
    store: WebhookStore;
    /** Locks in the store within the window, this one included. */
    lockCount: number;
    windowMinutes: number;
    /** The number of locks within `windowMinutes` that raises the alert. */
    threshold: number;
    firstLockDateTime: string;
    lastLockDateTime: string;
  };
  'device.enrolled': { device: WebhookDevice; enrolledBy: WebhookActor };
  'device.suspended': { device: WebhookDevice; via: 'console' | 'kiosk'; changedBy: WebhookActor };
  'device.revoked': { device: WebhookDevice; via: 'console' | 'kiosk'; changedBy: WebhookActor };
  'device.nonCompliant': {
    device: WebhookDevice;
    /** Readable reasons ("app version 0.0.9 is older than 0.1.0"). */
    reasons: string[];
    /** An MDM's compliance report, or Shiftpass's own check at a sign-in. */
    detectedBy: 'complianceReport' | 'signIn';
  };
  'person.created': {
    person: WebhookPerson;
    role: 'worker' | 'manager' | 'admin';
    accountEnabled: boolean;
    stores: WebhookStore[];
    createdBy: WebhookActor;
  };
  'person.disabled': { person: WebhookPerson; reason: PersonDisabledReason; disabledBy: WebhookActor };
  'policy.changed': {
    policy: {
      name: WebhookPolicyName;
      /** The conditional-access policy's or named location's id; null for the singleton settings. */
      id: string | null;
      /** Its name, for a conditional-access policy or named location; null otherwise. */
      displayName: string | null;
      change: PolicyChange;
      changedBy: WebhookActor;
    };
  };
}

/** One event ready to be written to the outbox: its name, its subject and its data, matched. */
export type WebhookEvent = {
  [T in WebhookEventType]: { type: T; subject: WebhookSubject; data: WebhookEventData[T] };
}[WebhookEventType];

/** The person fields events carry, copied from any row that has them (and nothing else). */
export function webhookPerson(row: {
  id: string;
  userPrincipalName: string;
  displayName: string;
  employeeId?: string | null;
}): WebhookPerson {
  return {
    id: row.id,
    userPrincipalName: row.userPrincipalName,
    displayName: row.displayName,
    employeeId: row.employeeId ?? null,
  };
}

export function webhookStore(row: { id: string; displayName: string }): WebhookStore {
  return { id: row.id, displayName: row.displayName };
}

export function webhookBadge(code: { kind: WebhookBadgeKind; expireDateTime: Date | string }): WebhookBadge {
  const expire = code.expireDateTime;
  return { kind: code.kind, expireDateTime: typeof expire === 'string' ? expire : expire.toISOString() };
}

export function webhookDevice(
  row: { id: string; displayName: string },
  store: WebhookStore | null,
): WebhookDevice {
  return { id: row.id, displayName: row.displayName, store };
}

/** Who acted, as the services name them (core/deps.ts `Actor`, or the system itself). */
export type ActingParty =
  'system' | { type: 'user'; userId: string } | { type: 'api_token'; userId: string; tokenId: string };

/** Who acted, as an event names them: the person, or the person's API token, or Shiftpass. */
export function webhookActor(actor: ActingParty): WebhookActor {
  if (actor === 'system') return { type: 'system' };
  if (actor.type === 'api_token') return { type: 'apiToken', id: actor.tokenId, userId: actor.userId };
  return { type: 'user', id: actor.userId };
}

/** An event's name and data, matched (a `WebhookEvent` before its subject is known). */
type TypedData = { [K in WebhookEventType]: { type: K; data: WebhookEventData[K] } }[WebhookEventType];

/**
 * The one way to make an event: the subject follows from the data (a badge, lockout or person event
 * is about its person, a device event about its device, a burst about its store, a policy change
 * about the policy), so deliveries keep the order of events about the same thing.
 */
export function webhookEvent<T extends WebhookEventType>(type: T, data: WebhookEventData[T]): WebhookEvent {
  const typed = { type, data } as TypedData;
  return { ...typed, subject: subjectOf(typed) } as WebhookEvent;
}

function subjectOf(event: TypedData): WebhookSubject {
  switch (event.type) {
    case 'badge.issued':
    case 'badge.revoked':
    case 'badge.expiringSoon':
    case 'lockout.locked':
    case 'person.created':
    case 'person.disabled':
      return { type: 'person', id: event.data.person.id };
    case 'lockout.burst':
      return { type: 'store', id: event.data.store.id };
    case 'device.enrolled':
    case 'device.suspended':
    case 'device.revoked':
    case 'device.nonCompliant':
      return { type: 'device', id: event.data.device.id };
    case 'policy.changed':
      return { type: 'policy', id: event.data.policy.id ?? event.data.policy.name };
  }
}
