import { describe, expect, test } from 'vitest';
import { ConfigError, parseConfig } from '../../server/config.js';

/** parseConfig's error for `env`, or a failure if it accepted it. */
function configErrorOf(env: Record<string, string>): ConfigError {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`parseConfig accepted ${JSON.stringify(env)}`);
}

describe('parseConfig defaults', () => {
  test('an empty environment gives a working local configuration', () => {
    expect(parseConfig({})).toEqual({
      port: 3000,
      dataDir: './data',
      databaseUrl: 'file:./data/shiftpass.db',
      databaseAuthToken: undefined,
      publicOrigin: undefined,
      tls: undefined,
      secretKey: { file: './data/server.key', createIfMissing: true },
      issuerId: undefined,
      bootstrap: {
        adminUsername: undefined,
        adminPassword: undefined,
        apiToken: undefined,
        apiTokenLifetimeDays: 30,
      },
      trustedProxies: [],
      webhookAllowList: { hosts: [], ranges: [] },
      ipv6ClientPrefix: 64,
      shutdownTimeoutSeconds: 10,
    });
  });

  test('DATA_DIR moves the database and the key file', () => {
    const config = parseConfig({ DATA_DIR: '/var/lib/shiftpass' });
    expect(config.databaseUrl).toBe('file:/var/lib/shiftpass/shiftpass.db');
    expect(config.secretKey).toEqual({ file: '/var/lib/shiftpass/server.key', createIfMissing: true });
  });

  test('empty values count as unset', () => {
    expect(parseConfig({ DATABASE_URL: '', ISSUER_ID: ' ', BOOTSTRAP_API_TOKEN: '' })).toMatchObject({
      databaseUrl: 'file:./data/shiftpass.db',
      issuerId: undefined,
      bootstrap: { apiToken: undefined },
    });
  });

  test('reads the values it is given', () => {
    const config = parseConfig({
      PORT: '8080',
      DATABASE_URL: 'libsql://db.example.com',
      DATABASE_AUTH_TOKEN: 'db-token',
      PUBLIC_ORIGIN: 'https://shiftpass.example.com/',
      SHIFTPASS_SECRET_KEY: 'a'.repeat(64),
      ISSUER_ID: 'ACME01',
      BOOTSTRAP_ADMIN_USERNAME: 'admin',
      BOOTSTRAP_ADMIN_PASSWORD: 'correct horse battery',
      BOOTSTRAP_API_TOKEN: 'x'.repeat(32),
      BOOTSTRAP_API_TOKEN_LIFETIME_DAYS: '7',
      SHUTDOWN_TIMEOUT: '25',
    });
    expect(config).toEqual({
      port: 8080,
      dataDir: './data',
      databaseUrl: 'libsql://db.example.com',
      databaseAuthToken: 'db-token',
      publicOrigin: 'https://shiftpass.example.com',
      tls: undefined,
      secretKey: { inline: 'a'.repeat(64) },
      issuerId: 'ACME01',
      bootstrap: {
        adminUsername: 'admin',
        adminPassword: 'correct horse battery',
        apiToken: 'x'.repeat(32),
        apiTokenLifetimeDays: 7,
      },
      trustedProxies: [],
      webhookAllowList: { hosts: [], ranges: [] },
      ipv6ClientPrefix: 64,
      shutdownTimeoutSeconds: 25,
    });
  });

  test('TLS_CERT_FILE and TLS_KEY_FILE together turn on HTTPS', () => {
    expect(parseConfig({ TLS_CERT_FILE: '/tls/cert.pem', TLS_KEY_FILE: '/tls/key.pem' }).tls).toEqual({
      certFile: '/tls/cert.pem',
      keyFile: '/tls/key.pem',
    });
  });

  test('a key file from the environment must already exist', () => {
    expect(parseConfig({ SHIFTPASS_SECRET_KEY_FILE: '/run/secrets/key' }).secretKey).toEqual({
      file: '/run/secrets/key',
      createIfMissing: false,
    });
  });
});

describe('parseConfig refusals name the variable', () => {
  test.each(['abc', '0', '65536', '3000.5', '-1'])('PORT=%j', (port) => {
    const error = configErrorOf({ PORT: port });
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.name).toBe('ConfigError');
    expect(error.message).toMatch(/^PORT\b/);
  });

  test.each(['abc', '0', '366', '1.5', '-1'])('BOOTSTRAP_API_TOKEN_LIFETIME_DAYS=%j', (days) => {
    expect(configErrorOf({ BOOTSTRAP_API_TOKEN_LIFETIME_DAYS: days }).message).toMatch(
      /^BOOTSTRAP_API_TOKEN_LIFETIME_DAYS must be a whole number of days from 1 to 365$/,
    );
  });

  test.each(['abc', '-1', '3601', '2.5'])('SHUTDOWN_TIMEOUT=%j', (seconds) => {
    expect(configErrorOf({ SHUTDOWN_TIMEOUT: seconds }).message).toMatch(
      /^SHUTDOWN_TIMEOUT must be a number of seconds \(0–3600\)$/,
    );
  });

  test.each(['abc', 'ACM', 'A'.repeat(17), 'ACME-01', 'acme01'])('ISSUER_ID=%j', (issuer) => {
    expect(configErrorOf({ ISSUER_ID: issuer }).message).toMatch(/^ISSUER_ID\b/);
  });

  test.each(['ACME', 'ACME01', 'A1B2C3D4E5F6G7H8'])('ISSUER_ID=%j is accepted', (issuer) => {
    expect(parseConfig({ ISSUER_ID: issuer }).issuerId).toBe(issuer);
  });

  test('BOOTSTRAP_ADMIN_USERNAME without a password', () => {
    expect(configErrorOf({ BOOTSTRAP_ADMIN_USERNAME: 'admin' }).message).toContain(
      'BOOTSTRAP_ADMIN_PASSWORD',
    );
  });

  test('BOOTSTRAP_ADMIN_PASSWORD without a username', () => {
    expect(configErrorOf({ BOOTSTRAP_ADMIN_PASSWORD: 'correct horse battery' }).message).toContain(
      'BOOTSTRAP_ADMIN_USERNAME',
    );
  });

  test.each<Record<string, string>>([{ TLS_CERT_FILE: '/tls/cert.pem' }, { TLS_KEY_FILE: '/tls/key.pem' }])(
    'only one of the TLS files (%o)',
    (env) => {
      const message = configErrorOf(env).message;
      expect(message).toContain('TLS_CERT_FILE');
      expect(message).toContain('TLS_KEY_FILE');
    },
  );

  test('a bootstrap password under 12 characters', () => {
    expect(
      configErrorOf({ BOOTSTRAP_ADMIN_USERNAME: 'admin', BOOTSTRAP_ADMIN_PASSWORD: 'short' }).message,
    ).toMatch(/^BOOTSTRAP_ADMIN_PASSWORD\b/);
  });

  test('a bootstrap API token under 16 characters', () => {
    expect(configErrorOf({ BOOTSTRAP_API_TOKEN: 'too-short' }).message).toMatch(/^BOOTSTRAP_API_TOKEN\b/);
  });

  test('PUBLIC_ORIGIN that is not an http(s) URL', () => {
    expect(configErrorOf({ PUBLIC_ORIGIN: 'ftp://example.com' }).message).toMatch(/^PUBLIC_ORIGIN\b/);
    expect(configErrorOf({ PUBLIC_ORIGIN: 'not a url' }).message).toMatch(/^PUBLIC_ORIGIN\b/);
  });

  test('TRUSTED_PROXIES: a comma-separated list of IPv4/IPv6 ranges', () => {
    const { trustedProxies } = parseConfig({ TRUSTED_PROXIES: ' 127.0.0.1/32, ::1 ,10.0.0.0/8,' });
    expect(trustedProxies.map((r) => [r.version, r.prefix])).toEqual([
      [4, 32],
      [6, 128],
      [4, 8],
    ]);
  });

  test.each(['10.0.0.1/8', 'localhost', '127.0.0.1/33', '10.0.0.0/8;192.168.0.0/16'])(
    'TRUSTED_PROXIES=%j',
    (value) => {
      const message = configErrorOf({ TRUSTED_PROXIES: value }).message;
      expect(message).toMatch(/^TRUSTED_PROXIES must be a comma-separated list/);
      expect(message.split('\n')).toHaveLength(1);
    },
  );

  test('a DATABASE_URL of an unsupported kind', () => {
    expect(configErrorOf({ DATABASE_URL: 'postgres://db/shiftpass' }).message).toMatch(/^DATABASE_URL\b/);
  });

  test('both SHIFTPASS_SECRET_KEY and SHIFTPASS_SECRET_KEY_FILE', () => {
    const message = configErrorOf({
      SHIFTPASS_SECRET_KEY: 'a'.repeat(64),
      SHIFTPASS_SECRET_KEY_FILE: '/k',
    }).message;
    expect(message).toContain('SHIFTPASS_SECRET_KEY');
    expect(message).toContain('SHIFTPASS_SECRET_KEY_FILE');
  });

  test('a refusal never repeats a secret value', () => {
    const password = 'short-pw';
    expect(
      configErrorOf({ BOOTSTRAP_ADMIN_USERNAME: 'admin', BOOTSTRAP_ADMIN_PASSWORD: password }).message,
    ).not.toContain(password);
  });
});
