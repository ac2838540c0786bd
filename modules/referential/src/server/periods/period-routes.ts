// Placeholder so that the module loads while periods are being written: the engineer implementing periods replaces this whole file.
import type { ModuleApp, ModuleContext } from '@pegase/platform';
export async function periodRoutes(_app: ModuleApp, _context: ModuleContext): Promise<void> {}
