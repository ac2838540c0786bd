/** The registration module's public contract: the only part other modules may import. */
export * from './cursus.ts';
export * from './events.ts';
export * from './groups.ts';
export * from './permissions.ts';
