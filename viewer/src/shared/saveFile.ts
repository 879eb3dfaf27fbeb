/**
 * Downloads in the viewer: a keyring backup, a public key file, a PDF dossier, a forwarded
 * dossier, exports (`saveFile` itself is client/saveFile.ts). Never any report content in a file name.
 */
import { saveFile } from '../../../client/saveFile.ts';

/** A JSON file as the CLI writes them: two-space indent, one trailing newline. */
export function saveJson(name: string, value: unknown): void {
  saveFile(name, new Blob([JSON.stringify(value, null, 2) + '\n'], { type: 'application/json' }));
}

/** Today's date for file names (`2026-11-23`): never any report content in a file name. */
export function fileDate(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
