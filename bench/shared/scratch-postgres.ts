import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('../../scripts/postgres.sh', import.meta.url));

/**
 * Runs `work` against the PostgreSQL server PEGASE_TEST_DATABASE_URL names,
 * or else against a scratch cluster started for it (scripts/postgres.sh) and
 * stopped afterwards — which also stops any other scratch cluster.
 */
export async function withPostgres(work: (serverUrl: string) => Promise<void>): Promise<void> {
  const given = process.env['PEGASE_TEST_DATABASE_URL'];
  if (given) return work(given);
  const started = execFileSync('bash', [script, 'start'], { encoding: 'utf8' });
  const url = /PEGASE_TEST_DATABASE_URL=(\S+)/.exec(started)?.[1];
  if (url === undefined) throw new Error(`could not start PostgreSQL: ${started}`);
  try {
    await work(url);
  } finally {
    execFileSync('bash', [script, 'stop']);
  }
}
