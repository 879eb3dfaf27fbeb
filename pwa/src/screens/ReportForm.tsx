/**
 * The schema-driven form (issue 2): any `FormDefinition`, at most six short steps, then a
 * review of exactly what will be sent, then "Envoyer". Every change is saved, encrypted,
 * a moment after it is typed; leaving or hiding the app saves at once.
 */
import deployment from 'virtual:deployment';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { activePoliceKey } from '../../../schemas/deployment.ts';
import type { FormDefinition } from '../../../schemas/form.ts';
import { ContactField } from '../components/ContactField.tsx';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { markMoved, useFocusHeading, useGo } from '../components/navigation.ts';
import { PhotoField, PhotoReview } from '../components/PhotoField.tsx';
import { Progress } from '../components/Progress.tsx';
import { ReviewAnswers } from '../components/ReviewAnswers.tsx';
import { StepFields } from '../components/StepFields.tsx';
import type { RawItem, RawLeaf } from '../form/answers.ts';
import { enabledForms } from '../form/enabled.ts';
import { errorText } from '../form/messages.ts';
import { reviewSections } from '../form/review.ts';
import { firstInvalidStep, validateStep } from '../form/validate.ts';
import { lang, loc, t } from '../i18n/index.ts';
import { createAutosave, draftFor, newDraft, saveDraft, type Draft } from '../services/drafts.ts';
import { afterEnqueue } from '../services/outboxRunner.ts';
import { showReceipt } from '../services/receipt.ts';
import { districtIds, finalAnswers, InvalidAnswersError, MAX_PLAINTEXT_BYTES, reportBytes, ReportTooLargeError, sealToOutbox, warmCrypto } from '../services/sealing.ts';
import { askPersistentStorageOnce } from '../services/storage.ts';

type SendState = { kind: 'idle' } | { kind: 'sealing' } | { kind: 'too_large'; bytes: number } | { kind: 'invalid' } | { kind: 'failed' };

const kb = (bytes: number) => Math.ceil(bytes / 1024);

export function ReportForm({ formId }: { formId?: string }) {
  const form = enabledForms().find((f) => f.id === formId);
  const go = useGo();
  if (!form) {
    return (
      <div class="screen">
        <h1>{t.value.form.unknown}</h1>
        <button type="button" class="secondary" onClick={() => go('/')}>
          {t.value.app.backHome}
        </button>
      </div>
    );
  }
  return <FormSession key={form.id} form={form} />;
}

function FormSession({ form }: { form: FormDefinition }) {
  const go = useGo();
  const [draft, setDraftState] = useState<Draft | null>(null);
  const latest = useRef<Draft | null>(null);
  const [showErrors, setShowErrors] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [saveFailed, setSaveFailed] = useState(false);
  const [send, setSend] = useState<SendState>({ kind: 'idle' });
  const sealed = useRef(false);
  const autosave = useMemo(
    () =>
      createAutosave(400, async (d) => {
        try {
          await saveDraft(d);
          setSaveFailed(false);
        } catch {
          setSaveFailed(true);
        }
      }),
    [],
  );

  useEffect(() => {
    let live = true;
    draftFor(form.id)
      .catch(() => undefined)
      .then((found) => {
        if (!live) return;
        const d = found ?? newDraft(form.id, form.version);
        latest.current = d;
        setDraftState(d);
      });
    // libsodium arrives in the background; nothing here waits for it.
    warmCrypto();
    const hide = () => {
      if (document.visibilityState === 'hidden') void autosave.flush();
    };
    const leave = () => void autosave.flush();
    document.addEventListener('visibilitychange', hide);
    addEventListener('pagehide', leave);
    return () => {
      live = false;
      document.removeEventListener('visibilitychange', hide);
      removeEventListener('pagehide', leave);
      void autosave.flush();
    };
  }, [form.id]);

  const stepHeading = useFocusHeading<HTMLHeadingElement>([draft?.step]);

  if (!draft) return <p class="screen">{t.value.app.loading}</p>;

  const total = form.steps.length;
  const step = Math.min(Math.max(0, draft.step), total);
  const ids = districtIds();

  const update = (patch: Partial<Draft>) => {
    if (sealed.current || !latest.current) return;
    const next = { ...latest.current, ...patch };
    latest.current = next;
    setDraftState(next);
    autosave.schedule(next);
  };
  const setAnswer = (fieldId: string, value: RawLeaf | RawItem[] | undefined) => {
    const answers = { ...latest.current!.answers };
    if (value === undefined) delete answers[fieldId];
    else answers[fieldId] = value;
    update({ answers });
  };
  // A photo's encrypted bytes are already stored: its place in the draft is saved at once too.
  const setPhotos = (photos: string[]) => {
    update({ photos });
    void autosave.flush();
  };
  const goToStep = (n: number, withErrors = false) => {
    markMoved();
    setShowErrors(withErrors);
    if (withErrors) setAttempt((a) => a + 1);
    setSend({ kind: 'idle' });
    update({ step: n });
    // A move between steps is saved at once, not after the typing debounce: the app may be
    // closed right after it (issue 2 race seen in e2e/pwa-draft.test.ts, ~1 run in 5).
    void autosave.flush();
    scrollTo(0, 0);
  };
  const next = () => {
    if (validateStep(form, step, draft.answers, ids, draft.contact).length) {
      setShowErrors(true);
      setAttempt((a) => a + 1);
      return;
    }
    if (step + 1 === total) {
      const bad = firstInvalidStep(form, draft.answers, ids, draft.contact);
      if (bad >= 0) return goToStep(bad, true);
    }
    goToStep(step + 1);
  };

  const dict = t.value;
  const errors = showErrors && step < total ? validateStep(form, step, draft.answers, ids, draft.contact) : [];
  const errorMap = new Map(errors.map((e) => [e.path, errorText(e, dict, loc)]));

  return (
    <div class="screen form">
      <h1>{loc(form.title)}</h1>
      <Progress current={step} total={total} />
      <p class="help">{dict.form.kept}</p>
      {saveFailed ? (
        <p class="error-message" role="alert">
          {dict.form.saveFailed}
        </p>
      ) : null}
      {step < total ? (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            next();
          }}
        >
          <h2 tabIndex={-1} ref={stepHeading}>
            {loc(form.steps[step]!.title)}
          </h2>
          {form.steps[step]!.help ? <p class="help">{loc(form.steps[step]!.help!)}</p> : null}
          <ErrorSummary lines={errors.map((e) => ({ path: e.path, text: errorMap.get(e.path)! }))} focusKey={attempt} />
          <StepFields step={form.steps[step]!} answers={draft.answers} errors={errorMap} onChange={setAnswer} />
          {step === total - 1 ? <PhotoField draftId={draft.id} photos={draft.photos ?? []} onChange={setPhotos} /> : null}
          {form.contact && step === total - 1 ? <ContactField value={draft.contact} onChange={(contact) => update({ contact })} error={errorMap.get('contact')} /> : null}
          <div class="step-nav">
            {step > 0 ? (
              <button type="button" class="secondary" onClick={() => goToStep(step - 1)}>
                {dict.form.previous}
              </button>
            ) : (
              <button type="button" class="secondary" onClick={() => go('/')}>
                {dict.form.leave}
              </button>
            )}
            <button type="submit" class="primary">
              {step + 1 === total ? dict.form.toReview : dict.form.next}
            </button>
          </div>
        </form>
      ) : (
        <Review
          form={form}
          draft={draft}
          headingRef={stepHeading}
          send={send}
          onEdit={(n) => goToStep(n)}
          onBack={() => goToStep(total - 1)}
          onSend={async () => {
            const startedAt = performance.now();
            setSend({ kind: 'sealing' });
            try {
              await autosave.flush();
              const result = await sealToOutbox({ form, raw: draft.answers, contact: draft.contact, draftId: draft.id, photos: draft.photos ?? [], startedAt });
              sealed.current = true;
              autosave.cancel();
              showReceipt({ reportId: result.reportId, code: result.receiptCode });
              void afterEnqueue();
              void askPersistentStorageOnce();
              go('/envoye');
            } catch (e) {
              if (e instanceof ReportTooLargeError) setSend({ kind: 'too_large', bytes: e.bytes });
              else if (e instanceof InvalidAnswersError) setSend({ kind: 'invalid' });
              else setSend({ kind: 'failed' });
            }
          }}
        />
      )}
    </div>
  );
}

interface ReviewProps {
  form: FormDefinition;
  draft: Draft;
  headingRef: { current: HTMLHeadingElement | null };
  send: SendState;
  onEdit: (step: number) => void;
  onBack: () => void;
  onSend: () => void;
}

function Review({ form, draft, headingRef, send, onEdit, onBack, onSend }: ReviewProps) {
  const r = t.value.review;
  let content;
  let bytes = 0;
  try {
    const answers = finalAnswers(form, draft.answers);
    bytes = reportBytes(form, draft.answers, draft.contact, draft.photos?.length ?? 0);
    const districts = new Map(deployment.districts.features.map((f) => [f.properties.id, f.properties.name]));
    const exactData = JSON.stringify({ form: form.id, formVersion: form.version, answers, contact: draft.contact.trim() || null }, null, 2);
    content = (
      <ReviewAnswers
        sections={reviewSections(form, answers, districts, lang.value)}
        contact={draft.contact}
        town={deployment.town.name}
        kid={activePoliceKey(deployment).kid}
        exactData={exactData}
        onEdit={onEdit}
        stepTitles={form.steps.map((s) => loc(s.title))}
      />
    );
  } catch {
    content = (
      <p class="error-message" role="alert">
        {r.invalid}
      </p>
    );
  }
  const tooLarge = send.kind === 'too_large' ? send.bytes : bytes >= MAX_PLAINTEXT_BYTES ? bytes : 0;
  return (
    <section aria-labelledby="review-title">
      <h2 id="review-title" tabIndex={-1} ref={headingRef}>
        {r.title}
      </h2>
      {content}
      <PhotoReview draftId={draft.id} photos={draft.photos ?? []} />
      <div class="send-area">
        <div role="alert">
          {tooLarge ? <p class="error-message">{r.tooLarge(kb(tooLarge))}</p> : null}
          {send.kind === 'failed' ? <p class="error-message">{r.sealFailed}</p> : null}
          {send.kind === 'invalid' ? <p class="error-message">{r.invalid}</p> : null}
        </div>
        <p role="status">{send.kind === 'sealing' ? r.sealing : ''}</p>
        <div class="step-nav">
          <button type="button" class="secondary" onClick={onBack} disabled={send.kind === 'sealing'}>
            {t.value.form.previous}
          </button>
          <button type="button" class="primary send" onClick={onSend} disabled={send.kind === 'sealing'} aria-busy={send.kind === 'sealing' ? 'true' : undefined}>
            {r.send}
          </button>
        </div>
      </div>
    </section>
  );
}
