/**
 * Forwarding the chosen reports to an investigator unit (issue 4): pick a kept unit or paste
 * a unit's public key (its fingerprint shown, to compare with the unit), then seal and
 * download the dossier; the forwarding is recorded in each case file. Sealing and recording
 * are export/forward.ts and export/units.ts's job.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { currentLang, useMessages } from '../i18n/index.ts';
import { caseJobs, retryJob } from '../caseFile/caseJobs.ts';
import { fingerprint } from '../../../client/fingerprint.ts';
import { formatReceived } from '../shared/format.ts';
import { ForwardError, forwardReports, type ForwardFailure, type ForwardOutcome } from './forward.ts';
import { keepUnit, UnitError, unitFrom, units, type Unit, type UnitProblem } from './units.ts';
import type { ReportEntry } from '../reports/reportEntry.ts';
import { Notice } from '../shared/Notice.tsx';

const NEW = 'new';

export function ForwardDialog(props: { open: boolean; entries: readonly ReportEntry[]; onClose: () => void }) {
  const m = useMessages();
  const lang = currentLang();
  const ref = useRef<HTMLDialogElement>(null);
  const saved = units.value;
  const [choice, setChoice] = useState<string>(saved[0]?.kid ?? NEW);
  const [name, setName] = useState('');
  const [key, setKey] = useState('');
  const [preview, setPreview] = useState<Unit | null>(null);
  const [keep, setKeep] = useState(true);
  const [mark, setMark] = useState(true);
  const [problem, setProblem] = useState<UnitProblem | ForwardFailure | 'failed' | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<(ForwardOutcome & { unit: string }) | null>(null);

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (props.open && !d.open) {
      setOutcome(null);
      setProblem(null);
      d.showModal();
    } else if (!props.open && d.open) d.close();
  }, [props.open]);

  // The fingerprint of a pasted key, as soon as it is one (to compare with the unit).
  useEffect(() => {
    let live = true;
    setPreview(null);
    if (choice === NEW && key.trim())
      unitFrom(name || '?', key).then(
        (u) => live && setPreview(u),
        () => undefined,
      );
    return () => {
      live = false;
    };
  }, [key, choice]);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setProblem(null);
    let unit: Unit | undefined;
    if (choice === NEW) {
      try {
        unit = await unitFrom(name, key);
      } catch (err) {
        return setProblem(err instanceof UnitError ? err.reason : 'failed');
      }
    } else unit = saved.find((u) => u.kid === choice);
    if (!unit) return setProblem('no-unit');
    setBusy(true);
    try {
      const done = await forwardReports(props.entries, unit, mark);
      if (choice === NEW && keep) keepUnit(unit);
      setOutcome({ ...done, unit: unit.name });
    } catch (err) {
      setProblem(err instanceof ForwardError ? err.reason : 'failed');
    } finally {
      setBusy(false);
    }
  };

  const job = outcome ? caseJobs.value.find((j) => j.id === outcome.job.id) : undefined;
  const problemText = (p: UnitProblem | ForwardFailure | 'failed') =>
    p === 'failed' ? m.forwardFailure('seal-failed') : p === 'no-name' || p === 'not-a-key' || p === 'no-unit' ? m.unitProblem(p) : m.forwardFailure(p);

  return (
    <dialog
      ref={ref}
      id="forward-dialog"
      class="dialog dialog-wide"
      aria-labelledby="forward-title"
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) props.onClose();
      }}
    >
      <h2 id="forward-title">{m.forwardTitle}</h2>
      <p>{m.forwardIntro(props.entries.length)}</p>
      <form noValidate onSubmit={submit}>
        <fieldset disabled={busy}>
          <legend>{m.forwardUnitLegend}</legend>
          {saved.map((u) => (
            <p class="checkbox" key={u.kid}>
              <input type="radio" id={`unit-${u.kid}`} name="unit" value={u.kid} checked={choice === u.kid} onChange={() => setChoice(u.kid)} />
              <label for={`unit-${u.kid}`}>{m.unitLine(u.name, fingerprint(u.kid))}</label>
            </p>
          ))}
          <p class="checkbox">
            <input type="radio" id="unit-new" name="unit" value={NEW} checked={choice === NEW} onChange={() => setChoice(NEW)} />
            <label for="unit-new">{m.forwardNewUnit}</label>
          </p>
          {choice === NEW ? (
            <div class="unit-new">
              <p class="field">
                <label for="unit-name">{m.unitNameLabel}</label>
                <input id="unit-name" type="text" maxLength={120} autoComplete="off" value={name} onInput={(e) => setName(e.currentTarget.value)} />
              </p>
              <p class="field">
                <label for="unit-key">{m.unitKeyLabel}</label>
                <input id="unit-key" type="text" class="mono" autoComplete="off" spellcheck={false} aria-describedby="unit-key-hint unit-key-fp" value={key} onInput={(e) => setKey(e.currentTarget.value)} />
              </p>
              <p id="unit-key-hint" class="hint">
                {m.unitKeyHint}
              </p>
              <p id="unit-key-fp" class="mono">
                {preview ? m.unitFingerprint(fingerprint(preview.kid)) : ''}
              </p>
              <p class="checkbox">
                <input id="unit-keep" type="checkbox" checked={keep} onChange={(e) => setKeep(e.currentTarget.checked)} />
                <label for="unit-keep">{m.unitKeep}</label>
              </p>
            </div>
          ) : null}
        </fieldset>
        <p class="checkbox">
          <input id="forward-mark" type="checkbox" checked={mark} disabled={busy} onChange={(e) => setMark(e.currentTarget.checked)} />
          <label for="forward-mark">{m.forwardMark}</label>
        </p>
        {problem ? (
          <Notice tone="error" live="alert">
            <p>{problemText(problem)}</p>
          </Notice>
        ) : null}
        <div role="status" class="forward-status">
          {busy ? <p class="progress-text">{m.forwarding}</p> : null}
          {outcome ? (
            <>
              <p>{m.forwardDone(outcome.included, outcome.unit)}</p>
              {outcome.skipped ? <p>{m.forwardSkipped(outcome.skipped)}</p> : null}
              {outcome.skippedMessages ? <p>{m.forwardSkippedMessages(outcome.skippedMessages)}</p> : null}
              {outcome.carried ? <p>{m.forwardCarried(outcome.carried)}</p> : null}
              {outcome.leftOut.length ? (
                <>
                  <p>
                    <strong>{m.forwardLeftOut(outcome.leftOut.length)}</strong>
                  </p>
                  <ul class="forward-left-out">
                    {outcome.leftOut.map((a) => (
                      <li key={`${a.report}-${a.attachment}`}>{m.forwardLeftOutLine(a, formatReceived(a.receivedAt, lang))}</li>
                    ))}
                  </ul>
                </>
              ) : null}
            </>
          ) : null}
        </div>
        {job?.state === 'failed' ? (
          <Notice tone="error" live="alert">
            <p>
              <strong>{m.jobFailed('forward')}</strong> {job.failure ? m.jobFailure(job.failure) : null}
            </p>
            <button type="button" class="button-secondary" onClick={() => void retryJob(job.id)}>
              {m.jobRetry}
            </button>
          </Notice>
        ) : null}
        <div class="button-row">
          <button type="submit" class="button-primary" disabled={busy || !props.entries.length}>
            {m.forwardSubmit}
          </button>
          <button type="button" class="button-secondary" disabled={busy} onClick={props.onClose}>
            {m.close}
          </button>
        </div>
      </form>
    </dialog>
  );
}
