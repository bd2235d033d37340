/**
 * Words of the console's API tokens page (/admin/api-tokens), in English; Spanish in
 * i18n/es/api-tokens-text.ts. Every scope needs its words here: the type asks for one entry per scope.
 */
import type { ApiTokenScope } from '$server/contracts/api-tokens';

export const apiTokensText = {
  title: 'API tokens',
  intro:
    'An API token lets a script or another system call the Shiftpass API as you, only for what you allow it, until it expires or is revoked.',
  adminsOnly: 'Only admins can manage API tokens.',
  emptyTitle: 'There are no API tokens yet.',
  emptyText: 'Create one above when a script or another system needs to call Shiftpass.',
  createTitle: 'Create a token',
  name: 'Name',
  nameHint: 'What the token is for, e.g. “Payroll sync” (up to 80 characters).',
  expiry: 'Expires at the end of',
  expiryHint: 'At most one year from today. Every token expires; make a new one before then.',
  scopes: 'What may this token do?',
  scopesHint: 'Tick only what the tool needs. Nothing is ticked to start with.',
  scopesError: 'Choose at least one thing this token may do.',
  create: 'Create token',
  creating: 'Creating…',
  newTitle: (name: string) => `Your new token “${name}”`,
  newWarning:
    'Copy it now and keep it somewhere safe. It is shown only this once and will not be shown again.',
  newLabel: 'Token',
  done: 'I have copied the token',
  listTitle: 'Tokens',
  columns: {
    name: 'Name',
    access: 'Access',
    createdBy: 'Created by',
    created: 'Created',
    expires: 'Expires',
    lastUsed: 'Last used',
    state: 'Status',
    actions: 'Actions',
  },
  never: 'Never',
  noExpiry: 'No expiry',
  states: { active: 'Active', expired: 'Expired', revoked: 'Revoked' },
  revoke: 'Revoke',
  confirmTitle: 'Revoke this token?',
  confirmText: (name: string) =>
    `“${name}” stops working at once. Anything that uses it will be refused. This cannot be undone.`,
  confirmRevoke: 'Revoke token',
  cancel: 'Cancel',
  revoked: (name: string) => `“${name}” was revoked.`,
  created: (name: string) => `Token “${name}” created.`,
  nameError: 'Enter a name of 1 to 80 characters.',
  expiryError: 'Choose a date from today up to one year from today.',
  reauthCancelled: 'The token was not created: confirming it’s you is needed first.',
  /** The checkboxes of the form (label and hint) and the list's short name, per scope. */
  scopeWords: {
    'devices.compliance.write': {
      label: 'Report device compliance (for your MDM)',
      hint: 'Mark kiosk phones compliant or not, and see the list of phones to find them.',
      short: 'Report device compliance',
    },
    'devices.read': {
      label: 'See kiosk phones',
      hint: 'The phones, their stores and their state.',
      short: 'See kiosk phones',
    },
    'logs.read': {
      label: 'Read logs',
      hint: 'Sign-in and audit logs and reports, with their downloads.',
      short: 'Read logs',
    },
    'users.read': {
      label: 'Read people',
      hint: 'People, stores and whether they have a badge.',
      short: 'Read people',
    },
    'users.write': {
      label: 'Change people',
      hint: 'Add, change and remove people and stores, issue badges and reset PINs. Includes reading them.',
      short: 'Change people',
    },
    scim: {
      label: 'Provisioning from HR or Microsoft Entra (SCIM)',
      hint: 'Add, change, disable and remove people and stores from your HR tool. Never makes or changes admins.',
      short: 'Provisioning (SCIM)',
    },
    'scim.admins': {
      label: 'Provisioning (SCIM), admins included',
      hint: 'As provisioning, and it may also make people admins and change admins. Only for a tool you trust as much as an admin.',
      short: 'Provisioning (SCIM), admins included',
    },
    'admin.full': {
      label: 'Full admin access — can do anything an admin can, including inviting admins',
      hint: 'Only for a tool you trust as much as an admin. Whoever holds the token can take over any admin account.',
      short: 'Full admin access',
    },
  } satisfies Record<ApiTokenScope, { label: string; hint: string; short: string }>,
  neverExpires: 'Never expires',
  expired: (date: string) => `Expired (${date})`,
  expiresIn: (days: number, date: string) =>
    days === 0
      ? `Expires today (${date})`
      : days === 1
        ? `Expires in 1 day (${date})`
        : `Expires in ${days} days (${date})`,
  warnNeverExpires: 'Never expires: replace it with one that does.',
  warnFullAdmin: 'Can invite admins: if the tool needs less, replace it with a narrower token.',
};
