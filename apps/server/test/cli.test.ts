import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { freePort, runPegase, startPegase } from './run-pegase.ts';

/** Tests that start a whole server (the sandbox loads every module's demo data): minutes, not seconds, on a busy 2-core runner. */
const SERVER_TEST_TIMEOUT = 120_000;
describe('the pegase command', () => {
  it('explains itself with --help, and each command too', async () => {
    const overview = await runPegase(['--help']);
    expect(overview.code).toBe(0);
    expect(overview.stdout).toMatch(/serve\s+Serve the API/);
    for (const command of ['serve', 'migrate', 'openapi']) {
      const help = await runPegase([command, '--help']);
      expect(help.code, command).toBe(0);
      expect(help.stdout).toContain(`pegase ${command}`);
    }
  });

  it('exits 2 with one line naming a malformed variable', async () => {
    const result = await runPegase(['serve'], { PORT: 'eighty' });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual(['pegase: PORT must be an integer between 1 and 65535 (got "eighty")']);
  });

  it('exits 1 with one actionable line when the database cannot be reached', async () => {
    const result = await runPegase(['migrate'], { DATABASE_URL: 'postgres://pegase@127.0.0.1:1/pegase' });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      'pegase: cannot use the database: connect ECONNREFUSED 127.0.0.1:1. Check DATABASE_URL and that the server is running.',
    ]);
  });

  it('refuses to sign tokens when an external provider issues them', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'pegase-data-'));
    const site = { PEGASE_DATA_DIR: dataDir, DATABASE_URL: '' };
    await runPegase(['migrate'], site);
    const refused = await runPegase(['token', '--user', 'admin'], { ...site, PEGASE_OIDC_ISSUER: 'https://idp.univ.example/realms/u' });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('tokens come from the external provider https://idp.univ.example/realms/u');
  });

  it('exits 2 on an unknown command, option or module', async () => {
    expect((await runPegase(['frobnicate'])).code).toBe(2);
    const option = await runPegase(['serve', '--colour']);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain("Unknown option '--colour'");
    const module = await runPegase(['serve', '--modules', 'referential,astrology']);
    expect(module.code).toBe(2);
    expect(module.stderr).toContain('unknown module astrology; known modules: referential');
    // Some modules on a shared PostgreSQL with inline events would lose the others' events.
    const split = await runPegase(['serve', '--modules', 'assessment'], { DATABASE_URL: 'postgres://pegase@127.0.0.1:1/pegase', PEGASE_EVENTS: 'inline' });
    expect(split.code).toBe(2);
    expect(split.stderr).toContain('needs a broker: set PEGASE_EVENTS to nats://… or kafka://…');
  });

  it('prints an OpenAPI document that Redocly accepts and that matches docs/api/openapi.json', async () => {
    const result = await runPegase(['openapi']);
    expect(result.code, result.stderr).toBe(0);
    const document = JSON.parse(result.stdout) as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toContain('/api/referential/v1/structures');

    const dir = await mkdtemp(join(tmpdir(), 'pegase-openapi-'));
    const file = join(dir, 'openapi.json');
    await writeFile(file, result.stdout);
    const redocly = new URL('../../../node_modules/@redocly/cli/bin/cli.js', import.meta.url);
    const lint = await promisify(execFile)(process.execPath, [redocly.pathname, 'lint', file, '--format', 'stylish'], { cwd: dir }).catch(
      (error: { stdout: string; stderr: string; code: number }) => error,
    );
    expect(lint.stderr + lint.stdout).not.toMatch(/[1-9]\d* errors?\b/);
    expect('code' in lint ? lint.code : 0).toBe(0);

    const committed = await readFile(new URL('../../../docs/api/openapi.json', import.meta.url), 'utf8');
    expect(committed, 'docs/api/openapi.json is stale: run `npm run openapi`').toBe(result.stdout);
  });

  it(
    'migrates an embedded database, then serves it, and stops cleanly on SIGTERM',
    async () => {
      const dataDir = await mkdtemp(join(tmpdir(), 'pegase-data-'));
      const migrated = await runPegase(['migrate'], { PEGASE_DATA_DIR: dataDir, DATABASE_URL: '' });
      expect(migrated.code, migrated.stderr).toBe(0);
      expect(migrated.stdout).toMatch(/[1-9]\d* migration\(s\) applied, 0 already applied/);
      const again = await runPegase(['migrate'], { PEGASE_DATA_DIR: dataDir, DATABASE_URL: '' });
      expect(again.stdout).toMatch(/^0 migration\(s\) applied, [1-9]\d* already applied/m);

      // The first administrator and a token for them, as an operator would do it.
      const port = await freePort();
      const site = { PEGASE_DATA_DIR: dataDir, DATABASE_URL: '', PEGASE_PUBLIC_URL: `http://127.0.0.1:${port}` };
      const created = await runPegase(['account', '--login', 'ops-admin', '--roles', 'admin', '--password-stdin'], site, 60_000, 'a long enough password\n');
      expect(created.stdout, created.stderr).toContain('created ops-admin (admin)');
      const token = (await runPegase(['token', '--user', 'ops-admin', '--ttl', '5m'], site)).stdout.trim();
      expect(token.split('.')).toHaveLength(3);

      const server = await startPegase([], { ...site, PEGASE_MIGRATE_ON_START: 'false' }, port);
      expect((await fetch(`${server.baseUrl}/api/referential/v1/structures`)).status).toBe(401);
      const list = await fetch(`${server.baseUrl}/api/referential/v1/structures`, { headers: { authorization: `Bearer ${token}` } });
      expect(list.status).toBe(200);
      // The embedded database belongs to one process: a second one is refused.
      const second = await runPegase(['serve', '--port', String(await freePort())], { PEGASE_DATA_DIR: dataDir, DATABASE_URL: '' });
      expect(second.code).toBe(1);
      expect(second.stderr).toContain(`is in use by process ${server.child.pid}`);
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
      expect(server.output()).toContain('stopped cleanly');
    },
    SERVER_TEST_TIMEOUT,
  );

  it(
    'serves the sandbox of `npm start`: demo accounts, an integration client, data behind tokens',
    async () => {
      const server = await startPegase(['--sandbox'], { DATABASE_URL: '' }, await freePort());
      try {
        expect(server.output()).toContain('Pégase sandbox ready');
        const anonymous = await fetch(`${server.baseUrl}/api/referential/v1/structures`);
        expect(anonymous.status).toBe(401);
        expect(anonymous.headers.get('www-authenticate')).toBe('Bearer realm="pegase"');
        expect((await fetch(`${server.baseUrl}/api/openapi.json`)).status).toBe(200);
        // The demo integration printed in the banner gets a token from the embedded provider.
        expect(server.output()).toContain('student1  student1-sandbox');
        const granted = await fetch(`${server.baseUrl}/auth/token`, {
          method: 'POST',
          headers: {
            authorization: `Basic ${Buffer.from('sandbox-integration:sandbox-integration-secret').toString('base64')}`,
            'content-type': 'application/x-www-form-urlencoded',
          },
          body: 'grant_type=client_credentials',
        });
        const { access_token: token } = (await granted.json()) as { access_token: string };
        const get = async (path: string) =>
          (await (await fetch(`${server.baseUrl}/api/referential/v1${path}`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
            items: { code: string }[];
          };
        expect((await get('/structures?parentId=none&type=ufr&sort=code')).items.map((s) => s.code)).toEqual(['UFR-DEG', 'UFR-LLSH', 'UFR-SCI']);
      } finally {
        server.child.kill('SIGTERM');
        expect(await server.exited).toBe(0);
      }
    },
    SERVER_TEST_TIMEOUT,
  );
});
