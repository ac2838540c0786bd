import type { Command } from './command.ts';
import { UsageError } from '../errors.ts';
import { withMigratedDatabase } from './database.ts';

export const eventsCommand: Command = {
  name: 'events',
  summary: 'List or replay the dead letters of the event consumers.',
  usage: `pegase events dead-letters [list]
pegase events dead-letters replay ID [ID…]
pegase events dead-letters replay --all

With a broker transport (PEGASE_EVENTS=nats://… or kafka://…), an event that
a consumer kept failing to take (PEGASE_EVENTS_MAX_ATTEMPTS attempts) becomes
a dead letter: the consumer moved on, the event waits with its last error.
\`list\` shows them, oldest first: id, consumer, event type and id, attempts,
error. \`replay\` hands them to their consumer again, here and now, once the
cause is fixed: each one in a transaction with the consumer's inbox, so an
effect never happens twice, and a letter whose consumer succeeds is removed.
It needs only the database, not the broker. Exits 1 when a replay failed
(the letter stays, with its new error).`,
  options: { all: { type: 'boolean' } },
  positionals: true,
  async run(values, positionals) {
    const [topic, action = 'list', ...ids] = positionals;
    if (topic !== 'dead-letters') throw new UsageError('say pegase events dead-letters [list|replay ID…|replay --all]');
    if (action === 'list') {
      if (ids.length > 0 || values['all'] === true) throw new UsageError('list takes no argument');
      return withMigratedDatabase(async (database) => {
        const { listDeadLetters } = await import('@pegase/platform');
        const letters = await listDeadLetters(database.db);
        for (const letter of letters) {
          process.stdout.write(
            `${letter.id}  ${letter.failedAt}  ${letter.consumer}  ${letter.event.type} ${letter.event.id}  ${letter.attempts} attempt(s)  ${oneLine(letter.error)}\n`,
          );
        }
        process.stdout.write(`${letters.length} dead letter(s)\n`);
        return 0;
      });
    }
    if (action !== 'replay') throw new UsageError(`unknown action "${action}": say list or replay`);
    const all = values['all'] === true;
    if (all === ids.length > 0) throw new UsageError('replay takes dead-letter ids, or --all');
    const bad = ids.find((id) => !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id));
    if (bad !== undefined) throw new UsageError(`"${bad}" is not a dead-letter id (see pegase events dead-letters list)`);
    return withMigratedDatabase(async (database, config) => {
      const { createLogger, listDeadLetters, moduleEventHandlers, replayDeadLetters } = await import('@pegase/platform');
      const { allModules } = await import('../modules.ts');
      const known = new Set((await listDeadLetters(database.db)).map((letter) => letter.id));
      const missing = ids.filter((id) => !known.has(id.toLowerCase()));
      if (missing.length > 0) throw new UsageError(`no dead letter ${missing.join(', ')} (see pegase events dead-letters list)`);
      const handlers = moduleEventHandlers(allModules, database, createLogger(config.logLevel), config.oidcIssuer === undefined);
      const outcomes = await replayDeadLetters(database.db, handlers, all ? 'all' : ids.map((id) => id.toLowerCase()));
      for (const outcome of outcomes) {
        process.stdout.write(`${outcome.id}  ${outcome.consumer}  ${outcome.error === undefined ? 'replayed' : `failed again: ${oneLine(outcome.error)}`}\n`);
      }
      const failed = outcomes.filter((outcome) => outcome.error !== undefined).length;
      process.stdout.write(`${outcomes.length - failed} replayed, ${failed} failed\n`);
      return failed === 0 ? 0 : 1;
    });
  },
};

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').slice(0, 300);
}
