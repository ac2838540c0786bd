import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Database, Transaction } from '../db/database.ts';
import type { EventData, EventDefinition, EventHandler } from '../events/index.ts';
import type { Logger } from '../observability/logger.ts';
import type { Role } from '../auth/principal.ts';
import type { Origin } from '../audit/audit-trail.ts';
import type { FileStore } from '../storage/file-store.ts';
import type { Account, AccountInput } from '../auth/accounts.ts';

/**
 * The embedded provider's local accounts, for a module that opens them
 * itself (a new student activating theirs from an invitation). With an
 * external provider (Keycloak, CAS…) the university's directory owns the
 * accounts: `embedded` is false and nothing may be created here.
 */
export interface LocalAccounts {
  readonly embedded: boolean;
  /** Creates the account in `tx`; undefined when the login is taken. */
  create(tx: Transaction, input: AccountInput & { password: string }): Promise<Account | undefined>;
  /** The accounts that carry a learner code. */
  ofLearner(tx: Transaction, learnerCode: string): Promise<Account[]>;
}

/** A link a module adds under the embedded provider's login form (e.g. « activate my account »). */
export interface LoginLink {
  /** Absolute path on this server, e.g. `/api/enrolment/v1/activation`. */
  path: string;
  labels: { fr: string; en: string };
}

/** The Fastify instance a module's routes are declared on, typed by TypeBox. */
export type ModuleApp = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, TypeBoxTypeProvider>;

/**
 * Who may call a route. Every route declares one (the kernel refuses to start
 * otherwise). `public` is for what anyone may read without logging in;
 * `permission` names one of the module's declared permissions.
 */
export type Access = { public: true } | { permission: string };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
}

export interface PermissionDeclaration {
  /** `<module>.<resource>.<read|write|…>`, e.g. `referential.structures.write`. */
  name: string;
  description: string;
  /**
   * Roles that hold it (admins hold every permission). For staff and
   * teachers it applies within their structures, which the module checks.
   */
  roles: Role[];
}

/** What a change is about and who made it. */
export interface Change {
  /** Id or code of the changed record (the event's subject, the audit target). */
  subject: string;
  origin: Origin;
  /** The record before the change, as the API shows it; absent for a creation. */
  before?: object | null;
}

export interface ChangeItem<D> {
  data: D;
  subject: string;
  before?: object | null;
}

/** What the kernel hands to a module: its database, its logger, its events. */
export interface ModuleContext {
  module: string;
  db: Database;
  logger: Logger;
  /** Where the module keeps files (writes take its transaction). */
  files: FileStore;
  /** The embedded provider's local accounts. */
  accounts: LocalAccounts;
  /**
   * Runs `work` in one transaction. Events published in it are written to the
   * outbox in that transaction and delivered as soon as it commits.
   */
  transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
  /**
   * Announces a change: writes its event to the outbox and its audit entry
   * (who, when, the record before and after, the request), both in `tx`.
   */
  publish<E extends EventDefinition>(tx: Transaction, definition: E, data: EventData<E>, change: Change): Promise<string>;
  /** Many changes of one kind in a few statements (imports, bulk changes). */
  publishMany<E extends EventDefinition>(tx: Transaction, definition: E, items: ChangeItem<EventData<E>>[], origin: Origin): Promise<string[]>;
}

/**
 * The module contract. A module is a business capability with its own
 * PostgreSQL schema (named after the module), its routes under
 * `/api/<name>/v1`, its events, permissions and sandbox data.
 */
export interface PegaseModule {
  name: string;
  title: string;
  description: string;
  /** Folder of `NNNN-name.sql` files applied to the schema `<name>`. */
  migrations: URL;
  permissions: PermissionDeclaration[];
  /** Events the module publishes, with their schemas (the AsyncAPI source). */
  events: EventDefinition[];
  routes(app: ModuleApp, context: ModuleContext): Promise<void>;
  handlers?(context: ModuleContext): EventHandler[];
  /** Loads demo data into an empty schema for `pegase serve --sandbox`. */
  sandbox?(context: ModuleContext): Promise<void>;
  /** Links shown under the embedded provider's login form. */
  loginLinks?: LoginLink[];
}

export function defineModule(module: PegaseModule): PegaseModule {
  if (!/^[a-z]+$/.test(module.name)) throw new Error(`Module name ${module.name} must be lower-case letters (it is also a schema name)`);
  for (const permission of module.permissions) {
    if (!permission.name.startsWith(`${module.name}.`))
      throw new Error(`Permission ${permission.name} of module ${module.name} must start with "${module.name}."`);
  }
  for (const event of module.events) {
    if (!event.type.startsWith(`${module.name}.`)) throw new Error(`Event ${event.type} of module ${module.name} must start with "${module.name}."`);
  }
  return module;
}
