/** The results engine: a pure library (no I/O) that the assessment module and its benchmark call. */
export * from './evaluate.ts';
export * from './marks.ts';
export * from './rules.ts';
export * from './sessions.ts';
