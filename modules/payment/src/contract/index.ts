/** The payment module's public contract: the only part other modules may import. */
export * from './fees.ts';
export * from './payments.ts';
export * from './events.ts';
export * from './permissions.ts';
