import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { configVariables } from '@pegase/platform';

describe('README', () => {
  it('lists every configuration variable with its default', async () => {
    const readme = await readFile(new URL('../../../README.md', import.meta.url), 'utf8');
    for (const spec of Object.values(configVariables)) {
      const row = readme.split('\n').find((line) => new RegExp(`^\\|\\s*\`${spec.name}\`\\s*\\|`).test(line));
      expect(row, `README.md has no row for ${spec.name}`).toBeDefined();
      expect(row).toContain(spec.defaultValue === undefined ? '(unset)' : `\`${spec.defaultValue}\``);
    }
  });
});
