import { describe, expect, it } from 'vitest';
import { ConfigError, configVariables, loadConfig } from './env.ts';

describe('loadConfig', () => {
  it('gives the documented defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      dataDir: './data',
      events: 'inline',
      databaseUrl: undefined,
      migrateOnStart: true,
      logLevel: 'info',
    });
  });

  it('parses typed values', () => {
    const config = loadConfig({
      PORT: '9000',
      DATABASE_URL: 'postgres://u:p@db:5432/pegase',
      PEGASE_MIGRATE_ON_START: 'false',
      PEGASE_PUBLIC_URL: 'https://scol.example.fr/',
    });
    expect(config.port).toBe(9000);
    expect(config.databaseUrl).toBe('postgres://u:p@db:5432/pegase');
    expect(config.migrateOnStart).toBe(false);
    expect(config.publicUrl).toBe('https://scol.example.fr');
  });

  it.each([
    ['PORT', 'eighty', /PORT must be an integer between 1 and 65535 \(got "eighty"\)/],
    ['PORT', '70000', /PORT must be an integer/],
    ['DATABASE_URL', 'mysql://x', /DATABASE_URL must be a postgres:\/\/ URL/],
    ['PEGASE_EVENTS', 'rabbitmq://x', /PEGASE_EVENTS must be inline, nats:\/\/host:port or kafka:\/\/host:port/],
    ['PEGASE_EVENTS', 'nats://broker', /PEGASE_EVENTS must be inline/],
    ['PEGASE_EVENTS', 'kafka://a:9092,', /PEGASE_EVENTS must be inline/],
    ['PEGASE_EVENTS_NAMESPACE', 'Pegase.Prod', /PEGASE_EVENTS_NAMESPACE must be lower-case letters/],
    ['LOG_LEVEL', 'verbose', /LOG_LEVEL must be one of/],
    ['PEGASE_MIGRATE_ON_START', 'yes', /PEGASE_MIGRATE_ON_START must be true or false/],
  ])('refuses %s=%s with a message naming the variable and the expected form', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  it.each(['nats://127.0.0.1:4222', 'nats://n1:4222,n2:4222', 'kafka://k1.example.fr:9092,k2.example.fr:9092', 'kafka://[::1]:9092'])(
    'takes the broker transport %s',
    (url) => {
      expect(loadConfig({ PEGASE_EVENTS: url }).events).toBe(url);
    },
  );

  it('documents every variable', () => {
    for (const spec of Object.values(configVariables)) {
      expect(spec.description.length, spec.name).toBeGreaterThan(10);
      expect(spec.name).toMatch(/^[A-Z_]+$/);
    }
  });
});
