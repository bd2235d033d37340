import type { Db } from '../client.js';
import { createConditionalAccessRepository } from './conditional-access.js';
import { createConsoleAuthRepository } from './console-auth.js';
import { createCredentialRepository } from './credentials.js';
import { createDeviceRepository } from './devices.js';
import { createGroupRepository } from './groups.js';
import { createLogQueryRepository } from './log-queries.js';
import { createLogRepository } from './logs.js';
import { createNonceRepository } from './nonces.js';
import { createQrPinMethodRepository } from './qr-pin-methods.js';
import { createReportRepository } from './reports.js';
import { createSessionRepository } from './sessions.js';
import { createSettingsRepository } from './settings.js';
import { createThrottleRepository } from './throttles.js';
import { createUserRepository } from './users.js';

export function createRepositories(db: Db) {
  return {
    users: createUserRepository(db),
    methods: createQrPinMethodRepository(db),
    sessions: createSessionRepository(db),
    credentials: createCredentialRepository(db),
    consoleAuth: createConsoleAuthRepository(db),
    logs: createLogRepository(db),
    settings: createSettingsRepository(db),
    throttles: createThrottleRepository(db),
    groups: createGroupRepository(db),
    logQueries: createLogQueryRepository(db),
    reports: createReportRepository(db),
    devices: createDeviceRepository(db),
    nonces: createNonceRepository(db),
    conditionalAccess: createConditionalAccessRepository(db),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
