/**
 * The criteria shared by the list, the hotspots and the map (reports/filters.ts): words,
 * district, status, form, assignee, tag, period and "expire bientôt", with how many reports
 * they let through, announced politely. Native controls only, each with its visible label.
 */
import { CASE_STATUSES, type CaseStatus } from '../../../schemas/caseFile.ts';
import { FORMS } from '../../../schemas/forms/index.ts';
import { currentLang, useMessages } from '../i18n/index.ts';
import { districtNames } from '../shared/deployment.ts';
import { EXPIRES_SOON_DAYS } from '../caseFile/expiry.ts';
import { activeFilterCount, clearFilters, filters, setFilter, UNASSIGNED, type Filters } from './filters.ts';
import { assigneeChoices, filteredEntries, formChoices, tagChoices } from './listView.ts';
import { reportEntries } from './reports.ts';

type Change = { currentTarget: HTMLInputElement | HTMLSelectElement };

export function FilterBar() {
  const m = useMessages();
  const lang = currentLang();
  const f = filters.value;
  const shown = filteredEntries.value.length;
  const total = reportEntries.value.length;
  const active = activeFilterCount(f);
  const text = (key: 'text' | 'district' | 'form' | 'assignee' | 'tag' | 'from' | 'to') => (e: Change) => setFilter(key, e.currentTarget.value);
  const tags = tagChoices.value;
  return (
    <section class="find" aria-labelledby="find-heading">
      <h2 id="find-heading" class="find-heading">
        {m.findHeading} <span class="find-active">({m.activeFilters(active)})</span>
      </h2>
      <div class="find-search">
        <label for="find-text">{m.searchLabel}</label>
        <input id="find-text" type="search" value={f.text} onInput={text('text')} aria-describedby="find-text-hint" autoComplete="off" spellcheck={false} />
        <p id="find-text-hint" class="hint">
          {m.searchHint}
        </p>
      </div>
      <div class="find-grid">
        <div class="find-field">
          <label for="find-district">{m.filterDistrict}</label>
          <select id="find-district" value={f.district} onChange={text('district')}>
            <option value="">{m.filterAllDistricts}</option>
            {districtNames.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </div>
        <div class="find-field">
          <label for="find-status">{m.filterStatus}</label>
          <select id="find-status" value={f.status} onChange={(e) => setFilter('status', e.currentTarget.value as CaseStatus | '')}>
            <option value="">{m.filterAllStatuses}</option>
            {CASE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {m.caseStatus(s)}
              </option>
            ))}
          </select>
        </div>
        <div class="find-field">
          <label for="find-form">{m.filterForm}</label>
          <select id="find-form" value={f.form} onChange={text('form')}>
            <option value="">{m.filterAllForms}</option>
            {formChoices.value.map((id) => (
              <option key={id} value={id}>
                {Object.hasOwn(FORMS, id) ? FORMS[id]!.title[lang] : id}
              </option>
            ))}
          </select>
        </div>
        <div class="find-field">
          <label for="find-assignee">{m.filterAssignee}</label>
          <select id="find-assignee" value={f.assignee} onChange={text('assignee')}>
            <option value="">{m.filterAnyone}</option>
            <option value={UNASSIGNED}>{m.filterUnassigned}</option>
            {assigneeChoices.value.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name ?? a.id}
              </option>
            ))}
          </select>
        </div>
        <div class="find-field">
          <label for="find-tag">{m.filterTag}</label>
          <select id="find-tag" value={f.tag} onChange={text('tag')}>
            <option value="">{tags.length ? m.filterAllTags : m.filterNoTags}</option>
            {tags.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </div>
      </div>
      <fieldset class="find-period">
        <legend>{m.periodLegend}</legend>
        <div class="find-field">
          <label for="find-period-basis">{m.periodBasis}</label>
          <select id="find-period-basis" value={f.period} onChange={(e) => setFilter('period', e.currentTarget.value as Filters['period'])}>
            {(['received', 'reported'] as const).map((p) => (
              <option key={p} value={p}>
                {m.periodBasisOption(p)}
              </option>
            ))}
          </select>
        </div>
        <div class="find-field">
          <label for="find-from">{m.periodFrom}</label>
          <input id="find-from" type="date" value={f.from} max={f.to || undefined} onInput={text('from')} />
        </div>
        <div class="find-field">
          <label for="find-to">{m.periodTo}</label>
          <input id="find-to" type="date" value={f.to} min={f.from || undefined} onInput={text('to')} />
        </div>
      </fieldset>
      <div class="find-footer">
        <label class="checkbox">
          <input type="checkbox" checked={f.expiringSoon} onChange={(e) => setFilter('expiringSoon', e.currentTarget.checked)} /> {m.filterExpiring(EXPIRES_SOON_DAYS)}
        </label>
        <button type="button" class="button-secondary" onClick={clearFilters} disabled={!active}>
          {m.clearFilters}
        </button>
      </div>
      {/* Announced only when criteria narrow the list: not at every page while reports load. */}
      <p class="find-result" role="status">
        {total && active ? m.filterResult(shown, total) : ''}
      </p>
      {total && !shown ? <p>{m.noMatch}</p> : null}
    </section>
  );
}
