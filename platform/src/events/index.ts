export * from './event.ts';
export * from './outbox.ts';
export * from './dispatcher.ts';
export * from './transport.ts';
export * from './create-transport.ts';
export * from './dead-letters.ts';
export { outboxPending } from './relay.ts';
