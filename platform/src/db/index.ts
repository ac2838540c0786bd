export * from './database.ts';
export * from './migrations.ts';
export * from './keyset.ts';
export * from './postgres-errors.ts';
export * from './data-dir-lock.ts';
