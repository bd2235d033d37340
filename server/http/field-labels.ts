/**
 * The words for every field of the HTTP contract, as a store manager would name it, for validation
 * messages ("Enter a sign-in name.", "Too many stores (at most 100)."). Looked up by the field's
 * dotted path without list positions, longest match first: `conditions.users.include` finds
 * `users.include`, `pin.code` finds itself before `code`.
 *
 * `name` starts a sentence; `a` is the name with its article, for "Enter …" (default: "a"/"an" and
 * the name in lower case); `one` is what a list's entry is called ("Address range 2").
 */
export interface FieldLabel {
  name: string;
  a?: string;
  one?: string;
}

const label = (name: string, more: Omit<FieldLabel, 'name'> = {}): FieldLabel => ({ name, ...more });

export const FIELD_LABELS = {
  // People and stores
  userPrincipalName: label('Sign-in name'),
  displayName: label('Name'),
  employeeId: label('Employee ID', { a: 'an employee ID' }),
  role: label('Role'),
  roles: label('Roles', { one: 'Role' }),
  groupId: label('Store'),
  groupIds: label('Stores', { one: 'Store' }),
  groups: label('Stores', { one: 'Store' }),
  accountEnabled: label('Sign-in allowed'),
  search: label('Search'),
  csv: label('CSV file'),
  dryRun: label('Preview only'),
  issueBadges: label('Issue badges'),
  replaceExisting: label('Replace existing badges'),
  userId: label('Person'),
  userIds: label('People', { one: 'Person' }),
  kioskLanguage: label('Kiosk language'),
  users: label('People', { one: 'Person' }),
  // Badges and PINs
  standardQRCode: label('Badge'),
  startDateTime: label('Start date', { a: 'a start date' }),
  expireDateTime: label('Expiry date', { a: 'an expiry date' }),
  pin: label('PIN', { a: 'a PIN' }),
  'pin.code': label('PIN', { a: 'a PIN' }),
  currentPin: label('Current PIN', { a: 'your current PIN' }),
  newPin: label('New PIN', { a: 'a new PIN' }),
  requestId: label('PIN reset request', { a: 'a PIN reset request' }),
  requestSecret: label('PIN reset request key', { a: 'the PIN reset request key' }),
  qr: label('Badge', { a: 'a badge' }),
  shortCode: label('Badge code', { a: 'the code printed on the badge' }),
  // Policies
  state: label('State'),
  includeTargets: label('Stores included', { one: 'Store' }),
  'includeTargets.id': label('Store'),
  excludeTargets: label('Stores left out', { one: 'Store' }),
  'excludeTargets.id': label('Store'),
  pinLength: label('PIN length'),
  standardQRCodeLifetimeInDays: label('Standard badge lifetime'),
  temporaryQRCodeLifetimeInHours: label('Temporary badge lifetime'),
  mobileDevicesOnly: label('Phones and tablets only'),
  // Microsoft Graph's annotations and policy id, which bodies copied from Graph carry (contracts/graph-body.ts).
  '@odata.type': label('OData type'),
  '@odata.context': label('OData context'),
  '@odata.etag': label('OData ETag'),
  id: label('Policy id'),
  targetType: label('Target type'),
  isRegistrationRequired: label('Registration required'),
  lockout: label('Lockout settings'),
  threshold: label('Wrong attempts before a lock'),
  baseDelaySeconds: label('First lock'),
  growthFactor: label('Growth factor'),
  maxDelaySeconds: label('Longest lock'),
  hardLimit: label('Wrong attempts before a manager must unlock'),
  clientThreshold: label('Failed sign-ins per phone or network'),
  clientWindowSeconds: label('Window for failed sign-ins per phone or network'),
  kioskIdleSignOutInSeconds: label('Kiosk sign-out after no activity'),
  kioskIdleWarningInSeconds: label('Warning before the kiosk signs out'),
  kioskOfflineGraceInSeconds: label('Offline grace period'),
  idleTimeoutInMinutes: label('Server-side idle limit for kiosk sessions'),
  consoleIdleTimeoutInMinutes: label('Console idle limit'),
  absoluteTimeoutInHours: label('Longest session'),
  signInLogRetentionInDays: label('Days to keep sign-ins'),
  auditLogRetentionInDays: label('Days to keep the audit log'),
  // Kiosk apps
  apps: label('Apps', { one: 'App' }),
  'apps.name': label('App name', { a: 'a name for the app' }),
  'apps.url': label('App address', { a: 'the app’s web address' }),
  // Conditional access
  grant: label('Access'),
  conditions: label('Conditions'),
  'users.include': label('People included'),
  'users.exclude': label('People left out'),
  'groups.include': label('Stores included'),
  'groups.exclude': label('Stores left out'),
  'roles.include': label('Roles included'),
  'roles.exclude': label('Roles left out'),
  'locations.include': label('Networks included'),
  'locations.exclude': label('Networks left out'),
  'apps.include': label('Apps included'),
  'apps.exclude': label('Apps left out'),
  include: label('Included'),
  exclude: label('Left out'),
  locations: label('Networks', { one: 'Network' }),
  cidrs: label('Address ranges', { one: 'Address range' }),
  deviceStates: label('Device states', { one: 'Device state' }),
  signInMethods: label('Sign-in methods', { one: 'Sign-in method' }),
  timeWindows: label('Time windows', { one: 'Time window' }),
  days: label('Days', { one: 'Day' }),
  start: label('Start time', { a: 'a start time' }),
  end: label('End time', { a: 'an end time' }),
  timeZone: label('Time zone', { a: 'a time zone' }),
  hours: label('Hours'),
  appId: label('App'),
  ipAddress: label('IP address', { a: 'an IP address' }),
  dateTime: label('Date and time', { a: 'a date and time' }),
  device: label('Device'),
  'device.deviceId': label('Kiosk'),
  deviceId: label('Kiosk'),
  enrolled: label('Enrolled'),
  compliant: label('Compliant'),
  attestationFresh: label('Device check is recent'),
  // Store apps (single sign-on)
  enabled: label('Switched on'),
  clientType: label('App type'),
  tokenEndpointAuthMethod: label('How the app proves who it is'),
  redirectUris: label('Return addresses', { one: 'Return address', a: 'a return address' }),
  postLogoutRedirectUris: label('Addresses after sign-out', { one: 'Address after sign-out' }),
  backchannelLogoutUri: label('Sign-out notice address', { a: 'a sign-out notice address' }),
  homeUrl: label('Home page address', { a: 'a home page address' }),
  jwks: label('Public keys'),
  keys: label('Public keys', { one: 'Key' }),
  kty: label('Key type'),
  kid: label('Key name'),
  use: label('Key use'),
  alg: label('Key algorithm'),
  crv: label('Key curve'),
  // The members only a private key has: named so a refusal can say which one was pasted.
  d: label('Private key part'),
  p: label('Private key part'),
  q: label('Private key part'),
  dp: label('Private key part'),
  dq: label('Private key part'),
  qi: label('Private key part'),
  oth: label('Private key part'),
  k: label('Private key part'),
  x: label('Public key'),
  y: label('Public key'),
  // Devices (kiosk mode)
  status: label('Status'),
  action: label('Action'),
  publicKeyJwk: label('Device key'),
  attestation: label('Device certificate'),
  proof: label('Device proof'),
  nonce: label('Device challenge'),
  signature: label('Signature'),
  appVersion: label('App version', { a: 'an app version' }),
  reasons: label('Reasons'),
  source: label('Source'),
  method: label('Sign-in method'),
  // Console sign-in, set-up and API tokens
  password: label('Password'),
  code: label('Authentication code', { a: 'the 6-digit code from your authenticator app' }),
  recoveryCode: label('Recovery code'),
  challenge: label('Sign-in step'),
  token: label('Link', { a: 'the link you were sent' }),
  scopes: label('Permissions', { one: 'Permission' }),
  // Lists, logs and reports
  limit: label('Page size'),
  cursor: label('Page'),
  from: label('Start date', { a: 'a start date' }),
  to: label('End date', { a: 'an end date' }),
  result: label('Result'),
  failureCode: label('Failure reason'),
  withinDays: label('Days ahead'),
  // Webhooks
  url: label('Address', { a: 'a full https:// address' }),
  events: label('Events', { one: 'Event' }),
  description: label('Description'),
} satisfies Record<string, FieldLabel>;

/** A field the contract names (a key of FIELD_LABELS). */
export type FieldKey = keyof typeof FIELD_LABELS;

/** The key of FIELD_LABELS a field path is labelled by (list positions ignored), longest match first. */
export function fieldKeyOf(path: readonly PropertyKey[]): FieldKey | null {
  const names = path.filter((part) => typeof part === 'string');
  for (let start = 0; start < names.length; start++) {
    const key = names.slice(start).join('.');
    if (Object.hasOwn(FIELD_LABELS, key)) return key as FieldKey;
  }
  return null;
}

/** The label of a field path (list positions ignored), or null when the contract has no such field. */
export function fieldLabel(path: readonly PropertyKey[]): FieldLabel | null {
  const key = fieldKeyOf(path);
  return key === null ? null : FIELD_LABELS[key];
}
