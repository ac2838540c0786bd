import type { Config, DatabaseHandle } from '@pegase/platform';
import { UsageError } from '../errors.ts';

/**
 * Opens the configured database for a one-shot command, refusing to work on a
 * schema that is not up to date (the command would fail half-way).
 */
export async function withMigratedDatabase<T>(work: (database: DatabaseHandle, config: Config) => Promise<T>): Promise<T> {
  const { databaseLocation, loadConfig, loadMigrations, migrationSources, openDatabase, pendingMigrations } = await import('@pegase/platform');
  const { allModules } = await import('../modules.ts');
  const config = loadConfig();
  const database = await openDatabase(databaseLocation(config, false));
  try {
    const pending = await pendingMigrations(database, await loadMigrations(migrationSources(allModules)));
    if (pending.length > 0) throw new UsageError(`the database has ${pending.length} migration(s) to apply first: run pegase migrate`);
    return await work(database, config);
  } finally {
    await database.close();
  }
}

/** Durations as operators write them: 90s, 15m, 2h. */
export function parseDuration(text: string): number {
  const match = /^(\d+)(s|m|h)$/.exec(text);
  if (!match) throw new UsageError(`--ttl must be a duration such as 90s, 15m or 2h (got "${text}")`);
  const seconds = Number(match[1]) * { s: 1, m: 60, h: 3600 }[match[2] as 's' | 'm' | 'h'];
  if (seconds < 60 || seconds > 86_400) throw new UsageError('--ttl must be between 1m and 24h');
  return seconds;
}
