export * from './event.ts';
export * from './outbox.ts';
export * from './dispatcher.ts';
