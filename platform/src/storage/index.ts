export * from './file-store.ts';
export * from './content-type.ts';
