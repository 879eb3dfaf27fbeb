/**
 * "Expire bientôt" (issue 4 "the viewer shows what expires soon"): reports the Worker will
 * purge within {@link EXPIRES_SOON_DAYS} days, soonest first, with their case status, so
 * that an officer can act (forward, export) before they go.
 */
import { PageTitle } from '../shared/PageTitle.tsx';
import { SelectionActions } from '../export/SelectionActions.tsx';
import { currentLang, useMessages } from '../i18n/index.ts';
import { caseStates } from '../caseFile/caseState.ts';
import { deployment, formatContext } from '../shared/deployment.ts';
import { daysLeft } from '../caseFile/expiry.ts';
import { formatReceived } from '../shared/format.ts';
import { summarize } from '../reports/reportEntry.ts';
import { expiringSoon, EXPIRES_SOON_DAYS, today } from './retention.ts';

export function ExpiringScreen() {
  const m = useMessages();
  const lang = currentLang();
  const ctx = formatContext(lang);
  const list = expiringSoon.value;
  const states = caseStates.value;
  const { months, closedMonths } = deployment.retention;
  return (
    <section aria-labelledby="page-title">
      <PageTitle title={m.expiringTitle}>{m.expiringTitle}</PageTitle>
      <p class="lead">{m.expiringIntro(EXPIRES_SOON_DAYS, months, closedMonths)}</p>
      {list.length ? (
        <>
          <div class="table-wrap">
            <table class="reports expiring">
              <caption>{m.expiringCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{m.colExpires}</th>
                  <th scope="col">{m.colReceived}</th>
                  <th scope="col">{m.colCaseStatus}</th>
                  <th scope="col">{m.colDistrict}</th>
                  <th scope="col">{m.colPlace}</th>
                </tr>
              </thead>
              <tbody>
                {list.map(({ entry, expiresAt }) => {
                  const s = summarize(entry, ctx);
                  const received = formatReceived(entry.receivedAt, lang);
                  const status = states.get(entry.id)?.status ?? 'nouveau';
                  return (
                    <tr key={entry.seq} data-report-id={entry.id}>
                      <th scope="row">
                        <span class="badge badge-expiring">{m.expiresSoonBadgeDays(daysLeft(expiresAt, today.value))}</span> {formatReceived(expiresAt, lang)}
                      </th>
                      <td>
                        <a href={`/reports/${entry.id}`} aria-label={m.openReport(received)}>
                          {received}
                        </a>
                      </td>
                      <td>{m.caseStatus(status)}</td>
                      <td class="cell-short">{s.district ?? m.unknownValue}</td>
                      <td class="cell-text">{s.place ?? m.unknownValue}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <SelectionActions ids={list.map((x) => x.entry.id)} label={m.expiringActions} />
        </>
      ) : (
        <p>{m.expiringNone(EXPIRES_SOON_DAYS)}</p>
      )}
    </section>
  );
}
