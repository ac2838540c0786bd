import { readdir, readFile } from 'node:fs/promises';
import { Problem, type ModuleContext, type Origin } from '@pegase/platform';
import type { CreateNomenclature } from '../../contract/index.ts';
import { createNomenclature } from './nomenclature-commands.ts';
import { decodeCsv } from './nomenclature-csv.ts';
import { importNomenclatureValues } from './nomenclature-import.ts';

/** One CSV file per nomenclature, named after it (see its README.md). */
export const sandboxNomenclatureFolder = new URL('../../../sandbox/nomenclatures/', import.meta.url);

/** A sandbox file is named after the nomenclature it loads: BAC-SERIES.csv. */
export function sandboxNomenclatureCode(file: string): string {
  return file.replace(/\.csv$/, '');
}

export const sandboxNomenclatures: Record<string, Omit<CreateNomenclature, 'code'>> = {
  COUNTRY: { labels: { fr: 'Pays', en: 'Countries' }, description: 'Countries by INSEE code (the last 3 digits of the COG code 99XXX).' },
  'BAC-SERIES': { labels: { fr: 'Séries du baccalauréat', en: 'Baccalaureate series' } },
  'BAC-HONOURS': { labels: { fr: 'Mentions au baccalauréat', en: 'Baccalaureate honours' } },
  REGIME: { labels: { fr: "Régimes d'inscription", en: 'Enrolment regimes' } },
  PROFILE: { labels: { fr: 'Profils', en: 'Profiles' }, description: 'Profiles of learners that fee rules and exemptions depend on.' },
  SEX: { labels: { fr: 'Sexe', en: 'Sex' } },
  'ENROLMENT-ORIGIN': { labels: { fr: "Origines de l'inscription", en: 'Enrolment origins' } },
  'PREVIOUS-SITUATION': {
    labels: { fr: "Situations de l'année précédente", en: 'Situations the year before' },
    description: 'What a student did the year before enrolling (for the national statistics, SISE).',
  },
  'DOCUMENT-TYPE': { labels: { fr: 'Pièces justificatives', en: 'Supporting documents' } },
  'TEACHING-FORMAT': { labels: { fr: "Formats d'enseignement", en: 'Teaching formats' } },
};

/**
 * Creates one nomenclature per CSV file of the sandbox folder and loads the
 * file through the same import as `POST /nomenclatures/:code/values/import`,
 * so the demo files are also checked sample import files.
 */
export async function loadSandboxNomenclatures(context: ModuleContext, origin: Origin): Promise<void> {
  const files = (await readdir(sandboxNomenclatureFolder)).filter((name) => name.endsWith('.csv')).sort();
  for (const file of files) {
    const code = sandboxNomenclatureCode(file);
    const definition = sandboxNomenclatures[code];
    if (definition === undefined)
      throw new Error(`Sandbox file ${file} has no nomenclature labels; add ${code} to sandboxNomenclatures in nomenclature-sandbox.ts`);
    await createNomenclature(context, { code, ...definition }, origin);
    const text = decodeCsv(await readFile(new URL(file, sandboxNomenclatureFolder)));
    const report = await importNomenclatureValues(context, code, text, origin).catch((error: unknown) => {
      // A broken demo file must say which lines, not only "422".
      if (error instanceof Problem)
        throw new Error(`Sandbox file ${file}: ${error.message} ${JSON.stringify(error.extensions['errors'] ?? [])}`, { cause: error });
      throw error;
    });
    context.logger.debug({ nomenclature: code, ...report }, 'sandbox nomenclature loaded');
  }
}
