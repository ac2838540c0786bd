import { sql } from 'drizzle-orm';
import { Type } from 'typebox';
import { defineEvent } from '../../events/event.ts';
import type { EventHandler } from '../../events/dispatcher.ts';
import { defineModule, type PegaseModule } from '../../module/module.ts';
import { ruleProblem } from '../../errors/problem.ts';
import { originOf } from '../../http/origin.ts';

export const noteWritten = defineEvent('fixture.note.written', 'A note was written.', Type.Object({ text: Type.String() }));

export interface FixtureOptions {
  /** Extra handlers, e.g. one that fails, to exercise delivery. */
  handlers?: EventHandler[];
  /** Milliseconds the slow route waits before answering (shutdown tests). */
  slowMs?: number;
}

/**
 * A minimal module for the kernel's tests: one table, one event, routes that
 * write in a transaction (optionally failing after the write), and a slow one.
 */
export function fixtureModule(options: FixtureOptions = {}): PegaseModule {
  return defineModule({
    name: 'fixture',
    title: 'Fixture',
    description: 'Test module.',
    migrations: new URL('./migrations/', import.meta.url),
    permissions: [{ name: 'fixture.write', description: 'Write notes.', roles: ['staff'] }],
    events: [noteWritten],
    async routes(app, context) {
      app.post(
        '/notes',
        {
          config: { access: { permission: 'fixture.write' } },
          schema: {
            summary: 'Write a note.',
            operationId: 'writeNote',
            body: Type.Object({ text: Type.String({ minLength: 1 }), failAfterWrite: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
          },
        },
        async (request, reply) => {
          await context.transaction(async (tx) => {
            await tx.execute(sql`insert into fixture.notes (text) values (${request.body.text})`);
            await context.publish(tx, noteWritten, { text: request.body.text }, { subject: 'note', origin: originOf(request) });
            if (request.body.failAfterWrite === true) throw ruleProblem('fixture-failure', 'Refused after writing, to prove the rollback.');
          });
          return reply.status(201).send({ ok: true });
        },
      );
      app.get('/slow', { config: { access: { public: true } }, schema: { summary: 'Answers slowly.', operationId: 'slow' } }, async () => {
        await new Promise((resolve) => setTimeout(resolve, options.slowMs ?? 500));
        return { done: true };
      });
    },
    handlers: () => [
      {
        consumer: 'fixture.remember-notes',
        event: noteWritten.type,
        async handle(event, tx) {
          await tx.execute(sql`insert into fixture.seen (note_text) values (${(event.data as { text: string }).text})`);
        },
      },
      ...(options.handlers ?? []),
    ],
  });
}
