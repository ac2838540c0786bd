import type { Command } from './command.ts';
import { UsageError } from '../errors.ts';
import { parseDuration, withMigratedDatabase } from './database.ts';

export const tokenCommand: Command = {
  name: 'token',
  summary: 'Print an access token for an account (operators, scripts, smoke tests).',
  usage: `pegase token --user LOGIN [--ttl 15m]

Prints an access token of the embedded provider for a local or CAS-delegated
account, signed with the current key, valid for --ttl (1m to 24h, default
PEGASE_TOKEN_TTL_SECONDS). Use it as "Authorization: Bearer <token>".
Refused when PEGASE_OIDC_ISSUER names an external provider: tokens then come
from that provider only.`,
  options: { user: { type: 'string' }, ttl: { type: 'string' } },
  async run(values) {
    const login = values['user'];
    if (typeof login !== 'string' || login === '') throw new UsageError('--user LOGIN is required');
    return withMigratedDatabase(async (database, config) => {
      if (config.oidcIssuer !== undefined) {
        throw new UsageError(`tokens come from the external provider ${config.oidcIssuer}; pegase token only signs for the embedded one`);
      }
      const { KeyStore, embeddedIssuer, findAccount, issueAccessToken } = await import('@pegase/platform');
      const account = await findAccount(database.db, login);
      if (account === undefined) throw new UsageError(`no account ${login}; create it with pegase account --login ${login} --roles …`);
      if (account.disabled) throw new UsageError(`the account ${login} is disabled`);
      const keys = new KeyStore(database.db);
      await keys.ensureKey();
      const ttl = typeof values['ttl'] === 'string' ? parseDuration(values['ttl']) : config.tokenTtlSeconds;
      const token = await issueAccessToken(
        keys,
        embeddedIssuer(config),
        {
          subject: account.login,
          login: account.login,
          roles: account.roles,
          structureCodes: account.structureCodes,
          learnerCode: account.learnerCode,
          clientId: 'pegase-cli',
        },
        ttl,
      );
      process.stdout.write(`${token}\n`);
      return 0;
    });
  },
};
