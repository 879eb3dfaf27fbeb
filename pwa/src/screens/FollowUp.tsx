/**
 * "Suivre mon signalement" (issue 3): type or paste a receipt code (or open one kept on
 * this phone), then the conversation with the police, decrypted on the phone, updated live
 * or by polling, and a box to answer. Leaving the screen forgets the code and every text
 * (services/followUp.ts).
 */
import { useEffect, useState } from 'preact/hooks';
import { AnswerForm } from '../components/AnswerForm.tsx';
import { CodeEntry } from '../components/CodeEntry.tsx';
import { formatDay } from '../components/format.ts';
import { KeepCodeChoice } from '../components/KeepCodeChoice.tsx';
import { MessageThread } from '../components/MessageThread.tsx';
import { useFocusHeading, useGo } from '../components/navigation.ts';
import { ProofLine } from '../components/ProofLine.tsx';
import { t } from '../i18n/index.ts';
import {
  arrivals, closeFollowUp, keptHere, liveMode, localReport, openKept, openWithCode, phase, retryAnswer, sendAnswer, setKeepOpenCode, thread,
} from '../services/followUp.ts';
import { keptList, unread } from '../services/keptCodes.ts';

export function FollowUp() {
  const go = useGo();
  const heading = useFocusHeading<HTMLHeadingElement>([phase.value.kind === 'open']);
  // Leaving the screen, however it happens, forgets the conversation and its code.
  useEffect(() => () => closeFollowUp(), []);
  const dict = t.value;
  const f = dict.follow;
  const p = phase.value;
  return (
    <div class="screen follow-up">
      <h1 tabIndex={-1} ref={heading}>
        {p.kind === 'open' ? f.conversationTitle : f.title}
      </h1>
      {p.kind === 'open' ? (
        <OpenConversation />
      ) : p.kind === 'not-delivered' ? (
        <>
          <p class="delivery" role="status" data-status={p.status}>
            {p.status === 'waiting' ? f.notDelivered : f.notAccepted}
          </p>
          <button type="button" class="secondary" onClick={() => closeFollowUp()}>
            {f.close}
          </button>
        </>
      ) : (
        <>
          <p>{f.intro}</p>
          <CodeEntry phase={p} onOpen={(code) => void openWithCode(code)} />
          <KeptCodes />
        </>
      )}
      <button type="button" class="secondary" onClick={() => go('/')}>
        {dict.app.backHome}
      </button>
    </div>
  );
}

function KeptCodes() {
  const list = keptList.value;
  if (!list.length) return null;
  const f = t.value.follow;
  const counts = unread.value;
  return (
    <section aria-labelledby="kept-heading">
      <h2 id="kept-heading">{f.keptHeading}</h2>
      <ul class="kept-list">
        {list.map((k, i) => {
          const n = counts.get(k.id) ?? 0;
          return (
            <li key={k.id}>
              <button type="button" class="secondary" onClick={() => void openKept(k.id)}>
                {f.keptItem(list.length - i, formatDay(k.day))}
                {n ? <span class="badge-text">{` — ${t.value.home.newMessages(n)}`}</span> : null}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function OpenConversation() {
  const f = t.value.follow;
  const [keepFailed, setKeepFailed] = useState(false);
  const local = localReport.value;
  const n = arrivals.value;
  return (
    <>
      <p class="delivery status-sent" data-status="sent">
        {local ? f.reportSent : f.reportOnServer}
      </p>
      {local ? <ProofLine proof={local.proof} /> : null}
      <p class="live-mode help" data-live={liveMode.value}>
        {f.live[liveMode.value]}
      </p>
      <p class="visually-hidden" role="status" aria-live="polite" data-arrivals={n}>
        {n ? f.arrived(n) : ''}
      </p>
      <MessageThread items={thread.value} onRetry={(key) => void retryAnswer(key)} />
      <AnswerForm onSend={sendAnswer} />
      <KeepCodeChoice
        kept={keptHere.value}
        failed={keepFailed}
        onChange={(keep) =>
          void setKeepOpenCode(keep).then(
            () => setKeepFailed(false),
            () => setKeepFailed(true),
          )
        }
      />
      <button type="button" class="secondary" onClick={() => closeFollowUp()}>
        {f.close}
      </button>
    </>
  );
}
