/**
 * Drafts (issue 2): what the resident has typed, saved as they type and encrypted at rest
 * (crypto/draftBox.ts), so that a reload, a closed app or a dead battery loses nothing.
 * One draft per form: starting a form again resumes it.
 */
import { openDraft, sealDraft } from '../../../crypto/draftBox.ts';
import type { RawAnswers } from '../form/answers.ts';
import { announceChange } from './changes.ts';
import { db, rowsOf } from './db.ts';
import { deviceKey, forgetDeviceKey } from './deviceKey.ts';

export interface Draft {
  id: string;
  formId: string;
  formVersion: number;
  /** The step the resident was on (the review counts as the step after the last). */
  step: number;
  answers: RawAnswers;
  contact: string;
  /** Ids of the draft's photos, in order (issue R); their boxed bytes are in `draftPhotos`. */
  photos?: string[];
}

/** Drafts are boxed under the device key (services/deviceKey.ts). */
const draftKey = deviceKey;

/** Forgets the cached key (after a wipe). */
export function forgetDraftKey(): void {
  forgetDeviceKey();
}

function isDraft(x: unknown): x is Omit<Draft, 'id'> {
  const d = x as Draft;
  return !!d && typeof d.formId === 'string' && typeof d.step === 'number' && typeof d.answers === 'object' && typeof d.contact === 'string';
}

/** Every draft that opens with this device's key. */
export async function listDrafts(): Promise<Draft[]> {
  const rows = await (await db()).drafts.toArray();
  if (!rows.length) return [];
  const key = await draftKey();
  const out: Draft[] = [];
  for (const row of rows) {
    try {
      const content = await openDraft(key, row.id, row);
      if (isDraft(content)) out.push({ ...content, id: row.id });
    } catch {
      // A box that does not open (key wiped in another tab) stays as it is: never deleted here.
    }
  }
  return out;
}

/** The draft of a form, if the resident started one. */
export async function draftFor(formId: string): Promise<Draft | undefined> {
  return (await listDrafts()).find((d) => d.formId === formId);
}

export function newDraft(formId: string, formVersion: number): Draft {
  return { id: crypto.randomUUID(), formId, formVersion, step: 0, answers: {}, contact: '' };
}

export async function saveDraft(draft: Draft): Promise<void> {
  const { id, ...content } = draft;
  const box = await sealDraft(await draftKey(), id, content);
  const database = await db();
  const isNew = !(await database.drafts.get(id));
  await database.drafts.put({ id, ...box });
  if (isNew) announceChange();
}

/** Deletes a draft and its photos, together. */
export async function deleteDraft(id: string): Promise<void> {
  const database = await db();
  await database.transaction('rw', database.drafts, database.draftPhotos, async () => {
    await database.drafts.delete(id);
    await database.draftPhotos.where(':id').between(...rowsOf(id)).delete();
  });
  announceChange();
}

/** "Effacer le brouillon" on the home screen. */
export async function deleteDraftOfForm(formId: string): Promise<void> {
  const draft = await draftFor(formId);
  if (draft) await deleteDraft(draft.id);
}

/**
 * Saves the latest draft `delayMs` after the last change (debounced), and at once on
 * {@link Autosave.flush} (leaving the screen, hiding the page). Saves never overlap.
 */
export interface Autosave {
  schedule(draft: Draft): void;
  flush(): Promise<void>;
  cancel(): void;
}

export function createAutosave(delayMs = 400, save: (d: Draft) => Promise<void> = saveDraft): Autosave {
  let pending: Draft | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> = Promise.resolve();
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const draft = pending;
    pending = undefined;
    if (draft) running = running.then(() => save(draft)).catch(() => undefined);
    return running;
  };
  return {
    schedule(draft) {
      pending = draft;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void flush(), delayMs);
    },
    flush,
    cancel() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      pending = undefined;
    },
  };
}
