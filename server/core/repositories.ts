import type { Db } from '../db/client.js';
import type { PreparedReads } from '../db/prepared-reads.js';
import { createAppRepository } from '../features/apps/apps-repository.js';
import { createConditionalAccessRepository } from '../features/conditional-access/conditional-access-repository.js';
import { createConsoleAuthRepository } from '../features/console-auth/console-auth-repository.js';
import { createCredentialRepository } from '../features/api-tokens/credentials-repository.js';
import { createDeviceRepository } from '../features/devices/devices-repository.js';
import { createGroupRepository } from '../features/people/groups-repository.js';
import { createFirstStepsRepository } from '../features/setup/first-steps-repository.js';
import { createLogQueryRepository } from '../features/logs/log-queries-repository.js';
import { createLogRepository } from '../features/logs/log-writer-repository.js';
import { createNonceRepository } from '../features/devices/nonces-repository.js';
import { createPinResetRepository } from '../features/forgot-pin/pin-reset-repository.js';
import { createOidcModelsRepository } from '../features/oidc/oidc-models-repository.js';
import { createLogoutDeliveriesRepository } from '../features/oidc/logout-deliveries-repository.js';
import { createQrPinMethodRepository } from '../features/badges/qr-pin-methods-repository.js';
import { createReportRepository } from '../features/logs/reports-repository.js';
import { createSessionRepository } from '../features/sessions/sessions-repository.js';
import { createSettingsRepository } from '../features/policies/settings-repository.js';
import { createStepUpRepository } from '../features/step-up/step-up-repository.js';
import { createSigningKeyRepository } from '../features/oidc/signing-keys-repository.js';
import { createThrottleRepository } from '../features/lockout/throttles-repository.js';
import { createUserRepository } from '../features/people/users-repository.js';
import { createWebhookRepository } from '../features/webhooks/webhooks-repository.js';
import { createWebhookEventsRepository } from '../features/webhooks/events/webhook-events-repository.js';
import { createScimUserRepository } from '../features/scim/users-repository.js';
import { createScimGroupRepository } from '../features/scim/groups-repository.js';
import { createOffboardingRepository } from '../features/people/offboarding-repository.js';

/** `reads`: statements kept prepared for the hottest reads (db/prepared-reads.ts). */
export function createRepositories(db: Db, reads: PreparedReads) {
  return {
    users: createUserRepository(db),
    methods: createQrPinMethodRepository(db, reads),
    sessions: createSessionRepository(db, reads),
    credentials: createCredentialRepository(db),
    consoleAuth: createConsoleAuthRepository(db),
    logs: createLogRepository(db),
    settings: createSettingsRepository(db, reads),
    throttles: createThrottleRepository(db),
    groups: createGroupRepository(db),
    logQueries: createLogQueryRepository(db),
    reports: createReportRepository(db),
    devices: createDeviceRepository(db),
    nonces: createNonceRepository(db),
    conditionalAccess: createConditionalAccessRepository(db, reads),
    apps: createAppRepository(db),
    oidcModels: createOidcModelsRepository(db),
    oidcSigningKeys: createSigningKeyRepository(db),
    oidcLogoutDeliveries: createLogoutDeliveriesRepository(db),
    firstSteps: createFirstStepsRepository(db),
    pinResets: createPinResetRepository(db),
    stepUp: createStepUpRepository(db),
    webhooks: createWebhookRepository(db),
    webhookEvents: createWebhookEventsRepository(db),
    scimUsers: createScimUserRepository(db),
    scimGroups: createScimGroupRepository(db),
    offboarding: createOffboardingRepository(db),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
