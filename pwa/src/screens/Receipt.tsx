/**
 * After "Envoyer": the report is sealed and in the outbox. Shows its delivery status and,
 * once delivered, its proof of submission (aria-live), and the receipt code once
 * (PROTOCOL §4) with copy, print, save as image, a plain explanation, and the choice to keep
 * it on this phone (off by default). Leaving this screen forgets the code.
 */
import { useEffect, useState } from 'preact/hooks';
import { KeepCodeChoice } from '../components/KeepCodeChoice.tsx';
import { useFocusHeading, useGo } from '../components/navigation.ts';
import { ProofLine } from '../components/ProofLine.tsx';
import { ProvingNotice } from '../components/ProvingNotice.tsx';
import { ReceiptCode } from '../components/ReceiptCode.tsx';
import { t } from '../i18n/index.ts';
import { isKept } from '../services/keptCodes.ts';
import { copyText, forgetReceipt, keepShownCode, shownReceipt } from '../services/receipt.ts';
import { printCode, saveCodeImage } from '../services/receiptImage.ts';
import { myReports } from '../services/reportList.ts';

type Feedback = 'copied' | 'copyFailed' | 'imageSaved' | 'imageFailed' | null;

export function Receipt() {
  const go = useGo();
  const heading = useFocusHeading<HTMLHeadingElement>();
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [keepFailed, setKeepFailed] = useState(false);
  const receipt = shownReceipt.value;
  // Leaving the screen, however it happens, forgets the code.
  useEffect(() => () => forgetReceipt(), []);
  const dict = t.value;
  const r = dict.receipt;
  if (!receipt) {
    return (
      <div class="screen receipt">
        <h1 tabIndex={-1} ref={heading}>
          {r.gone}
        </h1>
        <button type="button" class="primary" onClick={() => go('/')}>
          {dict.app.backHome}
        </button>
      </div>
    );
  }
  const entry = myReports.value.find((x) => x.id === receipt.reportId);
  const status = entry?.status ?? 'waiting';
  return (
    <div class="screen receipt">
      <h1 tabIndex={-1} ref={heading}>
        {r.title}
      </h1>
      <div role="status" aria-live="polite">
        <p class={`delivery status-${status}`} data-status={status}>
          {status === 'rejected' ? dict.status.rejected(entry?.errorCode ?? '?') : dict.status[status]}
        </p>
        {status === 'sent' ? <ProofLine proof={entry?.proof} long /> : null}
      </div>
      <ProvingNotice entryId={receipt.reportId} />
      <section aria-labelledby="code-heading" class="code-box print-area">
        <h2 id="code-heading">{r.codeHeading}</h2>
        <p class="warning">{r.noteNow}</p>
        <ReceiptCode code={receipt.code} />
        <div class="code-actions no-print">
          <button type="button" class="secondary" onClick={() => void copyText(receipt.code).then((ok) => setFeedback(ok ? 'copied' : 'copyFailed'))}>
            {r.copy}
          </button>
          <button type="button" class="secondary" onClick={printCode}>
            {r.print}
          </button>
          <button
            type="button"
            class="secondary"
            onClick={() => void saveCodeImage(receipt.code, { title: r.imageTitle, note: r.imageNote }).then((ok) => setFeedback(ok ? 'imageSaved' : 'imageFailed'))}
          >
            {r.saveImage}
          </button>
        </div>
        <p role="status" class="no-print">
          {feedback ? r[feedback] : ''}
        </p>
        <ul class="code-explain">
          <li>{r.whoHolds}</li>
          <li>{r.policeNeverAsk}</li>
          <li>{r.lost}</li>
          <li>{r.whereToUse}</li>
        </ul>
      </section>
      <KeepCodeChoice kept={isKept(receipt.reportId)} failed={keepFailed} onChange={(keep) => void keepShownCode(keep).then((ok) => setKeepFailed(!ok))} />
      <button
        type="button"
        class="primary no-print"
        onClick={() => {
          forgetReceipt();
          go('/');
        }}
      >
        {r.done}
      </button>
    </div>
  );
}
