import type { Static, TSchema } from 'typebox';

/**
 * Events follow the CloudEvents attribute names (id, source, type, subject,
 * time, data) so that they cross any broker unchanged. `type` is
 * `<module>.<entity>.<verb in past tense>`, for example
 * `referential.structure.created`.
 */
export interface EventDefinition<S extends TSchema = TSchema> {
  type: string;
  description: string;
  schema: S;
}

export function defineEvent<S extends TSchema>(type: string, description: string, schema: S): EventDefinition<S> {
  if (!/^[a-z]+(\.[a-z-]+){2}$/.test(type)) throw new Error(`Event type ${type} must read <module>.<entity>.<verb>`);
  return { type, description, schema };
}

export interface PegaseEvent<D = unknown> {
  id: string;
  type: string;
  source: string;
  subject: string | null;
  time: string;
  data: D;
  requestId: string | null;
}

export type EventData<E extends EventDefinition> = Static<E['schema']>;
