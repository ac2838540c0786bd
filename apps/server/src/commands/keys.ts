import type { Command } from './command.ts';
import { UsageError } from '../errors.ts';
import { withMigratedDatabase } from './database.ts';

export const keysCommand: Command = {
  name: 'keys',
  summary: 'Rotate the signing key of the embedded provider.',
  usage: `pegase keys --rotate

Creates a new signing key; it signs from now on, and the previous keys keep
verifying the tokens they signed until those expire (2 days at the most).
Every replica picks the new key up by itself.`,
  options: { rotate: { type: 'boolean' } },
  async run(values) {
    if (values['rotate'] !== true) throw new UsageError('say --rotate to rotate the signing key');
    return withMigratedDatabase(async (database) => {
      const { KeyStore } = await import('@pegase/platform');
      const kid = await new KeyStore(database.db).rotate();
      process.stdout.write(`new signing key ${kid}\n`);
      return 0;
    });
  },
};
