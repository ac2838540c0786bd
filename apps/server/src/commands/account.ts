import { text } from 'node:stream/consumers';
import type { Command } from './command.ts';
import { UsageError } from '../errors.ts';
import { withMigratedDatabase } from './database.ts';

const ROLES = ['student', 'teacher', 'staff', 'admin', 'service'];

export const accountCommand: Command = {
  name: 'account',
  summary: 'Create or change a local account of the embedded provider.',
  usage: `pegase account --login LOGIN --roles r1,r2 [--structures A,B] [--learner CODE]
               [--name "Display name"] [--email E] [--password-stdin]

Creates the account, or updates it if it exists. Roles: ${ROLES.join(', ')}.
--structures lists the structure codes the staff or teacher rights apply to.
--password-stdin reads the password from standard input (never from the
command line, where other users of the machine could read it); without it an
existing password is kept. Passwords are stored as Argon2id hashes.`,
  options: {
    login: { type: 'string' },
    roles: { type: 'string' },
    structures: { type: 'string' },
    learner: { type: 'string' },
    name: { type: 'string' },
    email: { type: 'string' },
    'password-stdin': { type: 'boolean' },
  },
  async run(values) {
    const login = values['login'];
    if (typeof login !== 'string' || login === '') throw new UsageError('--login LOGIN is required');
    const roles = list(values['roles']);
    const unknown = roles.filter((r) => !ROLES.includes(r));
    if (roles.length === 0 || unknown.length > 0) throw new UsageError(`--roles must list roles among ${ROLES.join(', ')}`);
    const password = values['password-stdin'] === true ? (await text(process.stdin)).replace(/\r?\n$/, '') : undefined;
    if (password !== undefined && password.length < 12) throw new UsageError('the password must have at least 12 characters');
    return withMigratedDatabase(async (database) => {
      const { findAccount, saveLocalAccount } = await import('@pegase/platform');
      const existing = await findAccount(database.db, login);
      if (existing === undefined && password === undefined) throw new UsageError('a new account needs a password: use --password-stdin');
      const account = await saveLocalAccount(database.db, {
        login,
        displayName: typeof values['name'] === 'string' ? values['name'] : (existing?.displayName ?? login),
        email: typeof values['email'] === 'string' ? values['email'] : (existing?.email ?? null),
        roles: roles as never,
        structureCodes: list(values['structures']),
        learnerCode: typeof values['learner'] === 'string' ? values['learner'] : null,
        ...(password === undefined ? {} : { password }),
      });
      process.stdout.write(`${existing === undefined ? 'created' : 'updated'} ${account.login} (${account.roles.join(', ')})\n`);
      return 0;
    });
  },
};

function list(value: string | boolean | undefined): string[] {
  return typeof value === 'string'
    ? value
        .split(',')
        .map((v) => v.trim())
        .filter((v) => v !== '')
    : [];
}
