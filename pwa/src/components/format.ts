/** Display formats that follow the current language (dates, points); key fingerprints are client/fingerprint.ts. */
import type { Point } from '../../../schemas/form.ts';
import { lang } from '../i18n/index.ts';

/** `2026-11-23` → « 23 novembre 2026 » / "23 November 2026" (a local calendar day). */
export function formatDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  if (!y || !m || !d) return day;
  return new Intl.DateTimeFormat(lang.value, { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(y, m - 1, d));
}

export function formatTime(hhmm: string): string {
  return lang.value === 'fr' ? hhmm.replace(':', ' h ') : hhmm;
}

export function formatPoint(p: Point): string {
  const nf = new Intl.NumberFormat(lang.value, { minimumFractionDigits: 3, maximumFractionDigits: 3 });
  return `${nf.format(p.lat)}, ${nf.format(p.lon)}`;
}

/** A wire time (`2026-11-23T21:40:00Z`) as a local day and minute: « 23 nov. 2026, 22 h 40 ». */
export function formatMinute(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const day = new Intl.DateTimeFormat(lang.value, { day: 'numeric', month: 'short', year: 'numeric' }).format(d);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${day}, ${formatTime(`${p(d.getHours())}:${p(d.getMinutes())}`)}`;
}
