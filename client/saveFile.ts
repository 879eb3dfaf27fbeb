/**
 * Hands a file to the browser's download (the person chooses where it goes, or it lands in
 * Downloads). The object URL lives in memory only and is revoked once the download has read it.
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
