/**
 * How fresh the list is: count, reports with new answers, last check, live channel,
 * failures, arrivals of reports and answers (announced politely).
 * Its own component, so that a poll bringing nothing re-renders this line, not the table.
 */
import { LOCALE } from '../i18n/lang.ts';
import { currentLang, useMessages } from '../i18n/index.ts';
import { lastAnswerArrival, unreadReportCount } from '../conversation/inbox.ts';
import { liveStatus } from '../session/live.ts';
import { flaggedCount, lastArrivals, refresh, reportEntries, syncState } from './reports.ts';
import { Notice } from '../shared/Notice.tsx';

export function SyncStatus() {
  const m = useMessages();
  const lang = currentLang();
  const count = reportEntries.value.length;
  const sync = syncState.value;
  const arrivals = lastArrivals.value;
  const answers = lastAnswerArrival.value;
  const live = liveStatus.value;
  const unread = unreadReportCount.value;
  const clock = (d: Date) => d.toLocaleTimeString(LOCALE[lang]);
  return (
    <>
      <div class="list-status">
        <p>
          <strong>{m.reportsCount(count)}</strong>
          {flaggedCount.value ? <> {m.flaggedCount(flaggedCount.value)}</> : null}
        </p>
        {unread ? <p class="unread-summary">{m.unreadReports(unread)}</p> : null}
        {sync.checkedAt ? <p class="muted">{m.checkedAt(clock(sync.checkedAt))}</p> : null}
        {live !== 'off' ? <p class={`live-status live-${live}`}>{m.liveStatus(live)}</p> : null}
        <button type="button" class="button-secondary" onClick={() => void refresh()} disabled={sync.busy}>
          {m.checkNow}
        </button>
      </div>
      <div role="status" class="arrivals">
        {arrivals ? <p>{m.arrivals(arrivals.count, clock(arrivals.at))}</p> : null}
        {answers ? <p>{m.answerArrivals(answers.reports, clock(answers.at))}</p> : null}
      </div>
      {sync.failure ? (
        <Notice tone="error" live="alert">
          <p>{m.syncFailure(sync.failure)}</p>
        </Notice>
      ) : null}
      {!sync.loaded && !sync.failure ? (
        <Notice tone="info" live="status">
          <p>{m.loadingReports}</p>
        </Notice>
      ) : null}
      {sync.loaded && !count ? <p>{m.noReports}</p> : null}
    </>
  );
}
