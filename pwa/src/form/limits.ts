/** Limits the app applies to what the resident types, derived from the report schema. */

/** `contact` in the report plaintext is at most 500 characters (schemas/report.ts). */
export const MAX_CONTACT_LENGTH = 500;
