/**
 * "Ajouter une photo (facultatif)" (issue R, PROTOCOL §6), on the form's last step: a real
 * file input, labelled, laid over a large button; each photo is re-encoded on the phone
 * (metadata removed) and kept encrypted with the draft before its thumbnail shows. The
 * photo code is loaded only when a photo is chosen. A refused or unreadable file leaves the
 * draft as it was.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n/index.ts';
import { canAddPhoto, MAX_PHOTOS } from '../workers/photoRules.ts';
import { useDraftPhotoUrls } from './photoUrls.ts';

interface PhotoFieldProps {
  draftId: string;
  photos: readonly string[];
  /** The new list of photo ids; the caller saves the draft at once. */
  onChange: (photos: string[]) => void;
}

type Note = { kind: 'none' } | { kind: 'status'; text: string } | { kind: 'error'; text: string };

const INPUT_ID = 'photo-input';

export function PhotoField({ draftId, photos, onChange }: PhotoFieldProps) {
  const p = t.value.photos;
  const { urls } = useDraftPhotoUrls(draftId, photos);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<Note>({ kind: 'none' });
  const [focusPicker, setFocusPicker] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const section = useRef<HTMLElement>(null);

  useEffect(() => {
    // After a removal the focus goes back to the picker (or, at the limit, to the section).
    if (focusPicker) (input.current ?? section.current)?.focus();
  }, [focusPicker]);

  const add = async (file: File | undefined) => {
    if (!file || busy) return;
    setBusy(true);
    setNote({ kind: 'status', text: p.working });
    try {
      const service = await import('../services/photos.ts');
      const bytes = await service.reencodePhoto(file);
      const id = await service.storeDraftPhoto(draftId, bytes);
      const next = [...photos, id];
      onChange(next);
      setNote({ kind: 'status', text: p.added(next.length, MAX_PHOTOS) });
    } catch (e) {
      const name = (e as Error).name;
      setNote({ kind: 'error', text: name === 'NotAnImageError' ? p.notImage : name === 'PhotoDecodeError' ? p.unreadable : p.saveFailed });
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  const remove = async (id: string) => {
    onChange(photos.filter((x) => x !== id));
    setNote({ kind: 'status', text: p.removed });
    setFocusPicker((n) => n + 1);
    await (await import('../services/photos.ts')).deleteDraftPhoto(draftId, id).catch(() => undefined);
  };

  return (
    <section class="photos" aria-labelledby="photos-heading" tabIndex={-1} ref={section}>
      <h3 id="photos-heading">{p.heading}</h3>
      <p class="help" id="photo-cleaned">
        {p.cleaned}
      </p>
      <p class="warning" id="photo-risk">
        {p.risk}
      </p>
      {urls.length ? (
        <ul class="photo-list">
          {urls.map((u, i) => (
            <li key={u.id}>
              <img class="photo-thumb" src={u.url} alt={p.alt(i + 1, urls.length)} />
              <button type="button" class="secondary" aria-label={p.removeLabel(i + 1)} onClick={() => void remove(u.id)}>
                {p.remove}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {canAddPhoto(photos.length) ? (
        <>
        <div class="photo-picker">
          <label for={INPUT_ID} class="secondary">
            {p.add}
          </label>
          <input
            ref={input}
            id={INPUT_ID}
            type="file"
            accept="image/*"
            disabled={busy}
            aria-describedby="photo-cleaned photo-risk photo-limit"
            onChange={(e) => void add(e.currentTarget.files?.[0])}
          />
        </div>
        <p class="help" id="photo-limit">
          {p.limit(MAX_PHOTOS)}
        </p>
        </>
      ) : (
        <p>{p.full(MAX_PHOTOS)}</p>
      )}
      <div role="alert">{note.kind === 'error' ? <p class="error-message">{note.text}</p> : null}</div>
      <p role="status">{note.kind === 'status' ? note.text : ''}</p>
    </section>
  );
}

/** The review's photo section: exactly the photos that will be sealed and sent. */
export function PhotoReview({ draftId, photos }: { draftId: string; photos: readonly string[] }) {
  const p = t.value.photos;
  const { urls, missing, loading } = useDraftPhotoUrls(draftId, photos);
  return (
    <section class="review-section" aria-labelledby="review-photos">
      <h3 id="review-photos">{p.heading}</h3>
      {!photos.length ? <p>{p.none}</p> : null}
      {photos.length && !loading ? (
        <>
          <p>{p.willSend(urls.length)}</p>
          <ul class="photo-list">
            {urls.map((u, i) => (
              <li key={u.id}>
                <img class="photo-thumb" src={u.url} alt={p.alt(i + 1, urls.length)} />
              </li>
            ))}
          </ul>
          {missing ? (
            <p class="error-message" role="alert">
              {p.missing}
            </p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
