// What the image promises Kubernetes (readOnlyRootFilesystem, an emptyDir on
// /tmp), tried for real without a container engine: in a private mount
// namespace the whole root filesystem is remounted read-only and /tmp is a
// fresh tmpfs; there `pegase migrate` (the chart's Job) migrates the embedded
// database in /tmp, then `pegase serve` (the chart's pods) becomes ready,
// answers, and stops cleanly on SIGTERM. Needs root and unshare(1), as CI has.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, waitUntilReady } from '../../apps/server/test/run-pegase.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const canIsolate = process.getuid?.() === 0 && spawnSync('unshare', ['--version']).status === 0;

// Run inside the namespace: $0 is node (relative when it is in the
// repository), $1 the repository, $2 the port. The repository is mounted
// read-only at /tmp/app, found through the working directory, so that it stays
// reachable even when it lies under the /tmp the tmpfs hides (a CI clone may).
const script = `
set -e
cd "$1"
mount -t tmpfs -o size=256m tmpfs /tmp
mkdir /tmp/app
mount --no-canonicalize --bind . /tmp/app
mount -o remount,bind,ro /tmp/app
mount -o remount,bind,ro /
cd /tmp/app
for probe in /tmp/app/.read-only-probe /etc/.read-only-probe; do
  if touch "$probe" 2>/dev/null; then echo "$probe is writable" >&2; exit 3; fi
done
node=$0
case $node in /*) ;; *) node=/tmp/app/$node ;; esac
"$node" apps/server/bin/pegase.js migrate
PEGASE_MIGRATE_ON_START=false exec "$node" apps/server/bin/pegase.js serve --port "$2"
`;
const node = path.relative(root, process.execPath).startsWith('..') ? process.execPath : path.relative(root, process.execPath);

describe('the server on a read-only root filesystem', { skip: canIsolate ? false : 'needs root and unshare(1)' }, () => {
  it('migrates, serves and stops with only /tmp writable', async () => {
    const port = await freePort();
    const child = spawn('unshare', ['--mount', '--propagation', 'private', 'sh', '-c', script, node, root, String(port)], {
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
