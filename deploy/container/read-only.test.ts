// What the image promises Kubernetes (readOnlyRootFilesystem, an emptyDir on
// /tmp), tried for real without a container engine: in a private mount
// namespace the whole root filesystem is remounted read-only and /tmp is a
// fresh tmpfs; there `pegase migrate` (the chart's Job) migrates the embedded
// database in /tmp, then `pegase serve` (the chart's pods) becomes ready,
// answers, and stops cleanly on SIGTERM. Needs root and unshare(1), as CI has.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { freePort, waitUntilReady } from '../../apps/server/test/run-pegase.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const canIsolate = process.getuid?.() === 0 && spawnSync('unshare', ['--version']).status === 0;

// Run inside the namespace: $0 is node, $1 the repository.
const script = `
set -e
mount -t tmpfs -o size=256m tmpfs /tmp
mount -o remount,bind,ro /
if touch "$1/.read-only-probe" 2>/dev/null; then echo "the root filesystem is still writable" >&2; exit 3; fi
cd "$1"
"$0" apps/server/bin/pegase.js migrate
PEGASE_MIGRATE_ON_START=false exec "$0" apps/server/bin/pegase.js serve --port "$2"
`;

describe('the server on a read-only root filesystem', { skip: canIsolate ? false : 'needs root and unshare(1)' }, () => {
  it('migrates, serves and stops with only /tmp writable', async () => {
    const port = await freePort();
    const child = spawn('unshare', ['--mount', '--propagation', 'private', 'sh', '-c', script, process.execPath, root, String(port)], {
      env: { ...process.env, DATABASE_URL: '', PEGASE_DATA_DIR: '/tmp/pegase-data', HOST: '127.0.0.1', LOG_LEVEL: 'info' },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    try {
      const baseUrl = `http://127.0.0.1:${port}`;
      await waitUntilReady(baseUrl, 90_000, () => output, exited);
      assert.match(output, /[1-9]\d* migration\(s\) applied/);
      assert.equal((await fetch(`${baseUrl}/health/live`)).status, 200);
      const document = await fetch(`${baseUrl}/api/openapi.json`);
      assert.equal(document.status, 200);
      assert.ok(((await document.json()) as { paths: object }).paths, 'the API document has paths');
    } finally {
      child.kill('SIGTERM');
    }
    assert.equal(await exited, 0, output);
    assert.doesNotMatch(output, /EROFS|read-only file system/i);
  });
});
