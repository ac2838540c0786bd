import { parseArgs } from 'node:util';
import type { Command } from './commands/command.ts';
import { migrateCommand } from './commands/migrate.ts';
import { openapiCommand } from './commands/openapi.ts';
import { serveCommand } from './commands/serve.ts';
import { accountCommand } from './commands/account.ts';
import { clientCommand } from './commands/client.ts';
import { keysCommand } from './commands/keys.ts';
import { tokenCommand } from './commands/token.ts';
import { eventsCommand } from './commands/events.ts';
import { describeFailure, UsageError } from './errors.ts';
import { version } from './version.ts';

const commands: Command[] = [serveCommand, migrateCommand, openapiCommand, accountCommand, clientCommand, tokenCommand, keysCommand, eventsCommand];

const overview = `pegase ${version} — student information system

Usage: pegase <command> [options]

Commands:
${commands.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`).join('\n')}

Run \`pegase <command> --help\` for the options of a command.
Configuration comes from environment variables: see the README.`;

/** Exit codes: 0 done, 1 failure, 2 bad usage or configuration. */
async function main(argv: string[]): Promise<number | undefined> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${overview}\n`);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version') {
    process.stdout.write(`${version}\n`);
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (command === undefined) throw new UsageError(`unknown command "${name}"; run pegase --help`);
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: command.positionals === true,
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}; run pegase ${command.name} --help`);
  }
  if (parsed.values['help'] === true) {
    process.stdout.write(`${command.usage}\n`);
    return 0;
  }
  return command.run(parsed.values as Record<string, string | boolean | undefined>, parsed.positionals);
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== undefined) process.exitCode = code;
  },
  (error: unknown) => {
    const failure = describeFailure(error);
    process.stderr.write(`pegase: ${failure.message}\n`);
    process.exitCode = failure.code;
  },
);
