import type { Command } from './command.ts';

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'Apply pending database migrations of every module, then exit.',
  usage: `pegase migrate

Applies the pending SQL migrations of the kernel and every module to
DATABASE_URL (or the embedded database in PEGASE_DATA_DIR), in one
transaction, under an advisory lock. Refuses to run if an applied migration
was changed. Exits 0 when the schema is up to date.`,
  options: {},
  async run() {
    const { createLogger, databaseLocation, loadConfig, loadMigrations, migrate, migrationSources, openDatabase } = await import('@pegase/platform');
    const { allModules } = await import('../modules.ts');
    const config = loadConfig();
    const logger = createLogger(config.logLevel);
    const database = await openDatabase(databaseLocation(config, false));
    try {
      const report = await migrate(database, await loadMigrations(migrationSources(allModules)));
      for (const m of report.applied) process.stdout.write(`applied ${m.module}/${m.version}-${m.name}\n`);
      process.stdout.write(`${report.applied.length} migration(s) applied, ${report.alreadyApplied} already applied (${database.description})\n`);
      logger.debug({ applied: report.applied.length }, 'migrate done');
      return 0;
    } finally {
      await database.close();
    }
  },
};
