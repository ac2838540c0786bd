/** The documents module's public contract: the only part other modules may import. */
export * from './certificates.ts';
export * from './events.ts';
export * from './permissions.ts';
