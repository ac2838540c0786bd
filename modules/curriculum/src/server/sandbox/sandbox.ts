import type { ModuleContext } from '@pegase/platform';

/** Demo maquettes for `pegase serve --sandbox`. */
export async function loadSandbox(_context: ModuleContext): Promise<void> {}
