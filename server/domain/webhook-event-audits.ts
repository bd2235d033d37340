/**
 * Which webhook events an audited change sends (issue 17). Every change an admin, a manager, an API
 * token or SCIM makes is audited once, where it succeeded (core/audit.ts `recordAudit`), so the
 * events of those changes are derived here from the audit entry, in one table, instead of being sent
 * from each service: a new way to issue a badge that is audited sends `badge.issued` with no further
 * work, and a refused change (never audited) sends nothing.
 *
 * Two steps, both pure: `auditEventNeeds` says which facts the entry's events name (a person, a
 * device), the caller reads them, and `auditEvents` builds the events from the entry and the facts.
 * Events not tied to an audited change (a lock, a burst, a badge expiring soon, a device found
 * non-compliant at sign-in) are made where they happen (features/webhooks/events/).
 */
import {
  webhookActor,
  webhookBadge,
  webhookEvent,
  type ActingParty,
  type WebhookBadgeKind,
  type WebhookDevice,
  type WebhookEvent,
  type WebhookPerson,
  type WebhookPolicyName,
  type WebhookStore,
} from './webhook-event-payloads.js';
import type { WebhookEventType } from './webhook-events.js';

/** An audit entry as recorded: who, what, on what, with which (secret-free) details. */
export interface AuditedChange {
  actor: ActingParty;
  activity: string;
  target: { type: string; id: string };
  details: Record<string, unknown> | undefined;
}

/** What the events of an entry name, read by the caller. */
export interface AuditEventNeeds {
  person?: string;
  device?: string;
}

/** A person as read for an event: who they are, their role and their stores. */
export interface PersonFacts extends WebhookPerson {
  role: 'worker' | 'manager' | 'admin';
  accountEnabled: boolean;
  stores: WebhookStore[];
}

export interface AuditFacts {
  person?: PersonFacts;
  device?: WebhookDevice;
}

/** The settings documents' audit activities, by the name `policy.changed` gives them. */
const SETTINGS_ACTIVITIES: Record<string, WebhookPolicyName> = {
  'policy.qrCodePin.updated': 'qrCodePin',
  'policy.sessions.updated': 'sessions',
  'policy.consoleSignIn.updated': 'consoleSignIn',
  'policy.logRetention.updated': 'logRetention',
  'kiosk.apps.updated': 'kioskApps',
};

const CONDITIONAL_ACCESS = /^conditionalAccess\.(policy|namedLocation)\.(created|updated|deleted)$/;

const PERSON_ACTIVITIES = new Set([
  'user.created',
  'user.updated',
  'user.offboarded',
  'qrPinMethod.issued',
  'qrPinMethod.deleted',
  'qrCode.standard.issued',
  'qrCode.temporary.issued',
  'qrCode.standard.deleted',
  'qrCode.temporary.deleted',
]);

const DEVICE_ACTIVITIES = new Set([
  'device.enrolled',
  'device.updated',
  'device.revoked',
  'device.suspendedAtKiosk',
  'device.unenrolledAtKiosk',
  'device.complianceReported',
]);

/** The names of the events an entry sends (before any fact is read), so a caller can skip the reads. */
export function auditEventTypes(change: AuditedChange): WebhookEventType[] {
  const dryRun = isPersonChange(change)
    ? personEvents(change, UNREAD_PERSON)
    : isDeviceChange(change)
      ? deviceEvents(change, UNREAD_DEVICE)
      : policyEvents(change);
  return dryRun.map((event) => event.type);
}

/** What to read for the entry's events; null when the entry sends none (most entries). */
export function auditEventNeeds(change: AuditedChange): AuditEventNeeds | null {
  // The events are built once with placeholders: only an entry that sends one needs a read.
  if (isPersonChange(change)) {
    return personEvents(change, UNREAD_PERSON).length > 0 ? { person: change.target.id } : null;
  }
  if (isDeviceChange(change)) {
    return deviceEvents(change, UNREAD_DEVICE).length > 0 ? { device: change.target.id } : null;
  }
  return null;
}

type Details = Record<string, unknown>;

const record = (value: unknown): Details | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Details) : undefined;

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** A badge named in an audit's details (`{ kind?, expireDateTime }`), or undefined. */
function badgeOf(value: unknown, kind?: WebhookBadgeKind) {
  const code = record(value);
  const expire = text(code?.expireDateTime);
  const codeKind = kind ?? (code?.kind === 'standard' || code?.kind === 'temporary' ? code.kind : undefined);
  return expire && codeKind ? webhookBadge({ kind: codeKind, expireDateTime: expire }) : undefined;
}

/** The badges an audit entry lists as revoked (`details.revokedBadges`), still working when revoked. */
function revokedBadgesOf(details: Details | undefined) {
  const list = details?.revokedBadges;
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry) => {
    const badge = badgeOf(entry);
    return badge ? [badge] : [];
  });
}

/** The placeholder a person event is built with before the facts are read (auditEventNeeds). */
const UNREAD_PERSON: PersonFacts = {
  id: '',
  userPrincipalName: '',
  displayName: '',
  employeeId: null,
  role: 'worker',
  accountEnabled: true,
  stores: [],
};

const UNREAD_DEVICE: WebhookDevice = { id: '', displayName: '', store: null };

const isPersonChange = (change: AuditedChange) =>
  PERSON_ACTIVITIES.has(change.activity) && change.target.type === 'user';
const isDeviceChange = (change: AuditedChange) =>
  DEVICE_ACTIVITIES.has(change.activity) && change.target.type === 'device';

function personEvents(change: AuditedChange, facts: PersonFacts): WebhookEvent[] {
  const by = webhookActor(change.actor);
  const person: WebhookPerson = {
    id: facts.id,
    userPrincipalName: facts.userPrincipalName,
    displayName: facts.displayName,
    employeeId: facts.employeeId,
  };
  const details = change.details;
  switch (change.activity) {
    case 'user.created': {
      const { role, accountEnabled, stores } = facts;
      return [webhookEvent('person.created', { person, role, accountEnabled, stores, createdBy: by })];
    }
    case 'user.updated': {
      const wasEnabled = record(details?.before)?.accountEnabled;
      const isEnabled = record(details?.after)?.accountEnabled;
      if (wasEnabled !== true || isEnabled !== false) return [];
      return [webhookEvent('person.disabled', { person, reason: 'accountDisabled', disabledBy: by })];
    }
    case 'user.offboarded':
      return [
        webhookEvent('person.disabled', { person, reason: 'offboarded', disabledBy: by }),
        ...revokedBadgesOf(details).map((badge) =>
          webhookEvent('badge.revoked', { person, badge, reason: 'offboarded', revokedBy: by }),
        ),
      ];
    case 'qrPinMethod.issued':
    case 'qrCode.standard.issued':
    case 'qrCode.temporary.issued': {
      const kind = change.activity === 'qrCode.temporary.issued' ? 'temporary' : 'standard';
      const badge = badgeOf(details?.standardQRCode ?? details?.code, kind);
      return badge ? [webhookEvent('badge.issued', { person, badge, issuedBy: by })] : [];
    }
    case 'qrPinMethod.deleted':
    case 'qrCode.standard.deleted':
    case 'qrCode.temporary.deleted': {
      const reason = change.activity === 'qrPinMethod.deleted' ? 'methodDeleted' : 'codeDeleted';
      return revokedBadgesOf(details).map((badge) =>
        webhookEvent('badge.revoked', { person, badge, reason, revokedBy: by }),
      );
    }
    default:
      return [];
  }
}

const statusOf = (value: unknown): string | undefined => text(record(value)?.status);

function deviceEvents(change: AuditedChange, device: WebhookDevice): WebhookEvent[] {
  const by = webhookActor(change.actor);
  const details = change.details;
  const before = statusOf(details?.before);
  const after = statusOf(details?.after);
  const becameSuspended = after === 'suspended' && before !== 'suspended';
  const becameRevoked = after === 'revoked' && before !== 'revoked';
  switch (change.activity) {
    case 'device.enrolled':
      return [webhookEvent('device.enrolled', { device, enrolledBy: by })];
    case 'device.updated':
    case 'device.revoked':
    case 'device.suspendedAtKiosk':
    case 'device.unenrolledAtKiosk': {
      const via = change.activity.endsWith('AtKiosk') ? 'kiosk' : 'console';
      if (becameRevoked) return [webhookEvent('device.revoked', { device, via, changedBy: by })];
      if (becameSuspended) return [webhookEvent('device.suspended', { device, via, changedBy: by })];
      return [];
    }
    case 'device.complianceReported': {
      const was = record(details?.before);
      const now = record(details?.after);
      if (now?.compliant !== false || was?.compliant === false) return [];
      const reasons = Array.isArray(now.reasons)
        ? now.reasons.filter((r): r is string => typeof r === 'string')
        : [];
      return [webhookEvent('device.nonCompliant', { device, reasons, detectedBy: 'complianceReport' })];
    }
    default:
      return [];
  }
}

function policyEvents(change: AuditedChange): WebhookEvent[] {
  const changedBy = webhookActor(change.actor);
  const setting = SETTINGS_ACTIVITIES[change.activity];
  if (setting) {
    return [
      webhookEvent('policy.changed', {
        policy: { name: setting, id: null, displayName: null, change: 'updated', changedBy },
      }),
    ];
  }
  const match = CONDITIONAL_ACCESS.exec(change.activity);
  if (!match) return [];
  const [, kind, what] = match;
  const displayName =
    text(record(change.details?.after)?.displayName) ?? text(record(change.details?.before)?.displayName);
  return [
    webhookEvent('policy.changed', {
      policy: {
        name: kind === 'policy' ? 'conditionalAccessPolicy' : 'namedLocation',
        id: change.target.id,
        displayName: displayName ?? null,
        change: what as 'created' | 'updated' | 'deleted',
        changedBy,
      },
    }),
  ];
}

/**
 * The events an audited change sends, built from the entry and the facts `auditEventNeeds` asked
 * for. Person events need the person, device events the device: without them (deleted meanwhile),
 * none.
 */
export function auditEvents(change: AuditedChange, facts: AuditFacts): WebhookEvent[] {
  if (isPersonChange(change)) return facts.person ? personEvents(change, facts.person) : [];
  if (isDeviceChange(change)) return facts.device ? deviceEvents(change, facts.device) : [];
  return policyEvents(change);
}
