/**
 * "Imprimer / enregistrer en image" for the receipt code (issue 3), with no third party:
 * printing uses the app's print stylesheet (only the code box is printed, styles.css
 * `@media print`); the image is drawn on a canvas on the device and handed to the browser's
 * download as a PNG. Nothing leaves the phone.
 */
import { saveFile } from '../../../client/saveFile.ts';

export interface CodeImageText {
  title: string;
  note: string;
}

const WIDTH = 1200;
const HEIGHT = 630;

/** Draws the code, large and grouped (two lines of groups), with a title and a warning. */
export function drawCodeImage(code: string, text: CodeImageText): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = WIDTH;
  canvas.height = HEIGHT;
  const g = canvas.getContext('2d');
  if (!g) throw new Error('no 2d canvas');
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, WIDTH, HEIGHT);
  g.strokeStyle = '#12355b';
  g.lineWidth = 12;
  g.strokeRect(6, 6, WIDTH - 12, HEIGHT - 12);
  g.fillStyle = '#1b1b1b';
  g.textAlign = 'center';
  g.textBaseline = 'middle';
  g.font = 'bold 48px system-ui, sans-serif';
  g.fillText(text.title, WIDTH / 2, 90);
  const groups = code.split('-');
  const lines = [groups.slice(0, 4).join('  '), groups.slice(4).join('  ')];
  g.font = 'bold 84px ui-monospace, "DejaVu Sans Mono", monospace';
  lines.forEach((line, i) => g.fillText(line, WIDTH / 2, 250 + i * 120, WIDTH - 80));
  g.font = '34px system-ui, sans-serif';
  g.fillText(text.note, WIDTH / 2, 540, WIDTH - 80);
  return canvas;
}

/** Saves the code as `stop-deal-code.png` in the browser's downloads; false if it failed. */
export async function saveCodeImage(code: string, text: CodeImageText): Promise<boolean> {
  try {
    const canvas = drawCodeImage(code, text);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) return false;
    saveFile('stop-deal-code.png', blob);
    return true;
  } catch {
    return false;
  }
}

/** Opens the print dialog (paper, or "save as PDF"); the print stylesheet shows only the code. */
export function printCode(): void {
  print();
}
