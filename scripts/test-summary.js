// Prints one plain closing line per Vitest JSON report: `unit: 134 passed, 0 failed, 1 skipped`.
import { readFileSync } from 'node:fs';

for (const [label, file] of process.argv.slice(2).map((arg) => arg.split('='))) {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const skipped = report.numPendingTests + (report.numTodoTests ?? 0);
  console.log(`${label}: ${report.numPassedTests} passed, ${report.numFailedTests} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
}
