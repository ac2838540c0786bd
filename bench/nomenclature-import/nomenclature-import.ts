/**
 * Time to import a nomenclature from CSV through the API (one transaction,
 * batched inserts, one event and one audit entry per value), on PGlite and,
 * when PEGASE_TEST_DATABASE_URL names a server, on PostgreSQL.
 *
 *   npm run bench:import
 */
import { performance } from 'node:perf_hooks';
import { createTestRuntime, testServerUrl } from '@pegase/platform/testing';
import { referentialModule } from '@pegase/referential/module';

const sizes = [1_000, 5_000, 20_000];
const header = 'code,label_fr,label_en,valid_from,valid_to';

async function measure(label: string, env: Record<string, string | undefined>) {
  const saved = process.env['PEGASE_TEST_DATABASE_URL'];
  if (env['PEGASE_TEST_DATABASE_URL'] === undefined) delete process.env['PEGASE_TEST_DATABASE_URL'];
  const runtime = await createTestRuntime([referentialModule]);
  if (saved !== undefined) process.env['PEGASE_TEST_DATABASE_URL'] = saved;
  try {
    for (const size of sizes) {
      const code = `BENCH-${size}`;
      await runtime.request('POST', '/api/referential/v1/nomenclatures', { code, labels: { fr: code } });
      const body = [header, ...Array.from({ length: size }, (_, i) => `V${i},Valeur ${i},Value ${i},2000-01-01,`)].join('\n');
      const started = performance.now();
      const created = await runtime.request('POST', `/api/referential/v1/nomenclatures/${code}/values/import`, body, { 'content-type': 'text/csv' });
      const first = performance.now() - started;
      if (created.statusCode !== 200) throw new Error(created.body);
      const again = performance.now();
      await runtime.request('POST', `/api/referential/v1/nomenclatures/${code}/values/import`, body, { 'content-type': 'text/csv' });
      const second = performance.now() - again;
      console.log(
        `${label.padEnd(12)} ${String(size).padStart(6)} lines: created in ${first.toFixed(0).padStart(6)} ms (${((size / first) * 1000).toFixed(0)} lines/s), re-import unchanged in ${second.toFixed(0).padStart(5)} ms`,
      );
    }
  } finally {
    await runtime.close();
  }
}

await measure('PGlite', {});
if (testServerUrl() !== undefined) await measure('PostgreSQL', { PEGASE_TEST_DATABASE_URL: testServerUrl() });
else console.log('PostgreSQL   skipped: set PEGASE_TEST_DATABASE_URL (e.g. eval "$(scripts/postgres.sh start)")');
