import type { ModuleApp, ModuleContext } from '@pegase/platform';

/** JSON export and import of a formation, XLSX import of a period's offer. */
export async function exchangeRoutes(_app: ModuleApp, _context: ModuleContext): Promise<void> {}
