/**
 * Conditional access at sign-in: gathers what the server knows about a sign-in (who, which device,
 * from which address, when, how) and asks the pure evaluator (server/domain/conditional-access.ts).
 *
 * The policies and named locations are read from the database at every sign-in (small tables; API
 * nodes share the database, so a process cache would let one node enforce a policy another already
 * changed). The time zone for windows without their own is the store's:
 * - the device's store when the sign-in came from an enrolled device;
 * - else the user's store when the user is in exactly one store;
 * - else none, and a time window is missing data (default deny for block rules).
 *
 * The what-if endpoint evaluates through the same `assessSignInAccess`, so what it answers is what a
 * real sign-in with those facts would get.
 */
import type { AccessContextView, whatIfBody, WhatIfResult } from '../../contracts/conditional-access.js';
import { ApiError } from '../../contracts/errors.js';
import { say } from '../../contracts/error-words.js';
import type { DeviceRow } from '../devices/devices-repository.js';
import {
  evaluateConditionalAccess,
  type ConditionalAccessResult,
  type DeviceFacts,
  type Role,
  type SignInMethod,
} from '../../domain/conditional-access.js';
import { formatIpAddress, parseIpAddress, unmapIpv4 } from '../../domain/ip-address.js';
import type { z } from 'zod';
import { toDomainLocation, toDomainPolicy } from './access-rules-admin.js';
import { complianceOf } from '../devices/compliance.js';
import type { ServiceDeps } from '../../core/deps.js';
import type { VerifiedDevice } from '../devices/device-binding-check.js';

export interface SignInAccessInput {
  user: { id: string; role: Role; groupIds: readonly string[] };
  /** null: the sign-in carried no device binding. */
  device: VerifiedDevice | null;
  clientAddress: string | null;
  instant: Date;
  method: SignInMethod;
  /** The store app being signed in to (single sign-on); absent: the kiosk or the console itself. */
  app?: { id: string; name: string } | null;
}

/** The decision plus what it assumed; logged as the sign-in's details.conditionalAccess. */
export type SignInAccessResult = ConditionalAccessResult & { context: AccessContextView };

interface AssessInput {
  user: SignInAccessInput['user'];
  device: (DeviceFacts & { id: string | null; groupId: string | null }) | null;
  clientAddress: string | null;
  instant: Date;
  method: SignInMethod;
  app?: { id: string; name: string } | null;
  /** The what-if page lists disabled policies too; a sign-in reads only the ones it evaluates. */
  includeDisabled?: boolean;
}

async function storeTimeZone(
  deps: ServiceDeps,
  input: AssessInput,
): Promise<Pick<AccessContextView, 'timeZone' | 'timeZoneSource'>> {
  if (input.device?.groupId) {
    const group = await deps.repos.groups.findById(input.device.groupId);
    return { timeZone: group?.timeZone ?? null, timeZoneSource: group?.timeZone ? 'device store' : 'none' };
  }
  if (input.user.groupIds.length === 1) {
    const group = await deps.repos.groups.findById(input.user.groupIds[0]!);
    return { timeZone: group?.timeZone ?? null, timeZoneSource: group?.timeZone ? 'user store' : 'none' };
  }
  return { timeZone: null, timeZoneSource: 'none' };
}

const canonicalAddress = (text: string | null): string | null => {
  const parsed = text ? parseIpAddress(text) : null;
  return parsed ? formatIpAddress(unmapIpv4(parsed)) : text;
};

export async function assessSignInAccess(deps: ServiceDeps, input: AssessInput): Promise<SignInAccessResult> {
  const [policies, zone] = await Promise.all([
    deps.repos.conditionalAccess.listPolicies({ includeDisabled: input.includeDisabled ?? false }),
    storeTimeZone(deps, input),
  ]);
  // Named locations matter only to a policy's conditions: with no policy to evaluate (the common
  // case, no conditional access configured) they are not read.
  const locations = policies.length > 0 ? await deps.repos.conditionalAccess.listLocations() : [];
  const facts: DeviceFacts | null = input.device
    ? {
        enrolled: input.device.enrolled,
        compliant: input.device.compliant,
        attestationFresh: input.device.attestationFresh,
      }
    : null;
  const result = evaluateConditionalAccess(policies.map(toDomainPolicy), locations.map(toDomainLocation), {
    user: input.user,
    device: facts,
    clientAddress: input.clientAddress,
    instant: input.instant,
    timeZone: zone.timeZone,
    method: input.method,
    app: input.app ?? null,
  });
  return {
    ...result,
    context: {
      ...zone,
      clientAddress: canonicalAddress(input.clientAddress),
      dateTime: input.instant.toISOString(),
      method: input.method,
      device: input.device && facts ? { id: input.device.id, ...facts } : null,
      app: input.app ?? null,
    },
  };
}

/** Conditional access for a real sign-in (the worker kiosk and the console password sign-in). */
export async function evaluateSignInAccess(
  deps: ServiceDeps,
  input: SignInAccessInput,
): Promise<SignInAccessResult> {
  return assessSignInAccess(deps, {
    user: input.user,
    device: input.device
      ? { ...input.device.facts, id: input.device.id, groupId: input.device.groupId }
      : null,
    clientAddress: input.clientAddress,
    instant: input.instant,
    method: input.method,
    app: input.app ?? null,
  });
}

/**
 * The facts a device's live record gives, exactly as the device verifier hands them to a real
 * sign-in (the same compliance sources; a what-if has no attestation in hand, so "fresh" is the
 * newest attestation the device was given).
 */
export async function deviceFactsOf(record: DeviceRow, now: Date): Promise<DeviceFacts> {
  const active = record.status === 'active';
  const compliance = await complianceOf(record, now);
  return {
    enrolled: active,
    compliant: active && compliance.state === 'compliant',
    attestationFresh:
      record.attestationExpiresAt !== null && record.attestationExpiresAt.getTime() > now.getTime(),
  };
}

/** A hypothetical sign-in, evaluated exactly as a real one with the same facts would be. */
export async function whatIf(deps: ServiceDeps, input: z.output<typeof whatIfBody>): Promise<WhatIfResult> {
  const user = await deps.repos.users.findById(input.userId);
  if (!user) {
    throw new ApiError('VALIDATION_FAILED', say.whatIfNoPerson, { field: 'userId' });
  }
  const instant = input.dateTime ? new Date(input.dateTime) : deps.clock.now();
  let device: AssessInput['device'] = null;
  if (input.device && 'deviceId' in input.device) {
    const record = await deps.repos.devices.findById(input.device.deviceId);
    if (!record) {
      throw new ApiError('VALIDATION_FAILED', say.whatIfNoKiosk, {
        field: 'device.deviceId',
      });
    }
    device = { ...(await deviceFactsOf(record, instant)), id: record.id, groupId: record.groupId };
  } else if (input.device) {
    device = { ...input.device, id: null, groupId: null };
  }
  let app: AssessInput['app'] = null;
  if (input.appId) {
    const row = await deps.repos.apps.findById(input.appId);
    if (!row) throw new ApiError('VALIDATION_FAILED', say.whatIfNoApp, { field: 'appId' });
    app = { id: row.id, name: row.displayName };
  }
  return assessSignInAccess(deps, {
    user: { id: user.id, role: user.role, groupIds: await deps.repos.users.groupIdsOf(user.id) },
    device,
    clientAddress: input.ipAddress ?? null,
    instant,
    method: input.method,
    app,
    includeDisabled: true,
  });
}

/**
 * Conditional access at the console password sign-in, once the password and the second factor are
 * verified. The console always asks for a second factor, so `requireSecondFactor` is met there:
 * only `block` refuses.
 */
export async function evaluateConsoleAccess(
  deps: ServiceDeps,
  user: { id: string; role: Role },
  clientAddress: string | null,
  instant: Date,
): Promise<{ blocked: boolean; access: SignInAccessResult }> {
  const access = await evaluateSignInAccess(deps, {
    user: { id: user.id, role: user.role, groupIds: await deps.repos.users.groupIdsOf(user.id) },
    device: null,
    clientAddress,
    instant,
    method: 'password',
  });
  return { blocked: access.decision === 'block', access };
}
