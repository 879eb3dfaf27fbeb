/**
 * Home: what happens to a report in three plain sentences, a button per form (Stop Deal
 * first), drafts to resume, "Suivre mon signalement" with a badge counting new police
 * messages in kept conversations, and "Mes signalements" without any content.
 */
import deployment from 'virtual:deployment';
import { useState } from 'preact/hooks';
import type { FormDefinition } from '../../../schemas/form.ts';
import { useFocusHeading, useGo } from '../components/navigation.ts';
import { ReportList } from '../components/ReportList.tsx';
import { enabledForms } from '../form/enabled.ts';
import { loc, t } from '../i18n/index.ts';
import { deleteDraftOfForm } from '../services/drafts.ts';
import { unreadTotal } from '../services/keptCodes.ts';
import { exportProof } from '../services/proofs.ts';
import { draftForms, listsLoaded, myReports, retryRejected } from '../services/reportList.ts';
import { deliverNow } from '../services/outboxRunner.ts';

function FormEntry({ form }: { form: FormDefinition }) {
  const go = useGo();
  const [confirming, setConfirming] = useState(false);
  const h = t.value.home;
  const hasDraft = draftForms.value.includes(form.id);
  return (
    <li class="form-entry">
      <button type="button" class="primary" onClick={() => go(`/signaler/${form.id}`)}>
        {hasDraft ? h.resume(loc(form.title)) : h.start(loc(form.title))}
      </button>
      <p class="help">{loc(form.summary)}</p>
      {hasDraft ? (
        <div class="draft-note">
          <p>{h.draftKept}</p>
          {confirming ? (
            <div role="group" aria-labelledby={`discard-${form.id}`}>
              <p id={`discard-${form.id}`}>{h.discardConfirm}</p>
              <button type="button" class="danger" onClick={() => void deleteDraftOfForm(form.id).then(() => setConfirming(false))}>
                {h.discardYes}
              </button>
              <button type="button" class="secondary" onClick={() => setConfirming(false)}>
                {h.discardNo}
              </button>
            </div>
          ) : (
            <button type="button" class="secondary" onClick={() => setConfirming(true)}>
              {h.discardDraft(loc(form.title))}
            </button>
          )}
        </div>
      ) : null}
    </li>
  );
}

function FollowEntry() {
  const go = useGo();
  const h = t.value.home;
  const n = unreadTotal.value;
  return (
    <section aria-labelledby="follow-heading">
      <h2 id="follow-heading">{h.followHeading}</h2>
      <p class="help">{h.followHelp}</p>
      <button type="button" class="primary follow-button" onClick={() => go('/suivre')}>
        {h.follow}
        {n ? (
          <>
            <span class="badge" aria-hidden="true" data-count={n}>
              {n}
            </span>
            <span class="visually-hidden">{` — ${h.newMessages(n)}`}</span>
          </>
        ) : null}
      </button>
    </section>
  );
}

export function Home() {
  const go = useGo();
  const heading = useFocusHeading<HTMLHeadingElement>();
  const [exported, setExported] = useState<boolean | null>(null);
  const h = t.value.home;
  return (
    <div class="screen home">
      <h1 tabIndex={-1} ref={heading}>
        {h.title}
      </h1>
      <section aria-labelledby="promise-heading" class="promise">
        <h2 id="promise-heading">{h.promiseHeading}</h2>
        <ul>
          <li>{h.promiseSealed}</li>
          <li>{h.promiseReader(deployment.town.name)}</li>
          <li>{h.promiseNothingCollected}</li>
        </ul>
      </section>
      <section aria-labelledby="start-heading">
        <h2 id="start-heading">{h.startHeading}</h2>
        <ul class="form-list">
          {enabledForms().map((f) => (
            <FormEntry key={f.id} form={f} />
          ))}
        </ul>
      </section>
      <FollowEntry />
      <section aria-labelledby="reports-heading">
        <h2 id="reports-heading">{h.myReports}</h2>
        <p class="help">{h.myReportsNote}</p>
        {listsLoaded.value ? (
          <ReportList
            reports={myReports.value}
            onRetry={(id) => void retryRejected(id).then(() => deliverNow(true))}
            onExportProof={(id) => void exportProof(id).then(setExported, () => setExported(false))}
          />
        ) : (
          <p>{t.value.app.loading}</p>
        )}
        <p role="status">{exported === null ? '' : exported ? h.exportProofDone : h.exportProofFailed}</p>
      </section>
      <p>
        <button type="button" class="link-button" onClick={() => go('/reglages')}>
          {h.settingsLink}
        </button>
      </p>
    </div>
  );
}
