/**
 * What can be done with the chosen reports (issue 4 "Export and forward"): a printable PDF
 * dossier, and forwarding to an investigator unit. Acts on `selectedIds` (the reports ticked
 * in the list) or, on a report page, on that report alone (`ids`).
 */
import { useState } from 'preact/hooks';
import { currentLang, useMessages } from '../i18n/index.ts';
import { selectedIds } from '../caseFile/caseState.ts';
import { formatBytes } from '../shared/format.ts';
import { downloadPdfDossier } from './pdfDossier.ts';
import { reportEntries } from '../reports/reports.ts';
import { ForwardDialog } from './ForwardDialog.tsx';
import { Notice } from '../shared/Notice.tsx';

export function SelectionActions(props: { ids?: readonly string[]; label?: string; /** Heading level where it is mounted (default 2). */ level?: 2 | 3 }) {
  const m = useMessages();
  const lang = currentLang();
  const chosen = props.ids ? new Set(props.ids) : selectedIds.value;
  const entries = reportEntries.value.filter((e) => chosen.has(e.id));
  const n = entries.length;
  const [pdf, setPdf] = useState<'idle' | 'building' | 'failed' | { reports: number; bytes: number }>('idle');
  const [forwarding, setForwarding] = useState(false);
  const idBase = props.ids ? 'report-actions' : 'selection-actions';
  const Heading = props.level === 3 ? 'h3' : 'h2';

  const makePdf = async () => {
    setPdf('building');
    try {
      setPdf(await downloadPdfDossier(new Set(entries.map((e) => e.id)), m, lang));
    } catch {
      setPdf('failed');
    }
  };

  return (
    <section class="selection-actions" aria-labelledby={`${idBase}-heading`}>
      <Heading id={`${idBase}-heading`} class={props.ids ? undefined : 'visually-hidden'}>
        {props.label ?? m.selectionLabel}
      </Heading>
      {props.ids ? null : <p class="selection-count">{m.selectionCount(n)}</p>}
      <div class="button-row">
        <button type="button" class="button-secondary" disabled={!n || pdf === 'building'} aria-describedby={!n && !props.ids ? `${idBase}-hint` : undefined} onClick={() => void makePdf()}>
          {m.pdfButton}
        </button>
        <button type="button" class="button-secondary" disabled={!n} aria-describedby={!n && !props.ids ? `${idBase}-hint` : undefined} onClick={() => setForwarding(true)}>
          {m.forwardButton}
        </button>
      </div>
      {!n && !props.ids ? (
        <p id={`${idBase}-hint`} class="hint">
          {m.selectionHint}
        </p>
      ) : null}
      <div role="status" class="selection-status">
        {pdf === 'building' ? <p>{m.pdfBuilding}</p> : null}
        {typeof pdf === 'object' ? <p>{m.pdfDone(pdf.reports, formatBytes(pdf.bytes, lang))}</p> : null}
      </div>
      {pdf === 'failed' ? (
        <Notice tone="error" live="alert">
          <p>{m.pdfFailed}</p>
        </Notice>
      ) : null}
      <ForwardDialog open={forwarding} entries={entries} onClose={() => setForwarding(false)} />
    </section>
  );
}
