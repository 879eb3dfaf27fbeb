/**
 * Exports of the selected reports, or of the filtered list when none is ticked (issue 4
 * "Export and forward"): a CSV for spreadsheets and a GeoJSON of the points. The CSV is the
 * CLI's own (`sd export --csv`): same columns, same rules (RFC 4180, UTF-8 byte-order mark,
 * formula injection neutralised), from the same modules in client/exports/, plus the case
 * file's columns. Both files are built in memory and handed to the browser as a download:
 * nothing is stored.
 */
import { toCsv } from '../../../client/exports/csv.ts';
import { reportTable, type ExportEntry } from '../../../client/exports/reportTable.ts';
import type { CaseStatus } from '../../../schemas/caseFile.ts';
import type { DistrictName } from '../reports/answers.ts';
import type { CaseState } from '../caseFile/caseState.ts';
import { pointOf } from '../analysis/hotspots.ts';
import type { ReportEntry } from '../reports/reportEntry.ts';

/** The CLI's view of an entry: its most serious flag (entries list problems worst first). */
export function exportEntry(e: ReportEntry): ExportEntry {
  const first = e.problems[0];
  return { seq: e.seq, id: e.id, receivedAt: e.receivedAt, kid: e.kid, flag: first ?? null, report: e.report };
}

/** The case file's columns, after the CLI's; in French like the rest of the file (client/exports/reportTable.ts). */
export const CSV_CASE_HEADER = ['Statut du dossier', 'Attribué à', 'Étiquettes', 'Notes'] as const;

export interface ExportContext {
  districts: readonly DistrictName[];
  caseOf: (reportId: string) => CaseState;
  /** The French name of a status ("À vérifier"). */
  statusName: (s: CaseStatus) => string;
}

/** The CSV text of `entries` (in the order given). */
export function reportsCsv(entries: readonly ReportEntry[], ctx: ExportContext): string {
  const { header, rows } = reportTable(entries.map(exportEntry), { districtNames: new Map(ctx.districts.map((d) => [d.id, d.name])) });
  const caseCells = (id: string) => {
    const c = ctx.caseOf(id);
    return [ctx.statusName(c.status), c.assigneeName ?? c.assignee ?? '', c.tags.join(', '), String(c.notes)];
  };
  return toCsv([...header, ...CSV_CASE_HEADER], rows.map((row, i) => [...row, ...caseCells(entries[i]!.id)]));
}

export interface GeoJsonPoint {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: { id: string; form: string | null; district: string | null; districtName: string | null; status: CaseStatus; receivedAt: string; place: string | null };
}

/**
 * A GeoJSON FeatureCollection (RFC 7946: `[lon, lat]`) of the entries that gave a point;
 * the others are left out (the count is shown before download).
 */
export function reportsGeoJson(entries: readonly ReportEntry[], ctx: Omit<ExportContext, 'statusName'>): { type: 'FeatureCollection'; features: GeoJsonPoint[] } {
  const names = new Map(ctx.districts.map((d) => [d.id, d.name]));
  const features = entries.flatMap((e): GeoJsonPoint[] => {
    const p = pointOf(e);
    if (!p) return [];
    const a = e.report?.answers;
    const district = typeof a?.district === 'string' ? a.district : null;
    return [
      {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
        properties: {
          id: e.id,
          form: e.report?.form ?? null,
          district,
          districtName: district === null ? null : (names.get(district) ?? null),
          status: ctx.caseOf(e.id).status,
          receivedAt: e.receivedAt,
          place: typeof a?.place === 'string' ? a.place : null,
        },
      },
    ];
  });
  return { type: 'FeatureCollection', features };
}
