// Placeholder so that the module loads while nomenclatures are being written: the engineer implementing nomenclatures replaces this whole file.
import type { ModuleApp, ModuleContext } from '@pegase/platform';
export async function nomenclatureRoutes(_app: ModuleApp, _context: ModuleContext): Promise<void> {}
