/**
 * The receipt code (PROTOCOL §4), large and in groups of four, with a spelled-out version
 * for screen readers (a group read as a word would be misheard).
 */
import { t } from '../i18n/index.ts';
import { receiptGroups } from '../services/receipt.ts';

export function ReceiptCode({ code }: { code: string }) {
  const groups = receiptGroups(code);
  return (
    <div class="receipt-code">
      <p class="visually-hidden">
        {t.value.receipt.codeLabel} {groups.map((g) => g.split('').join(' ')).join(', ')}
      </p>
      <p class="code-groups" aria-hidden="true" data-code={code}>
        {groups.map((g, i) => (
          <span key={i} class="code-group">
            {g}
          </span>
        ))}
      </p>
    </div>
  );
}
