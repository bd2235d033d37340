/**
 * Environment → typed Config, parsed once at the edge. A bad value stops start-up with one line
 * naming the variable (ConfigError); nothing else in server/ reads process.env.
 */
import { z } from 'zod';
import {
  API_TOKEN_MAX_LIFETIME_DAYS,
  BOOTSTRAP_API_TOKEN_LIFETIME_DAYS,
} from './domain/api-token-lifetime.js';
import { IPV6_CLIENT_PREFIX, parseCidrList, type CidrRange } from './domain/ip-address.js';
import { parseWebhookAllowList, type WebhookAllowList } from './domain/webhook-address.js';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const IPV6_PREFIX_RANGE = `must be a whole number from ${IPV6_CLIENT_PREFIX.min} to ${IPV6_CLIENT_PREFIX.max}`;

const TOKEN_DAYS_RANGE = `must be a whole number of days from 1 to ${API_TOKEN_MAX_LIFETIME_DAYS}`;

const envSchema = z.object({
  PORT: z.coerce
    .number({ error: 'must be a port number (1–65535)' })
    .int('must be a port number (1–65535)')
    .min(1, 'must be a port number (1–65535)')
    .max(65535, 'must be a port number (1–65535)')
    .default(3000),
  DATA_DIR: optionalText,
  DATABASE_URL: optionalText,
  DATABASE_AUTH_TOKEN: optionalText,
  PUBLIC_ORIGIN: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
  SHIFTPASS_SECRET_KEY: optionalText,
  SHIFTPASS_SECRET_KEY_FILE: optionalText,
  ISSUER_ID: optionalText.pipe(
    z
      .string()
      .regex(/^[A-Z0-9]{4,16}$/, 'must be 4–16 upper-case letters or digits')
      .optional(),
  ),
  BOOTSTRAP_ADMIN_USERNAME: optionalText,
  BOOTSTRAP_ADMIN_PASSWORD: optionalText.pipe(
    z.string().min(12, 'must be at least 12 characters').optional(),
  ),
  TLS_CERT_FILE: optionalText,
  TLS_KEY_FILE: optionalText,
  SHUTDOWN_TIMEOUT: z.coerce
    .number({ error: 'must be a number of seconds (0–3600)' })
    .int('must be a number of seconds (0–3600)')
    .min(0, 'must be a number of seconds (0–3600)')
    .max(3600, 'must be a number of seconds (0–3600)')
    .default(10),
  BOOTSTRAP_API_TOKEN: optionalText.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
  BOOTSTRAP_API_TOKEN_LIFETIME_DAYS: z.coerce
    .number({ error: TOKEN_DAYS_RANGE })
    .int(TOKEN_DAYS_RANGE)
    .min(1, TOKEN_DAYS_RANGE)
    .max(API_TOKEN_MAX_LIFETIME_DAYS, TOKEN_DAYS_RANGE)
    .default(BOOTSTRAP_API_TOKEN_LIFETIME_DAYS),
  IPV6_CLIENT_PREFIX: z.coerce
    .number({ error: IPV6_PREFIX_RANGE })
    .int(IPV6_PREFIX_RANGE)
    .min(IPV6_CLIENT_PREFIX.min, IPV6_PREFIX_RANGE)
    .max(IPV6_CLIENT_PREFIX.max, IPV6_PREFIX_RANGE)
    .default(IPV6_CLIENT_PREFIX.default),
  TRUSTED_PROXIES: optionalText.transform((text, ctx) => {
    const { ranges, invalid } = parseCidrList((text ?? '').split(',').filter((entry) => entry.trim() !== ''));
    if (invalid.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `must be a comma-separated list of IPv4/IPv6 ranges such as 127.0.0.1/32; '${invalid[0]!.trim()}' is not one (host bits must be zero)`,
      });
      return z.NEVER;
    }
    return ranges;
  }),
  SHIFTPASS_WEBHOOK_ALLOWED_HOSTS: optionalText.transform((text, ctx) => {
    const { list, invalid } = parseWebhookAllowList(text ?? '');
    if (invalid.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `must be a comma-separated list of host names (siem.internal) and IPv4/IPv6 addresses or ranges (10.20.0.0/16); '${invalid[0]!}' is neither (host bits of a range must be zero)`,
      });
      return z.NEVER;
    }
    return list;
  }),
});

export interface Config {
  port: number;
  dataDir: string;
  databaseUrl: string;
  databaseAuthToken: string | undefined;
  publicOrigin: string | undefined;
  /** Serve HTTPS directly with this certificate and key (PEM files); otherwise plain HTTP. */
  tls: { certFile: string; keyFile: string } | undefined;
  /** On SIGTERM/SIGINT, how long requests in progress may take before their connections are cut (s). */
  shutdownTimeoutSeconds: number;
  /** Where the server key comes from: given inline, or a file (created on first start if absent). */
  secretKey: { inline: string } | { file: string; createIfMissing: boolean };
  /** Fixed issuer id, or undefined to derive a stable one from the server key. */
  issuerId: string | undefined;
  bootstrap: {
    adminUsername: string | undefined;
    adminPassword: string | undefined;
    apiToken: string | undefined;
    /** How long the first-run API token lasts (BOOTSTRAP_API_TOKEN_LIFETIME_DAYS, default 30). */
    apiTokenLifetimeDays: number;
  };
  /** Proxies whose X-Forwarded-For entries are believed (TRUSTED_PROXIES); empty: none. */
  trustedProxies: CidrRange[];
  /** IPv6 clients are budgeted by this many leading bits (IPV6_CLIENT_PREFIX, 32–128, default 64). */
  ipv6ClientPrefix: number;
  /**
   * Hosts and address ranges webhooks may reach although they are private or local
   * (SHIFTPASS_WEBHOOK_ALLOWED_HOSTS; docs/webhooks.md): a SIEM on the installation's own network.
   */
  webhookAllowList: WebhookAllowList;
}

type Env = Record<string, string | undefined>;

export function parseConfig(env: Env): Config {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    const issue = result.error.issues[0];
    const name = issue?.path.join('.') ?? 'environment';
    throw new ConfigError(`${name} ${issue?.message ?? 'is invalid'}`);
  }
  const e = result.data;
  if (Boolean(e.BOOTSTRAP_ADMIN_USERNAME) !== Boolean(e.BOOTSTRAP_ADMIN_PASSWORD)) {
    throw new ConfigError('BOOTSTRAP_ADMIN_USERNAME and BOOTSTRAP_ADMIN_PASSWORD must be set together');
  }
  if (Boolean(e.TLS_CERT_FILE) !== Boolean(e.TLS_KEY_FILE)) {
    throw new ConfigError('TLS_CERT_FILE and TLS_KEY_FILE must be set together');
  }
  if (e.SHIFTPASS_SECRET_KEY && e.SHIFTPASS_SECRET_KEY_FILE) {
    throw new ConfigError('set SHIFTPASS_SECRET_KEY or SHIFTPASS_SECRET_KEY_FILE, not both');
  }
  const dataDir = e.DATA_DIR ?? './data';
  const databaseUrl = e.DATABASE_URL ?? `file:${dataDir}/shiftpass.db`;
  if (!/^(file:|libsql:|https?:|wss?:)/.test(databaseUrl) && databaseUrl !== ':memory:') {
    throw new ConfigError('DATABASE_URL must start with file:, libsql:, http(s): or ws(s):');
  }
  return {
    port: e.PORT,
    dataDir,
    databaseUrl,
    databaseAuthToken: e.DATABASE_AUTH_TOKEN,
    publicOrigin: e.PUBLIC_ORIGIN?.replace(/\/+$/, ''),
    tls:
      e.TLS_CERT_FILE && e.TLS_KEY_FILE ? { certFile: e.TLS_CERT_FILE, keyFile: e.TLS_KEY_FILE } : undefined,
    shutdownTimeoutSeconds: e.SHUTDOWN_TIMEOUT,
    secretKey: e.SHIFTPASS_SECRET_KEY
      ? { inline: e.SHIFTPASS_SECRET_KEY }
      : e.SHIFTPASS_SECRET_KEY_FILE
        ? { file: e.SHIFTPASS_SECRET_KEY_FILE, createIfMissing: false }
        : { file: `${dataDir}/server.key`, createIfMissing: true },
    issuerId: e.ISSUER_ID,
    bootstrap: {
      adminUsername: e.BOOTSTRAP_ADMIN_USERNAME,
      adminPassword: e.BOOTSTRAP_ADMIN_PASSWORD,
      apiToken: e.BOOTSTRAP_API_TOKEN,
      apiTokenLifetimeDays: e.BOOTSTRAP_API_TOKEN_LIFETIME_DAYS,
    },
    trustedProxies: e.TRUSTED_PROXIES,
    ipv6ClientPrefix: e.IPV6_CLIENT_PREFIX,
    webhookAllowList: e.SHIFTPASS_WEBHOOK_ALLOWED_HOSTS,
  };
}
