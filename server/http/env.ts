import type { ResolvedSession } from '../features/sessions/sessions.js';
import type { Actor } from '../core/deps.js';

/** Hono environment shared by every route: the client address comes from the entry that serves the app. */
export interface AppEnv {
  Bindings: { clientAddress?: string };
  Variables: {
    auth: ResolvedSession | null;
    actor: Actor;
    /** The client's address (X-Forwarded-For believed only through TRUSTED_PROXIES); null: unknown. */
    clientAddress: string | null;
  };
}
