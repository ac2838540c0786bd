import { systemOrigin, type ModuleContext } from '@pegase/platform';
import { putEstablishment } from '../establishment/establishment-service.ts';
import { loadSandboxNomenclatures } from '../nomenclatures/nomenclature-sandbox.ts';
import { loadSandboxPeriods } from '../periods/period-sandbox.ts';
import { createStructure } from '../structures/structure-commands.ts';
import { sandboxEstablishment, sandboxStructures } from './university.ts';

const SANDBOX = systemOrigin('sandbox');

/** Demo data of `pegase serve --sandbox`, written through the module's own commands. */
export async function loadSandbox(context: ModuleContext): Promise<void> {
  await putEstablishment(context, sandboxEstablishment, undefined, SANDBOX);
  for (const top of sandboxStructures) {
    const { children = [], ...fields } = top;
    const parent = await createStructure(context, { ...fields, parentId: null }, SANDBOX);
    for (const child of children) {
      const { children: _ignored, ...childFields } = child;
      await createStructure(context, { ...childFields, parentId: parent.id }, SANDBOX);
    }
  }
  await loadSandboxPeriods(context, SANDBOX);
  await loadSandboxNomenclatures(context, SANDBOX);
}
