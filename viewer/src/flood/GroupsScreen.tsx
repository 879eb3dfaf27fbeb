/**
 * Groups of identical and near-identical reports (issue 7 point 3, docs/surges.md), largest
 * first, each with its size, a sample, a way to open it as the list's filter, and closing it
 * in one action.
 */
import { useLocation } from 'preact-iso';
import { rawText } from '../../../client/answers.ts';
import { BulkCloseButton, BulkCloseStatus } from './BulkClose.tsx';
import { PageTitle } from '../shared/PageTitle.tsx';
import { SurgeBanner } from './SurgeBanner.tsx';
import { SyncStatus } from '../reports/SyncStatus.tsx';
import { VIEW_PATHS, ViewSwitch } from '../shared/ViewSwitch.tsx';
import { useMessages } from '../i18n/index.ts';
import { groupFilter, grouping } from './flood.ts';
import { reportEntries } from '../reports/reports.ts';

/** Shown groups: the largest ones; the rest are small by then. */
const SHOWN = 50;
const SAMPLE_MAX = 200;

export function GroupsScreen() {
  const m = useMessages();
  const { route } = useLocation();
  const { groups } = grouping.value;
  const byId = new Map(reportEntries.value.map((e) => [e.id, e]));
  const total = groups.reduce((n, g) => n + g.ids.length, 0);
  const sampleOf = (id: string) => {
    const r = byId.get(id)?.report;
    if (!r) return '';
    const d = r.answers.details;
    const text = typeof d === 'string' ? d : rawText(r.answers);
    return text.length > SAMPLE_MAX ? text.slice(0, SAMPLE_MAX) + '…' : text;
  };
  return (
    <section aria-labelledby="page-title">
      <PageTitle title={m.groupsTitle}>{m.groupsTitle}</PageTitle>
      <ViewSwitch />
      <SyncStatus />
      <SurgeBanner />
      <p class="lead">{m.groupsIntro}</p>
      <BulkCloseStatus />
      <p class="groups-count">
        <strong>{groups.length ? m.groupsCount(groups.length, total) : m.groupsNone}</strong>
      </p>
      {groups.length ? (
        <ol class="groups" aria-label={m.groupsListLabel}>
          {groups.slice(0, SHOWN).map((g) => (
            <li key={g.id} class="group" data-group-id={g.id}>
              <h2 class="group-size">{m.groupSize(g.ids.length)}</h2>
              <p class="group-sample">
                <span class="visually-hidden">{m.groupSampleLabel} : </span>
                {sampleOf(g.id)}
              </p>
              <div class="button-row">
                <button
                  type="button"
                  class="button-secondary"
                  onClick={() => {
                    groupFilter.value = g.id;
                    route(VIEW_PATHS.list);
                  }}
                >
                  {m.groupShow(g.ids.length)}
                </button>
                <BulkCloseButton ids={g.ids} idBase={`group-${g.id}`} />
              </div>
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
