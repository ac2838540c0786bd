// Placeholder so that the module loads while nomenclatures are being written: the engineer implementing nomenclatures replaces this whole file.
import type { ModuleContext } from '@pegase/platform';
export async function loadSandboxNomenclatures(_context: ModuleContext, _requestId: string): Promise<void> {}
