/** The assessment module's public contract: the only part other modules may import. */
export * from './assessment.ts';
export * from './events.ts';
export * from './permissions.ts';
export * from './juries.ts';
export * from './rules.ts';
export * from './teaching.ts';
export * from './mark-imports.ts';
