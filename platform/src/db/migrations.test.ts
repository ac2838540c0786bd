import { mkdtemp, cp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { openDatabase, type DatabaseHandle } from './database.ts';
import { loadMigrations, migrate, MigrationError, pendingMigrations } from './migrations.ts';

const fixture = (name: string) => ({ module: 'fixture', directory: new URL(`./fixtures/${name}/`, import.meta.url) });

describe('migrations', () => {
  let testDb: TestDatabase;
  let handle: DatabaseHandle;
  afterEach(async () => {
    await handle.close();
    await testDb.drop();
  });
  async function open() {
    testDb = await createTestDatabase();
    handle = await openDatabase(testDb.location);
  }

  it('applies pending migrations once, in order, into the module schema', async () => {
    await open();
    const migrations = await loadMigrations([fixture('good')]);
    expect(migrations.map((m) => `${m.version}-${m.name}`)).toEqual(['0001-create-notes', '0002-add-author']);
    expect(await pendingMigrations(handle, migrations)).toHaveLength(2);

    const first = await migrate(handle, migrations);
    expect(first.applied).toHaveLength(2);
    const second = await migrate(handle, migrations);
    expect(second).toMatchObject({ applied: [], alreadyApplied: 2 });
    expect(await pendingMigrations(handle, migrations)).toHaveLength(0);

    const rows = await handle.withRawSession((s) => s.query<{ author: string }>('select author from fixture.notes'));
    expect(rows).toEqual([{ author: 'migration' }]);
  });

  it('refuses to run when an applied migration was changed, and applies nothing', async () => {
    await open();
    const dir = await mkdtemp(join(tmpdir(), 'pegase-migrations-'));
    await cp(new URL('./fixtures/good/', import.meta.url), dir, { recursive: true });
    const source = { module: 'fixture', directory: pathToFileURL(`${dir}/`) };
    await migrate(handle, (await loadMigrations([source])).slice(0, 1));

    await writeFile(join(dir, '0001-create-notes.sql'), 'create table fixture.notes (id bigint primary key);');
    const changed = await loadMigrations([source]);
    await expect(migrate(handle, changed)).rejects.toThrow(MigrationError);
    await expect(migrate(handle, changed)).rejects.toThrow(/0001-create-notes was changed after it was applied/);
    // 0002 must not have been applied either.
    const columns = await handle.withRawSession((s) =>
      s.query("select column_name from information_schema.columns where table_schema = 'fixture' and table_name = 'notes' and column_name = 'author'"),
    );
    expect(columns).toHaveLength(0);
  });

  it('rolls back every migration of the run when one fails', async () => {
    await open();
    await expect(migrate(handle, await loadMigrations([fixture('broken')]))).rejects.toThrow(/fixture\/0002-fails failed/);
    const tables = await handle.withRawSession((s) => s.query("select 1 from information_schema.tables where table_schema = 'fixture'"));
    expect(tables).toHaveLength(0);
    // The ledger itself was rolled back with the failed run.
    expect(await pendingMigrations(handle, await loadMigrations([fixture('broken')]))).toHaveLength(2);
  });
});

describe('migration files', () => {
  it('refuses a badly named migration file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pegase-migrations-'));
    await writeFile(join(dir, 'create.sql'), 'select 1');
    await expect(loadMigrations([{ module: 'fixture', directory: pathToFileURL(`${dir}/`) }])).rejects.toThrow(/must be named NNNN-lower-case-name.sql/);
  });
});
