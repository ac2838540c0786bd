import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';

const web = fileURLToPath(new URL('../..', import.meta.url));

describe('the web kit’s API types', () => {
  it('are generated from the current docs/api/openapi.json (npm run generate:api -w @pegase/web-kit)', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'pegase-api-types-')), 'schema.d.ts');
    // Wherever npm placed it (hoisted or in platform/web-kit/node_modules).
    const cli = join(dirname(createRequire(join(web, 'package.json')).resolve('openapi-typescript/package.json')), 'bin/cli.js');
    await promisify(execFile)(process.execPath, [cli, '../../docs/api/openapi.json', '-o', out], { cwd: web });
    const committedPath = join(web, 'src/api/schema.d.ts');
    const generated = await format(await readFile(out, 'utf8'), { ...(await resolveConfig(committedPath)), filepath: committedPath });
    expect(generated, 'platform/web-kit/src/api/schema.d.ts is stale: run npm run generate:api -w @pegase/web-kit').toBe(await readFile(committedPath, 'utf8'));
  });
});
