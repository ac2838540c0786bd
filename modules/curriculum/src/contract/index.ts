export * from './objects.ts';
export * from './tree.ts';
export * from './consistency.ts';
export * from './events.ts';
export * from './permissions.ts';
export * from './exchange.ts';
