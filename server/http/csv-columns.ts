/** The columns of each CSV export, in order. Failure reasons carry the catalogue's words next to the code. */
import { ERRORS, type ErrorCode } from '../contracts/errors.js';
import type { AuditLogView, SignInLogView } from '../contracts/logs.js';
import type { QrCodeExpirationView } from '../contracts/reports.js';
import type { CsvColumn } from '../domain/csv.js';

const reasonOf = (code: string | null) =>
  code === null ? null : code in ERRORS ? ERRORS[code as ErrorCode].message : null;

export const signInLogColumns: CsvColumn<SignInLogView>[] = [
  { header: 'createdDateTime', value: (e) => e.createdDateTime },
  { header: 'result', value: (e) => e.result },
  { header: 'failureCode', value: (e) => e.failureCode },
  { header: 'failureReason', value: (e) => reasonOf(e.failureCode) },
  { header: 'userId', value: (e) => e.userId },
  { header: 'userDisplayName', value: (e) => e.userDisplayName },
  { header: 'userPrincipalName', value: (e) => e.userPrincipalName },
  { header: 'authMethod', value: (e) => e.authMethod },
  { header: 'codeId', value: (e) => e.codeId },
  { header: 'deviceId', value: (e) => e.deviceId },
  { header: 'deviceDisplayName', value: (e) => e.deviceDisplayName },
  { header: 'ipAddress', value: (e) => e.ipAddress },
  { header: 'userAgent', value: (e) => e.userAgent },
  { header: 'id', value: (e) => e.id },
];

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

export const auditLogColumns: CsvColumn<AuditLogView>[] = [
  { header: 'activityDateTime', value: (e) => e.activityDateTime },
  { header: 'activity', value: (e) => e.activity },
  { header: 'actorType', value: (e) => e.actorType },
  { header: 'actorId', value: (e) => e.actorId },
  { header: 'actorDisplayName', value: (e) => e.actorDisplayName },
  { header: 'targetType', value: (e) => e.targetType },
  { header: 'targetId', value: (e) => e.targetId },
  { header: 'targetDisplayName', value: (e) => e.targetDisplayName },
  { header: 'details', value: (e) => json(e.details) },
  { header: 'id', value: (e) => e.id },
];

export const qrCodeExpirationColumns: CsvColumn<QrCodeExpirationView>[] = [
  { header: 'expireDateTime', value: (e) => e.expireDateTime },
  { header: 'displayName', value: (e) => e.displayName },
  { header: 'userPrincipalName', value: (e) => e.userPrincipalName },
  { header: 'userId', value: (e) => e.userId },
  { header: 'groupIds', value: (e) => e.groupIds.join(';') },
  { header: 'kind', value: (e) => e.kind },
  { header: 'codeId', value: (e) => e.codeId },
  { header: 'startDateTime', value: (e) => e.startDateTime },
  { header: 'lastUsedDateTime', value: (e) => e.lastUsedDateTime },
];
