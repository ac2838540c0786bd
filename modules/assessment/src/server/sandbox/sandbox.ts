import type { ModuleContext } from '@pegase/platform';
import { loadSandbox as assignSandboxTeacher } from '../teaching/sandbox.ts';
import { publishDemoResults } from './demo-results.ts';

/** The assessment module's demo data: the sandbox teacher's course, and the Licence's published session 1. */
export async function loadSandbox(context: ModuleContext): Promise<void> {
  await assignSandboxTeacher(context);
  await publishDemoResults(context);
}
