import type { Origin } from '@pegase/platform';
import type { ModuleContext } from '@pegase/platform';
import { createPeriod } from './period-commands.ts';

/** The years of the sandbox: the current one and the next, each with two semesters. */
const sandboxYears = [2025, 2026];

/** Demo academic years and semesters, written through the create command so every rule holds. */
export async function loadSandboxPeriods(context: ModuleContext, origin: Origin): Promise<void> {
  for (const first of sandboxYears) {
    const code = `${first}-${first + 1}`;
    const year = await createPeriod(
      context,
      {
        code,
        type: 'academic-year',
        labels: { fr: `Année universitaire ${code}`, en: `Academic year ${code}` },
        startDate: `${first}-09-01`,
        endDate: `${first + 1}-08-31`,
        parentId: null,
      },
      origin,
    );
    const semesters = [
      { n: 1, startDate: `${first}-09-01`, endDate: `${first + 1}-01-31` },
      { n: 2, startDate: `${first + 1}-02-01`, endDate: `${first + 1}-08-31` },
    ];
    for (const { n, startDate, endDate } of semesters) {
      await createPeriod(
        context,
        {
          code: `${code}-S${n}`,
          type: 'semester',
          labels: { fr: `Semestre ${n} ${code}`, en: `Semester ${n} ${code}` },
          startDate,
          endDate,
          parentId: year.id,
        },
        origin,
      );
    }
  }
}
