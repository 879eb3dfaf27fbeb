/**
 * After "Envoyer": the report is sealed and in the outbox. Shows its delivery status
 * (aria-live) and the receipt code once (PROTOCOL §4); leaving this screen forgets it.
 */
import { useEffect, useState } from 'preact/hooks';
import { useFocusHeading, useGo } from '../components/navigation.ts';
import { ReceiptCode } from '../components/ReceiptCode.tsx';
import { t } from '../i18n/index.ts';
import { copyText, forgetReceipt, shownReceipt } from '../services/receipt.ts';
import { myReports } from '../services/reportList.ts';

export function Receipt() {
  const go = useGo();
  const heading = useFocusHeading<HTMLHeadingElement>();
  const [copied, setCopied] = useState<boolean | null>(null);
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
      <p class={`delivery status-${status}`} role="status" aria-live="polite" data-status={status}>
        {status === 'rejected' ? dict.status.rejected(entry?.errorCode ?? '?') : dict.status[status]}
      </p>
      <section aria-labelledby="code-heading" class="code-box">
        <h2 id="code-heading">{r.codeHeading}</h2>
        <p class="warning">{r.noteNow}</p>
        <ReceiptCode code={receipt.code} />
        <button type="button" class="secondary" onClick={() => void copyText(receipt.code).then(setCopied)}>
          {r.copy}
        </button>
        <p role="status">{copied === null ? '' : copied ? r.copied : r.copyFailed}</p>
        <ul class="code-explain">
          <li>{r.whoHolds}</li>
          <li>{r.policeNeverAsk}</li>
          <li>{r.notKept}</li>
        </ul>
      </section>
      <button
        type="button"
        class="primary"
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
