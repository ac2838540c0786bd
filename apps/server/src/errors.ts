/** A mistake in how the command was called: exit code 2, one line. */
export class UsageError extends Error {}

const CONFIGURATION_ERRORS = new Set(['ConfigError', 'UsageError']);
const OPERATIONAL_ERRORS = new Set(['MigrationError', 'DataDirInUseError']);
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'EHOSTUNREACH', '28P01', '3D000']);

/**
 * What the command prints and returns for an error that ends it: a line a
 * person can act on for the expected failures, the stack for a defect.
 */
export function describeFailure(error: unknown): { code: number; message: string } {
  const err = error as Error & { code?: string };
  const name = error instanceof UsageError ? 'UsageError' : err?.name;
  if (CONFIGURATION_ERRORS.has(name)) return { code: 2, message: err.message };
  if (OPERATIONAL_ERRORS.has(name)) return { code: 1, message: err.message };
  if (err?.code !== undefined && NETWORK_CODES.has(err.code))
    return { code: 1, message: `cannot use the database: ${err.message}. Check DATABASE_URL and that the server is running.` };
  return { code: 1, message: err?.stack ?? String(error) };
}
