/** Every shape that crosses a boundary, defined once (DESIGN "schemas/"). */
export * from './api.ts';
export * from './deployment.ts';
export * from './encoding.ts';
export * from './errors.ts';
export * from './form.ts';
export * from './forms/index.ts';
export * from './keyring.ts';
export * from './limits.ts';
export * from './report.ts';
export * from './time.ts';
export * from './message.ts';
export * from './grant-api.ts';
export * from './mailbox-api.ts';
export * from './receipt-api.ts';
export * from './caseFile.ts';
export * from './dossier.ts';
