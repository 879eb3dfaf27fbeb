/**
 * Dates, times and sizes as an officer reads them (coordinates: client/answers.ts). Pure: the
 * time zone is a parameter (default: the workstation's), so that tests do not depend on the
 * machine's clock.
 */
import { LOCALE, type Lang } from '../i18n/lang.ts';

/** Formatters are costly to build and the list formats thousands of dates: one per language and zone. */
const receivedFormats = new Map<string, Intl.DateTimeFormat>();

/** A report's `receivedAt` (hour-truncated by the Worker, PROTOCOL §3): "23 nov. 2026, 22:00". */
export function formatReceived(iso: string, lang: Lang, timeZone?: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const key = `${lang}|${timeZone ?? ''}`;
  let f = receivedFormats.get(key);
  if (!f) receivedFormats.set(key, (f = new Intl.DateTimeFormat(LOCALE[lang], { dateStyle: 'medium', timeStyle: 'short', timeZone })));
  return f.format(d);
}

/** A message's `at` (minute-truncated by the Worker, PROTOCOL §4): "23 nov. 2026, 22:05". */
export function formatMinute(iso: string, lang: Lang, timeZone?: string): string {
  return formatReceived(iso, lang, timeZone);
}

/** A full timestamp (createdAt on the phone): "23 novembre 2026 à 21:40". */
export function formatTimestamp(iso: string, lang: Lang, timeZone?: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALE[lang], { dateStyle: 'long', timeStyle: 'short', timeZone }).format(d);
}

/** A form's date answer `YYYY-MM-DD`, a calendar day with no time zone: "lundi 23 novembre 2026". */
export function formatDay(day: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return day;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== day) return day;
  return new Intl.DateTimeFormat(LOCALE[lang], { dateStyle: 'full', timeZone: 'UTC' }).format(d);
}

/** A form's time answer `HH:MM`: "21 h 40" in French, "21:40" in English. */
export function formatClock(time: string, lang: Lang): string {
  const m = /^(\d{2}):(\d{2})$/.exec(time);
  if (!m) return time;
  return lang === 'fr' ? `${m[1]} h ${m[2]}` : `${m[1]}:${m[2]}`;
}

/** A byte count for attachments: "12 Ko" / "12 KB". */
export function formatBytes(n: number, lang: Lang): string {
  const units = lang === 'fr' ? ['o', 'Ko', 'Mo', 'Go'] : ['B', 'KB', 'MB', 'GB'];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: u ? 1 : 0 }).format(v)} ${units[u]}`;
}
