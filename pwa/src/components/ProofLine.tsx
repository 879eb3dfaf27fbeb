/** Whether a report's proof of submission checked out against the pinned key (issue 3). */
import { t } from '../i18n/index.ts';
import type { MyReport } from '../services/reportList.ts';

export function ProofLine({ proof, long = false }: { proof: MyReport['proof']; long?: boolean }) {
  if (!proof) return null;
  const h = t.value.home;
  const r = t.value.receipt;
  if (proof === 'verified') return <p class="proof proof-verified" data-proof="verified">{long ? r.proofVerified : h.proofVerified}</p>;
  if (proof === 'invalid') return <p class="proof proof-invalid" data-proof="invalid">{long ? r.proofInvalid : h.proofInvalid}</p>;
  return <p class="proof help" data-proof="pending">{h.proofPending}</p>;
}
