import type { Db } from '../client.js';
import { createCredentialRepository } from './credentials.js';
import { createLogRepository } from './logs.js';
import { createQrPinMethodRepository } from './qr-pin-methods.js';
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
    logs: createLogRepository(db),
    settings: createSettingsRepository(db),
    throttles: createThrottleRepository(db),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
