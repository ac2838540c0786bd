import type { Command } from './command.ts';
import { UsageError } from '../errors.ts';
import { withMigratedDatabase } from './database.ts';

export const clientCommand: Command = {
  name: 'client',
  summary: 'Register an integration (client credentials) and print its secret.',
  usage: `pegase client --id CLIENT_ID --description "What it is" [--roles service]

Registers an integration of the embedded provider, or gives an existing one a
new secret, and prints the secret once. The integration then gets tokens with
  POST <public URL>/auth/token  grant_type=client_credentials
  (HTTP Basic authentication with the client id and secret).
Its tokens carry the roles given (default: service).`,
  options: { id: { type: 'string' }, description: { type: 'string' }, roles: { type: 'string' } },
  async run(values) {
    const clientId = values['id'];
    if (typeof clientId !== 'string' || !/^[a-z0-9][a-z0-9._-]{0,99}$/.test(clientId))
      throw new UsageError('--id must be lower-case letters, digits, . _ - (at most 100)');
    const description = values['description'];
    if (typeof description !== 'string' || description.trim() === '') throw new UsageError('--description is required: say which system this is');
    const roles = typeof values['roles'] === 'string' ? values['roles'].split(',').map((r) => r.trim()) : ['service'];
    if (!roles.every((r) => ['service', 'admin'].includes(r))) throw new UsageError('--roles of an integration may be service or admin');
    return withMigratedDatabase(async (database) => {
      const { saveIntegrationClient } = await import('@pegase/platform');
      const client = await saveIntegrationClient(database.db, clientId, description, roles as never);
      process.stdout.write(`client ${client.clientId} (${client.roles.join(', ')})\nsecret ${client.clientSecret}\n`);
      return 0;
    });
  },
};
