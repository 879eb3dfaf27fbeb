/**
 * The public crypto API: a handful of task-level verbs following PROTOCOL.md.
 * Nothing outside `crypto/` imports libsodium.
 */
export { useSumo } from './sodium.ts';
export * from './errors.ts';
export { bucketFor } from './padding.ts';
export { kidOf, officerIdOf, generatePoliceKey, generateOfficerKey, generateUnitKey } from './keys.ts';
export { sealReport, plaintextSize, sealedDigest, type SealedReport } from './sealReport.ts';
export { openReport, type OpenedReport } from './openReport.ts';
export { encodeReceiptCode, parseReceiptCode, newReceiptSecret, deriveFromReceipt, type ReceiptKeys } from './receipt.ts';
export { solvePow, checkPow, leadingZeroBits } from './pow.ts';
export { signRequest, signingInput, type SignRequestInput } from './signRequest.ts';
export { createKeyring, unlockKeyring, parseKeyringFile, forgetSecretKeys, KDF_MODERATE, KDF_INTERACTIVE, type KdfStrength } from './keyring.ts';
export { sealMessage, openMessage } from './message.ts';
export { sealGrant, openGrant } from './grant.ts';
export { randomB64 } from './random.ts';
export { submissionReceiptInput, verifySubmissionReceipt, generateReceiptKey, signSubmissionReceipt } from './submissionReceipt.ts';
export { sealCaseEvent, openCaseEvent, type OpenedCaseEvent } from './caseEvent.ts';
export { sealDossier, openDossier } from './dossier.ts';
export { sealBlob, openBlob, solveBlobPow, blobIdOf, type SealedBlob } from './blob.ts';
