/**
 * A case file's history, oldest first: when, who (name and fingerprint), what, and whether
 * the signature was verified. An event that could not be proven, or that was signed for
 * another report, is shown in its place, flagged, and changed nothing (caseFile/caseFold.ts).
 * Notes are report-grade content: text only, isolated for bidirectional text.
 */
import { currentLang, useMessages } from '../i18n/index.ts';
import type { CaseHistoryItem } from './caseState.ts';
import { formatMinute, formatReceived } from '../shared/format.ts';
import { useOfficerName } from './officerNames.ts';

export function CaseHistory(props: { history: readonly CaseHistoryItem[] }) {
  const m = useMessages();
  const lang = currentLang();
  const nameOf = useOfficerName(m);
  if (!props.history.length) return <p class="muted">{m.historyEmpty}</p>;
  return (
    <ol class="history" aria-label={m.historyLabel}>
      {props.history.map((h) => (
        <li key={h.seq} class={h.verified ? 'history-item' : 'history-item history-flagged'} data-seq={h.seq} data-type={h.type}>
          <p class="history-head">
            <time dateTime={h.at}>{formatMinute(h.at, lang)}</time>{' '}
            <span class="history-who">{h.officerId ? nameOf(h.officerId, h.authorName) : m.historyUnknownAuthor}</span>{' '}
            <span class="history-what">{m.historyAction(h, (id) => nameOf(id), (iso) => formatReceived(iso, lang))}</span>
          </p>
          {h.type === 'note' && typeof h.detail.text === 'string' ? (
            <p class="history-note">
              <bdi class="text text-multiline">{h.detail.text}</bdi>
            </p>
          ) : null}
          {h.verified ? (
            <p class="history-mark">
              <span aria-hidden="true">✓ </span>
              {m.historyVerified}
            </p>
          ) : (
            <p class="history-problem">
              <span aria-hidden="true">⚠ </span>
              {m.historyProblem(h.problem ?? 'integrity')}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
