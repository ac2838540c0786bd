// Placeholder so that the module loads while periods are being written: the engineer implementing periods replaces this whole file.
import type { ModuleContext } from '@pegase/platform';
export async function loadSandboxPeriods(_context: ModuleContext, _requestId: string): Promise<void> {}
