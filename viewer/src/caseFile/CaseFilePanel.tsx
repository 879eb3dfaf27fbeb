/**
 * The case file of one report (issue 4): status, officer in charge, tags, notes, when it will
 * be erased, and the history of who did what. Every change goes through caseFile/events.ts
 * (signed, sealed, posted); this panel only says what happened. Administrators may also
 * delete the report for good, after a confirmation.
 */
import { useLocation } from 'preact-iso';
import { useEffect, useState } from 'preact/hooks';
import { CASE_STATUSES, type CaseStatus } from '../../../schemas/caseFile.ts';
import { currentLang, useMessages } from '../i18n/index.ts';
import { LOCALE } from '../i18n/lang.ts';
import { canSealEvents, caseJobs, changeCase, dismissJob, retryJob, type CaseJob } from './caseJobs.ts';
import { eventsState, knownTags, officerNames } from './events.ts';
import { NOTE_MAX, noteProblem } from './notes.ts';
import { myOfficerId } from '../session/session.ts';
import { caseOf } from './caseState.ts';
import { deployment } from '../shared/deployment.ts';
import { daysLeft } from './expiry.ts';
import { formatReceived } from '../shared/format.ts';
import { displayName } from '../session/profile.ts';
import type { ReportEntry } from '../reports/reportEntry.ts';
import { deleteReport, isExpiringSoon, noteDeleted, today } from '../admin/retention.ts';
import { myRole, roster } from '../admin/roster.ts';
import { CaseHistory } from './CaseHistory.tsx';
import { ConfirmDialog } from '../shared/ConfirmDialog.tsx';
import { Notice } from '../shared/Notice.tsx';
import { useOfficerName } from './officerNames.ts';
import { SelectionActions } from '../export/SelectionActions.tsx';

const TAG_MAX = 40;

/** What the last change of this report became, said politely; a failure with its remedies. */
function JobLine(props: { job: CaseJob | undefined }) {
  const m = useMessages();
  const job = props.job;
  return (
    <>
      <p class="case-job" role="status">
        {job?.state === 'sending' ? m.jobSending : job?.state === 'done' ? m.jobDone(job.kind) : ''}
      </p>
      {job?.state === 'failed' ? (
        <Notice tone="error" live="alert">
          <p>
            <strong>{m.jobFailed(job.kind)}</strong> {job.failure ? m.jobFailure(job.failure) : null}
          </p>
          <div class="button-row">
            <button type="button" class="button-secondary" onClick={() => void retryJob(job.id)}>
              {m.jobRetry}
            </button>
            <button type="button" class="button-quiet-dark" onClick={() => dismissJob(job.id)}>
              {m.jobDismiss}
            </button>
          </div>
        </Notice>
      ) : null}
    </>
  );
}

function DeleteReport(props: { entry: ReportEntry }) {
  const m = useMessages();
  const { route } = useLocation();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const confirm = async () => {
    setBusy(true);
    setFailed(false);
    try {
      await deleteReport(props.entry.id);
      setOpen(false);
      noteDeleted();
      route('/');
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="case-delete" aria-labelledby="delete-heading">
      <h3 id="delete-heading">{m.deleteHeading}</h3>
      <p class="hint">{m.deleteHelp}</p>
      <button type="button" class="button-danger-outline" onClick={() => setOpen(true)}>
        {m.deleteButton}
      </button>
      <ConfirmDialog id="delete-dialog" open={open} title={m.deleteConfirmTitle} confirmLabel={busy ? m.deleting : m.deleteConfirm} busy={busy} onConfirm={() => void confirm()} onCancel={() => setOpen(false)}>
        <p>{m.deleteConfirmText}</p>
        {failed ? (
          <Notice tone="error" live="alert">
            <p>{m.jobFailure('server')}</p>
          </Notice>
        ) : null}
      </ConfirmDialog>
    </section>
  );
}

/**
 * The case at a glance, at the top of the report page: status, officer in charge, whether it
 * was forwarded, notes, and a badge when it expires soon, with a link to the case file.
 */
export function CaseSummary(props: { entry: ReportEntry }) {
  const m = useMessages();
  const c = caseOf(props.entry.id);
  const nameOf = useOfficerName(m);
  const soon = isExpiringSoon(props.entry.id);
  const left = c.expiresAt ? daysLeft(c.expiresAt, today.value) : 0;
  return (
    <nav class="case-glance" aria-label={m.caseSummary}>
      <ul class="case-summary">
        <li>
          <span class={`badge case-status case-status-${c.status}`}>{m.caseStatus(c.status)}</span>
        </li>
        <li>{c.assignee ? m.caseAssignedTo(nameOf(c.assignee, c.assigneeName)) : m.caseUnassigned}</li>
        {c.forwarded ? <li>{m.caseForwarded}</li> : null}
        <li>{m.caseNotes(c.notes)}</li>
        {soon ? (
          <li>
            <span class="badge badge-expiring">{m.expiresSoonBadgeDays(left)}</span>
          </li>
        ) : null}
        <li>
          <a href="#case-file" onClick={jumpToCaseFile}>
            {m.caseJump}
          </a>
        </li>
      </ul>
    </nav>
  );
}

/** Moves the focus to the case file's heading, without changing the address (the router owns it). */
function jumpToCaseFile(e: MouseEvent) {
  e.preventDefault();
  const heading = document.getElementById('case-heading');
  heading?.scrollIntoView({ block: 'start' });
  heading?.focus();
}

export function CaseFilePanel(props: { entry: ReportEntry }) {
  const m = useMessages();
  const lang = currentLang();
  const { entry } = props;
  const c = caseOf(entry.id);
  const nameOf = useOfficerName(m);
  const me = myOfficerId.value;
  const writable = canSealEvents();
  const job = [...caseJobs.value].reverse().find((j) => j.reportIds.includes(entry.id) && j.kind !== 'forward');

  const [status, setStatus] = useState<CaseStatus>(c.status);
  const [assignee, setAssignee] = useState(c.assignee ?? '');
  const [tag, setTag] = useState('');
  const [tagProblem, setTagProblem] = useState(false);
  const [note, setNote] = useState('');
  const [noteIssue, setNoteIssue] = useState<'empty' | 'too-long' | null>(null);
  const [busy, setBusy] = useState<'status' | 'assign' | 'tags' | 'note' | null>(null);
  const [blocked, setBlocked] = useState(false);

  // Someone else's change shows at once in the form.
  useEffect(() => setStatus(c.status), [c.status]);
  useEffect(() => setAssignee(c.assignee ?? ''), [c.assignee]);

  const run = async (kind: 'status' | 'assign' | 'tags' | 'note', change: Parameters<typeof changeCase>[2]): Promise<boolean> => {
    setBusy(kind);
    try {
      const done = await changeCase(entry.id, entry.receivedAt, change);
      return done.state === 'done';
    } catch {
      setBlocked(true);
      return false;
    } finally {
      setBusy(null);
    }
  };

  // Officers to choose from: the roster (admins) and every officer seen in a case file.
  const officers = new Set<string>();
  for (const o of roster.value ?? []) if (!o.revokedAt) officers.add(o.officerId);
  for (const id of officerNames.value.keys()) officers.add(id);
  if (c.assignee) officers.add(c.assignee);
  if (me) officers.delete(me);
  const others = [...officers].map((id) => ({ id, label: nameOf(id) })).sort((a, b) => a.label.localeCompare(b.label, LOCALE[lang]));

  const expires = c.expiresAt;
  const soon = isExpiringSoon(entry.id);
  const left = expires ? daysLeft(expires, today.value) : 0;

  return (
    <section id="case-file" class="case-file" aria-labelledby="case-heading">
      <h2 id="case-heading" tabIndex={-1}>
        {m.caseHeading}
      </h2>
      <p class="muted case-help">{m.caseHelp}</p>
      {expires ? <p class={soon ? 'case-expiry case-expiry-soon' : 'case-expiry'}>{m.expiryLine(formatReceived(expires, lang), left)}</p> : null}
      {!eventsState.value.loaded && !eventsState.value.failure ? <p class="muted">{m.caseLoading}</p> : null}
      {eventsState.value.failure ? (
        <Notice tone="error" live="alert">
          <p>{m.syncFailure(eventsState.value.failure)}</p>
        </Notice>
      ) : null}
      {!writable || blocked ? (
        <Notice tone="warning">
          <p>{m.caseNoPoliceKey}</p>
        </Notice>
      ) : null}
      <JobLine job={job} />

      <div class="case-forms">
        <form
          class="case-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (status !== c.status) void run('status', { type: 'status', status });
          }}
        >
          <p class="field">
            <label for="case-status">{m.caseStatusLabel}</label>
            <select id="case-status" value={status} disabled={!writable} aria-describedby="case-status-hint" onChange={(e) => setStatus(e.currentTarget.value as CaseStatus)}>
              {CASE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {m.caseStatus(s)}
                </option>
              ))}
            </select>
          </p>
          <p id="case-status-hint" class="hint">
            {m.caseStatusClosedHint(deployment.retention.closedMonths)}
          </p>
          <button type="submit" class="button-secondary" disabled={!writable || busy === 'status' || status === c.status}>
            {m.caseStatusSave}
          </button>
        </form>

        <form
          class="case-form"
          onSubmit={(e) => {
            e.preventDefault();
            const next = assignee || null;
            if (next === c.assignee) return;
            const name = next === me ? displayName.value || undefined : next ? officerNames.value.get(next) : undefined;
            void run('assign', name ? { type: 'assign', assignee: next, assigneeName: name } : { type: 'assign', assignee: next });
          }}
        >
          <p class="field">
            <label for="case-assignee">{m.caseAssigneeLabel}</label>
            <select id="case-assignee" value={assignee} disabled={!writable} aria-describedby="case-assignee-hint" onChange={(e) => setAssignee(e.currentTarget.value)}>
              <option value="">{m.caseAssigneeNone}</option>
              {me ? <option value={me}>{m.officerMe(displayName.value || undefined)}</option> : null}
              {others.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.label}
                </option>
              ))}
            </select>
          </p>
          <p id="case-assignee-hint" class="hint">
            {m.caseAssigneeUnknown}
          </p>
          <button type="submit" class="button-secondary" disabled={!writable || busy === 'assign' || (assignee || null) === c.assignee}>
            {m.caseAssignSave}
          </button>
        </form>

        <div class="case-form">
          <p class="case-label" id="case-tags-label">
            {m.caseTagsLabel}
          </p>
          {c.tags.length ? (
            <ul class="tags" aria-labelledby="case-tags-label">
              {c.tags.map((t) => (
                <li key={t} class="tag">
                  <bdi class="text">{t}</bdi>
                  <button type="button" class="tag-remove" aria-label={m.caseTagRemove(t)} title={m.caseTagRemove(t)} disabled={!writable} onClick={() => void run('tags', { type: 'tags', add: [], remove: [t] })}>
                    <span aria-hidden="true">×</span>
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p class="muted">{m.caseTagsNone}</p>
          )}
          <form
            class="tag-add"
            noValidate
            onSubmit={async (e) => {
              e.preventDefault();
              const t = tag.replace(/\s+/g, ' ').trim();
              if (!t || t.length > TAG_MAX) return setTagProblem(true);
              setTagProblem(false);
              if (await run('tags', { type: 'tags', add: [t], remove: [] })) setTag('');
            }}
          >
            <p class="field">
              <label for="case-tag">{m.caseTagAddLabel}</label>
              <input
                id="case-tag"
                type="text"
                list="case-tag-suggestions"
                maxLength={TAG_MAX}
                autoComplete="off"
                value={tag}
                disabled={!writable}
                aria-invalid={tagProblem ? true : undefined}
                aria-describedby={tagProblem ? 'case-tag-problem' : undefined}
                onInput={(e) => setTag(e.currentTarget.value)}
              />
              <datalist id="case-tag-suggestions">
                {knownTags.value.map((t) => (
                  <option key={t} value={t} />
                ))}
              </datalist>
            </p>
            {tagProblem ? (
              <p id="case-tag-problem" class="note">
                {m.caseTagProblem}
              </p>
            ) : null}
            <button type="submit" class="button-secondary" disabled={!writable || busy === 'tags'}>
              {m.caseTagAdd}
            </button>
          </form>
        </div>

        <form
          class="case-form case-note"
          noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            const problem = noteProblem(note);
            setNoteIssue(problem);
            if (problem) return;
            if (await run('note', { type: 'note', text: note.trim() })) setNote('');
          }}
        >
          <p class="field">
            <label for="case-note">{m.caseNoteLabel}</label>
            <textarea
              id="case-note"
              rows={3}
              spellcheck={false}
              autoComplete="off"
              value={note}
              disabled={!writable}
              aria-describedby={noteIssue ? 'case-note-hint case-note-problem' : 'case-note-hint'}
              aria-invalid={noteIssue ? true : undefined}
              onInput={(e) => {
                setNote(e.currentTarget.value);
                if (noteIssue === 'empty') setNoteIssue(null);
              }}
            />
          </p>
          <p id="case-note-hint" class="hint">
            {m.caseNoteHint}
          </p>
          {noteIssue ? (
            <p id="case-note-problem" class="note">
              {noteIssue === 'empty' ? m.caseNoteEmpty : m.caseNoteTooLong(new Intl.NumberFormat(LOCALE[lang]).format(NOTE_MAX))}
            </p>
          ) : null}
          <button type="submit" class="button-secondary" disabled={!writable || busy === 'note'}>
            {m.caseNoteAdd}
          </button>
        </form>
      </div>

      <h3 id="history-heading">{m.historyHeading}</h3>
      <CaseHistory history={c.history} />

      <SelectionActions ids={[entry.id]} label={m.thisReportActions} level={3} />
      {myRole.value === 'admin' ? <DeleteReport entry={entry} /> : null}
    </section>
  );
}
