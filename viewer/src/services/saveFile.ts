/**
 * Hands a file to the browser's download (the officer chooses where it goes, or it lands in
 * Downloads): a keyring backup, a public key file, a PDF dossier, a forwarded dossier. The
 * object URL lives in memory only and is revoked once the download has read it.
 */
export function saveFile(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has read the blob by the next task; a minute is generous.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A JSON file as the CLI writes them: two-space indent, one trailing newline. */
export function saveJson(name: string, value: unknown): void {
  saveFile(name, new Blob([JSON.stringify(value, null, 2) + '\n'], { type: 'application/json' }));
}

/** Today's date for file names (`2026-11-23`): never any report content in a file name. */
export function fileDate(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
