/**
 * Thumbnails of a draft's photos (issue R): each photo is opened from its box by the photo
 * service (loaded lazily, only when the draft has photos) and shown from an object URL,
 * revoked as soon as the list changes or the screen goes. Nothing is fetched.
 */
import { useEffect, useState } from 'preact/hooks';

export interface PhotoUrl {
  id: string;
  url: string;
}

/** Object URLs of the photos `ids` of draft `draftId`, in order; `missing` counts those that no longer open. */
export function useDraftPhotoUrls(draftId: string, ids: readonly string[]): { urls: PhotoUrl[]; missing: number; loading: boolean } {
  const [state, setState] = useState<{ key: string; urls: PhotoUrl[]; missing: number }>({ key: '', urls: [], missing: 0 });
  const key = `${draftId}|${ids.join(',')}`;
  useEffect(() => {
    if (!ids.length) {
      setState({ key, urls: [], missing: 0 });
      return;
    }
    let live = true;
    let made: PhotoUrl[] = [];
    void (async () => {
      const photos = await (await import('../services/photos.ts')).loadDraftPhotos(draftId, ids).catch(() => []);
      made = photos.map((p) => ({ id: p.id, url: URL.createObjectURL(new Blob([p.bytes], { type: 'image/jpeg' })) }));
      if (live) setState({ key, urls: made, missing: ids.length - photos.length });
      else for (const m of made) URL.revokeObjectURL(m.url);
    })();
    return () => {
      live = false;
      for (const m of made) URL.revokeObjectURL(m.url);
    };
  }, [key]);
  return { urls: state.key === key ? state.urls : [], missing: state.key === key ? state.missing : 0, loading: state.key !== key };
}
