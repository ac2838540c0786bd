import { mkdtemp, writeFile, readFile, access } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { DataDirInUseError, lockDataDir } from './data-dir-lock.ts';

describe('the embedded data directory lock', () => {
  it('refuses a second owner while the first runs, and frees the directory on release', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pegase-lock-'));
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      await writeFile(join(dir, 'pegase.lock'), String(other.pid));
      await expect(lockDataDir(dir)).rejects.toThrow(DataDirInUseError);
      await expect(lockDataDir(dir)).rejects.toThrow(`in use by process ${other.pid}`);
    } finally {
      other.kill();
    }
  });

  it('takes over a lock left by a process that no longer runs', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pegase-lock-'));
    await writeFile(join(dir, 'pegase.lock'), '999999999');
    const release = await lockDataDir(dir);
    expect(await readFile(join(dir, 'pegase.lock'), 'utf8')).toBe(String(process.pid));
    await release();
    await expect(access(join(dir, 'pegase.lock'))).rejects.toThrow();
  });
});
