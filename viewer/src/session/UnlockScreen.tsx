/**
 * Unlock: choose the keyring (the one stored on this workstation, or a file picked or
 * dropped), type its passphrase, unlock (Argon2id, a second or two). Every failure says
 * in plain words what is wrong (issue 2 "Bad input").
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { KeyringFile } from '../../../schemas/keyring.ts';
import { GrantRecovery } from '../admin/GrantRecovery.tsx';
import { KeyringPicker } from './KeyringPicker.tsx';
import { Notice } from '../shared/Notice.tsx';
import { PageTitle } from '../shared/PageTitle.tsx';
import { currentLang, useMessages } from '../i18n/index.ts';
import { formatTimestamp } from '../shared/format.ts';
import { KeyringFileProblem, readKeyringFile } from './keyringFile.ts';
import { forgetKeyring, loadStoredKeyring, saveKeyring, type StoredKeyring } from './keyringStore.ts';
import { sessionStatus, UnlockError, type UnlockFailure } from './session.ts';
import { unlock } from './start.ts';

interface Chosen {
  file: KeyringFile;
  name: string;
  source: 'stored' | 'picked';
}

type Problem =
  | { kind: 'file'; problem: KeyringFileProblem }
  | { kind: 'unlock'; reason: UnlockFailure; detail?: string }
  | { kind: 'missing'; what: 'keyring' | 'passphrase' };

export function UnlockScreen() {
  const m = useMessages();
  const [stored, setStored] = useState<StoredKeyring | null>(null);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [remember, setRemember] = useState(true);
  const [passphrase, setPassphrase] = useState('');
  const [reveal, setReveal] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [forgotten, setForgotten] = useState(false);
  const [focusTick, setFocusTick] = useState(0);
  const passphraseRef = useRef<HTMLInputElement>(null);
  const problemRef = useRef<HTMLDivElement>(null);
  const busy = sessionStatus.value === 'unlocking';

  useEffect(() => {
    let live = true;
    void loadStoredKeyring().then((s) => {
      if (!live || !s) return;
      setStored(s);
      setChosen((c) => c ?? { file: s.file, name: s.name, source: 'stored' });
    });
    return () => {
      live = false;
    };
  }, []);

  const fail = (p: Problem) => {
    setProblem(p);
    setFocusTick((n) => n + 1);
  };

  // Shown or hidden in place, so that the field keeps its focus and caret.
  useEffect(() => {
    if (passphraseRef.current) passphraseRef.current.type = reveal ? 'text' : 'password';
  }, [reveal]);

  // After the form is enabled again: a wrong passphrase is retyped at once, anything else read first.
  useEffect(() => {
    if (!problem || busy) return;
    const retype = (problem.kind === 'unlock' && problem.reason === 'wrong-passphrase') || (problem.kind === 'missing' && problem.what === 'passphrase');
    (retype ? passphraseRef : problemRef).current?.focus();
  }, [focusTick, busy]);

  const pick = async (file: File) => {
    setProblem(null);
    setForgotten(false);
    try {
      setChosen({ file: await readKeyringFile(file), name: file.name, source: 'picked' });
    } catch (e) {
      setChosen(null);
      if (e instanceof KeyringFileProblem) fail({ kind: 'file', problem: e });
      else fail({ kind: 'file', problem: new KeyringFileProblem('not-keyring') });
    }
  };

  const forget = async () => {
    await forgetKeyring().catch(() => undefined);
    setStored(null);
    setForgotten(true);
    if (chosen?.source === 'stored') setChosen(null);
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    if (!chosen) return fail({ kind: 'missing', what: 'keyring' });
    if (!passphrase) return fail({ kind: 'missing', what: 'passphrase' });
    setProblem(null);
    // Only a keyring that unlocked is kept, and only still wrapped (PROTOCOL §7).
    const keep = chosen.source === 'picked' && remember ? () => saveKeyring(chosen.file, chosen.name) : undefined;
    try {
      await unlock(chosen.file, passphrase, { onVerified: keep });
    } catch (err) {
      // A new officer's keyring (no police key yet) is right, passphrase included: it is kept for "Récupérer mes clés".
      if (!(err instanceof UnlockError && err.reason === 'no-police-keys')) setPassphrase('');
      if (err instanceof UnlockError) fail({ kind: 'unlock', reason: err.reason, detail: err.detail });
      else fail({ kind: 'unlock', reason: 'crypto-unavailable' });
    }
  };

  const problemText = (p: Problem): string =>
    p.kind === 'file' ? m.keyringFileProblem(p.problem.kind, p.problem.field) : p.kind === 'unlock' ? m.unlockFailure(p.reason) : p.what === 'keyring' ? m.needKeyring : m.needPassphrase;

  return (
    <section class="unlock" aria-labelledby="page-title">
      <PageTitle title={m.unlockTitle}>{m.unlockTitle}</PageTitle>
      <p class="lead">{m.unlockIntro}</p>

      <form class="unlock-form" onSubmit={submit} noValidate>
        <fieldset disabled={busy}>
          <legend>{m.keyringHeading}</legend>
          {stored ? (
            <div class="stored-keyring">
              <p>{m.storedKeyring(stored.name, formatTimestamp(stored.savedAt, currentLang()))}</p>
              <div class="button-row">
                {chosen?.source !== 'stored' ? (
                  <button type="button" class="button-secondary" onClick={() => setChosen({ file: stored.file, name: stored.name, source: 'stored' })}>
                    {m.useStoredKeyring}
                  </button>
                ) : null}
                <button type="button" class="button-secondary" onClick={forget}>
                  {m.forgetStoredKeyring}
                </button>
              </div>
            </div>
          ) : null}
          {forgotten ? (
            <Notice tone="info" live="status">
              {m.forgottenKeyring}
            </Notice>
          ) : null}
          <KeyringPicker label={stored ? m.chooseOtherKeyringFile : m.chooseKeyringFile} onFile={pick} describedBy="chosen-keyring" />
          <p id="chosen-keyring" class="chosen-keyring">
            {chosen ? m.chosenKeyring(chosen.name) : m.noKeyringYet}
          </p>
          {chosen?.source === 'picked' ? (
            <p class="checkbox">
              <input id="remember-keyring" type="checkbox" checked={remember} onChange={(e) => setRemember(e.currentTarget.checked)} />
              <label for="remember-keyring">{m.rememberKeyring}</label>
            </p>
          ) : null}
        </fieldset>

        <fieldset disabled={busy}>
          <legend>{m.passphraseHeading}</legend>
          <p class="field">
            <label for="passphrase">{m.passphraseLabel}</label>
            <input
              id="passphrase"
              ref={passphraseRef}
              type="password"
              autoComplete="off"
              autoCapitalize="off"
              spellcheck={false}
              value={passphrase}
              aria-invalid={problem?.kind === 'unlock' && problem.reason === 'wrong-passphrase' ? true : undefined}
              aria-describedby={problem ? 'unlock-problem' : undefined}
              onInput={(e) => setPassphrase(e.currentTarget.value)}
            />
          </p>
          <p class="checkbox">
            <input id="reveal-passphrase" type="checkbox" checked={reveal} onChange={(e) => setReveal(e.currentTarget.checked)} />
            <label for="reveal-passphrase">{m.showPassphrase}</label>
          </p>
        </fieldset>

        {problem ? (
          <Notice tone="error" live="alert" id="unlock-problem" noticeRef={problemRef}>
            <p>{problemText(problem)}</p>
            {problem.kind === 'unlock' && problem.detail ? <p class="detail">{m.technicalDetail(problem.detail)}</p> : null}
            {problem.kind === 'unlock' && problem.reason === 'no-officer-key' ? <p>{m.unitKeyringHint}</p> : null}
          </Notice>
        ) : null}
        {problem?.kind === 'unlock' && problem.reason === 'no-police-keys' && chosen ? (
          <GrantRecovery
            file={chosen.file}
            name={chosen.name}
            passphrase={passphrase}
            onRecovered={async (file) => {
              // Kept as the unlocked file would be: replacing the stored one, or if "keep" is ticked.
              if (chosen.source === 'stored' || remember) setStored(await saveKeyring(file, chosen.name).catch(() => stored));
              setChosen({ file, name: chosen.name, source: chosen.source });
            }}
          />
        ) : null}

        <div class="button-row">
          <button type="submit" class="button-primary" disabled={busy} aria-describedby={busy ? 'unlock-progress' : undefined}>
            {m.unlockButton}
          </button>
        </div>
        <div id="unlock-progress" role="status" class="progress">
          {busy ? (
            <>
              <p class="progress-text">{m.unlocking}</p>
              <p class="progress-help">{m.unlockingHelp}</p>
            </>
          ) : null}
        </div>
      </form>

      <section class="other-actions" aria-labelledby="other-actions-heading">
        <h2 id="other-actions-heading">{m.otherActionsHeading}</h2>
        <ul>
          <li>
            <a href="/new-officer">{m.newOfficerLink}</a>
          </li>
          <li>
            <a href="/dossier">{m.openDossierLink}</a>
          </li>
        </ul>
      </section>
    </section>
  );
}
