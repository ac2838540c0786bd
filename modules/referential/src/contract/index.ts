/** The referential's public contract: the only part other modules may import. */
export * from './common.ts';
export * from './establishment.ts';
export * from './structures.ts';
export * from './periods.ts';
export * from './nomenclatures.ts';
export * from './events.ts';
export * from './permissions.ts';
