export * from './access.ts';
export * from './claims.ts';
export * from './key-store.ts';
export * from './principal.ts';
export * from './token-issuer.ts';
export * from './verifier.ts';
export * from './accounts.ts';
export * from './structure-lineage.ts';
