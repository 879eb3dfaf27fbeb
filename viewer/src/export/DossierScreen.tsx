/**
 * "Ouvrir un dossier transmis" (issue 4): an investigator unit opens a forwarded dossier with
 * its own keyring (PROTOCOL §7: the unit's key only, no officer key, so it needs no server).
 * The dossier is opened in memory (export/forward.ts) and read here: each report in plain
 * French, its case file and its conversation, and who forwarded it (signature verified).
 * Closing it locks: keys and content are dropped and the page reloaded.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { DossierBody } from '../../../schemas/dossier.ts';
import type { KeyringFile } from '../../../schemas/keyring.ts';
import { AnswerList } from '../reports/AnswerList.tsx';
import { AttachmentList } from '../reports/AttachmentList.tsx';
import { KeyringPicker } from '../session/KeyringPicker.tsx';
import { Notice } from '../shared/Notice.tsx';
import { PageTitle } from '../shared/PageTitle.tsx';
import { currentLang, useMessages } from '../i18n/index.ts';
import { formatAnswers } from '../reports/answers.ts';
import { historyItem } from '../caseFile/caseFold.ts';
import { formatContext } from '../shared/deployment.ts';
import { dossierOpener, dossierUnavailable } from './dossierAttachments.ts';
import { shortFingerprint } from '../../../client/fingerprint.ts';
import { formatMinute, formatReceived, formatTimestamp } from '../shared/format.ts';
import { DossierOpenError, openDossierWith, openedDossier, readDossierFile, type DossierOpenFailure, type OpenedDossier } from './openDossier.ts';
import { KeyringFileProblem, readKeyringFile } from '../session/keyringFile.ts';
import { loadStoredKeyring } from '../session/keyringStore.ts';
import { lock } from '../session/start.ts';

type Problem = { kind: 'open'; failure: DossierOpenFailure } | { kind: 'keyring'; problem: KeyringFileProblem } | { kind: 'need'; what: 'dossier' | 'keyring' | 'passphrase' };

function DossierReport(props: { r: DossierBody['reports'][number]; i: number; nameOf: (id: string, claimed?: string) => string; dossier: OpenedDossier }) {
  const m = useMessages();
  const lang = currentLang();
  const { r } = props;
  const readable = formatAnswers(r.report, formatContext(lang));
  const received = formatReceived(r.receivedAt, lang);
  const history = r.caseFile.map((e, n) => historyItem({ seq: n + 1, reportId: r.id, storedAt: e.event.at, opened: { event: e.event, officerId: e.officerId }, problem: null }, null).item);
  return (
    <article class="dossier-report" aria-labelledby={`dossier-report-${props.i}`}>
      <h2 id={`dossier-report-${props.i}`}>{m.dossierReportHeading(props.i, received)}</h2>
      {r.report.id !== r.id ? (
        <Notice tone="warning">
          <p>
            <strong>{m.problemShort('id_mismatch')}.</strong> {m.problemLong('id_mismatch')}
          </p>
        </Notice>
      ) : null}
      <p class="mono">{m.metaId} : {r.id}</p>
      <section class={r.report.contact ? 'contact contact-given' : 'contact'} aria-labelledby={`dossier-contact-${props.i}`}>
        <h3 id={`dossier-contact-${props.i}`}>{m.contactHeading}</h3>
        {r.report.contact ? (
          <p class="contact-value">
            <bdi class="text text-multiline">{r.report.contact}</bdi>
          </p>
        ) : (
          <p>{m.contactNone}</p>
        )}
      </section>
      {readable.sections.map((s) => (
        <section key={s.id} class="step" aria-labelledby={`dossier-${props.i}-${s.id}`}>
          <h3 id={`dossier-${props.i}-${s.id}`}>{s.title}</h3>
          <AnswerList answers={s.answers} />
        </section>
      ))}
      {readable.extra.length ? (
        <section class="step step-extra" aria-labelledby={`dossier-${props.i}-extra`}>
          <h3 id={`dossier-${props.i}-extra`}>{m.extraHeading}</h3>
          <AnswerList answers={readable.extra} />
        </section>
      ) : null}
      {/* The bytes come from the dossier file, never from the Worker (docs/attachments.md "Forwarding"). */}
      <AttachmentList
        attachments={r.report.attachments ?? []}
        open={dossierOpener(props.dossier)}
        unavailable={dossierUnavailable(props.dossier, r.blobsLeftOut)}
        idPrefix={`dossier-${props.i}-`}
        level={3}
      />
      <section class="step" aria-labelledby={`dossier-${props.i}-case`}>
        <h3 id={`dossier-${props.i}-case`}>{m.dossierCaseHeading}</h3>
        {history.length ? (
          <ol class="history">
            {history.map((h, n) => (
              <li key={n} class="history-item">
                <p class="history-head">
                  <time dateTime={h.at}>{formatMinute(h.at, lang)}</time> <span class="history-who">{props.nameOf(h.officerId, h.authorName)}</span>{' '}
                  <span class="history-what">{m.historyAction(h, (id) => props.nameOf(id), (iso) => formatReceived(iso, lang))}</span>
                </p>
                {h.type === 'note' && typeof h.detail.text === 'string' ? (
                  <p class="history-note">
                    <bdi class="text text-multiline">{h.detail.text}</bdi>
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
        ) : (
          <p class="muted">{m.dossierNoEvents}</p>
        )}
      </section>
      <section class="step" aria-labelledby={`dossier-${props.i}-messages`}>
        <h3 id={`dossier-${props.i}-messages`}>{m.dossierMessagesHeading}</h3>
        {r.messages.length ? (
          <ol class="thread">
            {r.messages.map((msg) => (
              <li key={msg.seq} class={`msg msg-${msg.from}`}>
                <p class="msg-head">
                  <span class="msg-author">{msg.from === 'reporter' ? m.authorReporter : m.authorPolice}</span>
                  <time class="msg-time" dateTime={msg.at}>
                    {formatMinute(msg.at, lang)}
                  </time>
                </p>
                <p class="msg-body">
                  <bdi class="text text-multiline">{msg.body}</bdi>
                </p>
              </li>
            ))}
          </ol>
        ) : (
          <p class="muted">{m.dossierNoMessages}</p>
        )}
      </section>
    </article>
  );
}

export function DossierScreen() {
  const m = useMessages();
  const lang = currentLang();
  const [dossier, setDossier] = useState<{ json: unknown; name: string } | null>(null);
  const [keyring, setKeyring] = useState<{ file: KeyringFile; name: string } | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const problemRef = useRef<HTMLDivElement>(null);
  const opened = openedDossier.value;

  useEffect(() => {
    let live = true;
    void loadStoredKeyring().then((s) => live && s && setKeyring((k) => k ?? { file: s.file, name: s.name }));
    return () => {
      live = false;
    };
  }, []);
  useEffect(() => {
    if (problem) problemRef.current?.focus();
  }, [problem]);

  if (opened) {
    const b = opened.body;
    const names = new Map<string, string>();
    for (const r of b.reports) for (const e of r.caseFile) if (e.authorName) names.set(e.officerId, e.authorName);
    if (b.fromName) names.set(opened.officerId, b.fromName);
    const nameOf = (id: string, claimed?: string) => m.officerName(claimed || names.get(id), shortFingerprint(id));
    return (
      <section class="dossier" aria-labelledby="page-title">
        <PageTitle title={m.dossierTitle}>{m.dossierReports(b.reports.length)}</PageTitle>
        <Notice tone="success">
          <p>{m.dossierFrom(nameOf(opened.officerId))}</p>
          <p>{m.dossierCreated(formatTimestamp(b.createdAt, lang))}</p>
          <p>
            <bdi>{m.dossierUnit(b.unit)}</bdi>
          </p>
        </Notice>
        <div class="button-row">
          <button type="button" class="button-lock-dark" title={m.dossierCloseHelp} onClick={() => lock()}>
            {m.dossierClose}
          </button>
        </div>
        {b.reports.map((r, i) => (
          <DossierReport key={r.id} r={r} i={i + 1} nameOf={nameOf} dossier={opened} />
        ))}
      </section>
    );
  }

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    if (!dossier) return setProblem({ kind: 'need', what: 'dossier' });
    if (!keyring) return setProblem({ kind: 'need', what: 'keyring' });
    if (!passphrase) return setProblem({ kind: 'need', what: 'passphrase' });
    setProblem(null);
    setBusy(true);
    try {
      await openDossierWith(keyring.file, passphrase, dossier.json);
    } catch (err) {
      setPassphrase('');
      setProblem({ kind: 'open', failure: err instanceof DossierOpenError ? err.reason : 'integrity' });
    } finally {
      setBusy(false);
    }
  };

  const problemText = (p: Problem) => (p.kind === 'open' ? m.dossierFailure(p.failure) : p.kind === 'keyring' ? m.keyringFileProblem(p.problem.kind, p.problem.field) : m.dossierNeed(p.what));

  return (
    <section class="unlock" aria-labelledby="page-title">
      <p class="back">
        <a href="/">
          <span aria-hidden="true">← </span>
          {m.backToUnlock}
        </a>
      </p>
      <PageTitle title={m.dossierTitle}>{m.dossierTitle}</PageTitle>
      <p class="lead">{m.dossierIntro}</p>
      <form noValidate onSubmit={submit}>
        <fieldset disabled={busy}>
          <legend>{m.dossierFileHeading}</legend>
          <p class="field">
            <label for="dossier-file">{m.dossierFileLabel}</label>
            <input
              id="dossier-file"
              type="file"
              class="file-input"
              accept=".json,application/json"
              aria-describedby="dossier-chosen"
              onChange={async (e) => {
                const input = e.currentTarget;
                const file = input.files?.[0];
                input.value = '';
                if (!file) return;
                try {
                  setDossier({ json: await readDossierFile(file), name: file.name });
                  setProblem(null);
                } catch (err) {
                  setDossier(null);
                  setProblem({ kind: 'open', failure: err instanceof DossierOpenError ? err.reason : 'not-a-dossier' });
                }
              }}
            />
          </p>
          <p id="dossier-chosen" class="chosen-keyring">
            {dossier ? m.dossierChosen(dossier.name) : m.dossierNone}
          </p>
        </fieldset>
        <fieldset disabled={busy}>
          <legend>{m.dossierKeyringHeading}</legend>
          <KeyringPicker
            label={m.chooseKeyringFile}
            describedBy="chosen-keyring"
            onFile={async (file) => {
              try {
                setKeyring({ file: await readKeyringFile(file), name: file.name });
                setProblem(null);
              } catch (err) {
                setKeyring(null);
                setProblem({ kind: 'keyring', problem: err instanceof KeyringFileProblem ? err : new KeyringFileProblem('not-keyring') });
              }
            }}
          />
          <p id="chosen-keyring" class="chosen-keyring">
            {keyring ? m.chosenKeyring(keyring.name) : m.noKeyringYet}
          </p>
          <p class="field">
            <label for="dossier-passphrase">{m.dossierPassphraseLabel}</label>
            <input id="dossier-passphrase" type="password" autoComplete="off" autoCapitalize="off" spellcheck={false} value={passphrase} onInput={(e) => setPassphrase(e.currentTarget.value)} />
          </p>
        </fieldset>
        {problem ? (
          <Notice tone="error" live="alert" id="dossier-problem" noticeRef={problemRef}>
            <p>{problemText(problem)}</p>
          </Notice>
        ) : null}
        <div class="button-row">
          <button type="submit" class="button-primary" disabled={busy}>
            {m.dossierOpen}
          </button>
        </div>
        <div role="status" class="progress">
          {busy ? <p class="progress-text">{m.dossierOpening}</p> : null}
        </div>
      </form>
    </section>
  );
}
