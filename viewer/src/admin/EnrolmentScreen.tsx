/**
 * "Je suis un nouvel agent : créer mon trousseau" (issue 4 "Roster"), before any unlock: the
 * new officer chooses a passphrase (twice, 12 characters at least), the viewer creates their
 * keyring (admin/enrolment.ts), keeps it wrapped on this workstation and offers it as a
 * download, then shows the public key as text, as a small file and as a QR code, with its
 * fingerprint to compare with the administrator, and what comes next.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { Notice } from '../shared/Notice.tsx';
import { PageTitle } from '../shared/PageTitle.tsx';
import { QrCode } from './QrCode.tsx';
import { useMessages } from '../i18n/index.ts';
import { createOfficerKeyring, EnrolmentError, MIN_PASSPHRASE_CHARS, NEW_KEYRING_NAME, newOfficer, officerKeyCard, type PassphraseProblem } from './enrolment.ts';
import { fingerprint } from '../../../client/fingerprint.ts';
import { DISPLAY_NAME_MAX, displayName, setDisplayName } from '../session/profile.ts';
import { saveJson } from '../shared/saveFile.ts';

export function EnrolmentScreen() {
  const m = useMessages();
  const [name, setName] = useState(displayName.value);
  const [pass, setPass] = useState('');
  const [again, setAgain] = useState('');
  const [problem, setProblem] = useState<PassphraseProblem | 'failed' | null>(null);
  const [busy, setBusy] = useState(false);
  const created = newOfficer.value;
  const problemRef = useRef<HTMLDivElement>(null);
  const doneRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (problem) problemRef.current?.focus();
  }, [problem]);
  useEffect(() => {
    if (created) doneRef.current?.focus();
  }, [created]);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setProblem(null);
    setBusy(true);
    try {
      setDisplayName(name);
      await createOfficerKeyring(pass, again);
      setPass('');
      setAgain('');
    } catch (err) {
      setProblem(err instanceof EnrolmentError && (err.reason === 'too-short' || err.reason === 'differ') ? err.reason : 'failed');
    } finally {
      setBusy(false);
    }
  };

  const back = (
    <p class="back">
      <a href="/">
        <span aria-hidden="true">← </span>
        {m.backToUnlock}
      </a>
    </p>
  );

  if (created) {
    const fp = fingerprint(created.officerId);
    return (
      <section class="enrolment" aria-labelledby="page-title">
        {back}
        <PageTitle title={m.newOfficerTitle}>{m.newOfficerTitle}</PageTitle>
        <Notice tone={created.stored ? 'success' : 'warning'} live="status">
          <p>{created.stored ? m.newCreated : m.newNotStored}</p>
        </Notice>
        <p>
          <button type="button" class="button-secondary" onClick={() => saveJson(NEW_KEYRING_NAME, created.file)}>
            {m.newDownloadKeyring}
          </button>
        </p>
        <section class="panel public-key" aria-labelledby="public-key-heading">
          <h2 id="public-key-heading" ref={doneRef} tabIndex={-1}>
            {m.newPublicKeyHeading}
          </h2>
          <p>{m.newPublicKeyHelp}</p>
          <dl class="answers">
            <div class="answer">
              <dt>{m.newPublicKeyLabel}</dt>
              <dd class="mono" id="new-public-key">
                {created.publicKey}
              </dd>
            </div>
            <div class="answer">
              <dt>{m.newFingerprintLabel}</dt>
              <dd class="fingerprint" id="new-fingerprint">
                {fp}
              </dd>
            </div>
          </dl>
          <p>
            <button type="button" class="button-secondary" onClick={() => saveJson('cle-publique-agent.json', officerKeyCard(created, displayName.value))}>
              {m.newDownloadCard}
            </button>
          </p>
          <figure class="qr-figure">
            <QrCode text={created.publicKey} label={m.qrLabel(fp)} />
            <figcaption class="hint">{m.qrCaption}</figcaption>
          </figure>
        </section>
        <section class="panel" aria-labelledby="next-heading">
          <h2 id="next-heading">{m.newNextHeading}</h2>
          <ol>
            {m.newNextSteps.map((s, i) => (
              <li key={i}>{s}</li>
            ))}
          </ol>
        </section>
      </section>
    );
  }

  return (
    <section class="enrolment" aria-labelledby="page-title">
      {back}
      <PageTitle title={m.newOfficerTitle}>{m.newOfficerTitle}</PageTitle>
      <p class="lead">{m.newOfficerIntro}</p>
      <form noValidate onSubmit={submit}>
        <fieldset disabled={busy}>
          <legend>{m.newOfficerTitle}</legend>
          <p class="field">
            <label for="new-name">{m.newNameLabel}</label>
            <input id="new-name" type="text" maxLength={DISPLAY_NAME_MAX} autoComplete="off" value={name} onInput={(e) => setName(e.currentTarget.value)} />
          </p>
          <p class="field">
            <label for="new-pass">{m.newPassLabel}</label>
            <input
              id="new-pass"
              type="password"
              autoComplete="new-password"
              autoCapitalize="off"
              spellcheck={false}
              aria-describedby="new-pass-hint"
              aria-invalid={problem === 'too-short' ? true : undefined}
              value={pass}
              onInput={(e) => setPass(e.currentTarget.value)}
            />
          </p>
          <p id="new-pass-hint" class="hint">
            {m.newPassHint(MIN_PASSPHRASE_CHARS)}
          </p>
          <p class="field">
            <label for="new-pass-again">{m.newPassAgainLabel}</label>
            <input
              id="new-pass-again"
              type="password"
              autoComplete="new-password"
              autoCapitalize="off"
              spellcheck={false}
              aria-invalid={problem === 'differ' ? true : undefined}
              value={again}
              onInput={(e) => setAgain(e.currentTarget.value)}
            />
          </p>
        </fieldset>
        {problem ? (
          <Notice tone="error" live="alert" id="new-problem" noticeRef={problemRef}>
            <p>{problem === 'failed' ? m.newCreateFailed : m.passphraseProblem(problem, MIN_PASSPHRASE_CHARS)}</p>
          </Notice>
        ) : null}
        <div class="button-row">
          <button type="submit" class="button-primary" disabled={busy}>
            {m.newCreate}
          </button>
        </div>
        <div role="status" class="progress">
          {busy ? (
            <>
              <p class="progress-text">{m.newCreating}</p>
              <p class="progress-help">{m.newCreatingHelp}</p>
            </>
          ) : null}
        </div>
      </form>
    </section>
  );
}
