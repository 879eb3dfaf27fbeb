/**
 * "Récupérer mes clés" (issue 4): shown on the unlock screen when a keyring holds no police
 * key yet, which is a new officer's case. It says plainly that fetching the grant is the only
 * thing such a keyring can do, and does it (admin/enrolment.ts); the re-wrapped keyring is
 * handed back to the unlock screen, to keep and to unlock.
 */
import { useState } from 'preact/hooks';
import type { KeyringFile } from '../../../schemas/keyring.ts';
import { useMessages } from '../i18n/index.ts';
import { EnrolmentError, recoverKeys, type RecoverFailure } from './enrolment.ts';
import { saveJson } from '../shared/saveFile.ts';
import { Notice } from '../shared/Notice.tsx';

export function GrantRecovery(props: { file: KeyringFile; name: string; passphrase: string; onRecovered: (file: KeyringFile) => Promise<void> }) {
  const m = useMessages();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<RecoverFailure | null>(null);
  const [done, setDone] = useState<{ added: number; total: number; file: KeyringFile } | null>(null);

  const recover = async () => {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    try {
      const r = await recoverKeys(props.file, props.passphrase);
      await props.onRecovered(r.file);
      setDone({ added: r.added, total: r.total, file: r.file });
    } catch (e) {
      setFailure(e instanceof EnrolmentError && e.reason !== 'too-short' && e.reason !== 'differ' ? e.reason : 'server');
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="panel grant-recovery" aria-labelledby="grant-heading">
      <h2 id="grant-heading">{m.grantHeading}</h2>
      <p>{m.grantHelp}</p>
      {done ? null : (
        <button type="button" class="button-primary" disabled={busy} onClick={() => void recover()}>
          {m.recoverButton}
        </button>
      )}
      <div role="status" class="progress">
        {busy ? <p class="progress-text">{m.recovering}</p> : null}
        {done ? <p class="saved">{m.recovered(done.added, done.total)}</p> : null}
      </div>
      {done ? (
        <p>
          <button type="button" class="button-secondary" onClick={() => saveJson(props.name, done.file)}>
            {m.downloadUpdatedKeyring}
          </button>
        </p>
      ) : null}
      {failure ? (
        <Notice tone="error" live="alert">
          <p>{m.recoverFailure(failure)}</p>
        </Notice>
      ) : null}
    </section>
  );
}
