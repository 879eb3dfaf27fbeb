/**
 * Whether a note can be written (issue 4 case file): the schema's length, and room in the
 * sealed envelope, where the note is escaped twice.
 */
import { displayName } from '../session/profile.ts';

/** The schema's limit for a note (schemas/caseFile.ts). */
export const NOTE_MAX = 20_000;
/** A sealed event holds at most 65535 bytes of envelope (PROTOCOL §2 padding, largest bucket). */
const ENVELOPE_MAX = 65_535;
/** Room for the envelope's other fields (ids, key, signature, escapes) around the event. */
const ENVELOPE_OVERHEAD = 400;

export type NoteProblem = 'empty' | 'too-long';

/**
 * Why `text` cannot be a note, or null. Besides the schema's length, the event is a JSON string
 * inside the sealed JSON envelope, so quotes and control characters count several times.
 */
export function noteProblem(text: string): NoteProblem | null {
  const t = text.trim();
  if (!t) return 'empty';
  if (t.length > NOTE_MAX) return 'too-long';
  const doubled = JSON.stringify(JSON.stringify({ type: 'note', text: t, authorName: displayName.peek() }));
  if (new TextEncoder().encode(doubled).length + ENVELOPE_OVERHEAD > ENVELOPE_MAX) return 'too-long';
  return null;
}
