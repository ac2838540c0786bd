import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureModule } from '../testing/fixture-module/fixture-module.ts';
import { createTestRuntime, type TestRuntime } from '../testing/test-runtime.ts';
import { createRuntime } from '../runtime/runtime.ts';
import { loadConfig } from '../config/env.ts';
import { createLogger } from '../observability/logger.ts';

describe('the web application at /', () => {
  let runtime: Awaited<ReturnType<typeof createRuntime>>;
  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pegase-web-'));
    await mkdir(join(dir, 'assets'));
    await writeFile(join(dir, 'index.html'), '<!doctype html><html lang="fr"><title>Pégase</title></html>');
    await writeFile(join(dir, 'assets', 'app-1a2b3c.js'), 'console.log(1)');
    runtime = await createRuntime({
      config: loadConfig({ LOG_LEVEL: 'silent' }),
      modules: [fixtureModule()],
      database: { kind: 'memory' },
      logger: createLogger('silent'),
      webApp: pathToFileURL(`${dir}/`),
      deliverEvents: false,
    });
  });
  afterAll(async () => runtime.close());
  const get = (url: string, accept = 'text/html') => runtime.app.inject({ method: 'GET', url, headers: { accept } });

  it('serves the application, and its index.html for any page address', async () => {
    for (const url of ['/', '/structures/42?tab=history']) {
      const page = await get(url);
      expect(page.statusCode, url).toBe(200);
      expect(page.body).toContain('<title>Pégase</title>');
      expect(page.headers['cache-control']).toBe('no-cache');
    }
  });

  it('lets hashed assets be cached for good', async () => {
    const asset = await get('/assets/app-1a2b3c.js', '*/*');
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
  });

  it('keeps problems for the API and for missing files', async () => {
    const api = await get('/api/nothing/v1/here');
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toContain('application/problem+json');
    expect((await get('/assets/missing.js', '*/*')).statusCode).toBe(404);
  });
});

describe('without a built web application', () => {
  let runtime: TestRuntime;
  beforeAll(async () => {
    runtime = await createTestRuntime([fixtureModule()]);
  });
  afterAll(async () => runtime.close());

  it('opens the API reader at /', async () => {
    const response = await runtime.request('GET', '/', undefined, { accept: 'text/html' }, null);
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/api/docs');
  });
});
