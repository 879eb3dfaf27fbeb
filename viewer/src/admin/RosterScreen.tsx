/**
 * The roster (issue 4, administrators only; an officer gets no roster screen): every officer
 * with role, fingerprint, enrolment and revocation dates; giving the police keys to an
 * officer; revoking one (with the reminder to rotate the police key); and enrolling a new
 * officer from the public key they show (text or file), after comparing its fingerprint.
 */
import { useEffect, useState } from 'preact/hooks';
import type { OfficerItem, Role } from '../../../schemas/api.ts';
import { ConfirmDialog } from '../shared/ConfirmDialog.tsx';
import { Notice } from '../shared/Notice.tsx';
import { useOfficerName } from '../caseFile/officerNames.ts';
import { PageTitle } from '../shared/PageTitle.tsx';
import { currentLang, useMessages } from '../i18n/index.ts';
import { fingerprint } from '../../../client/fingerprint.ts';
import { formatReceived } from '../shared/format.ts';
import {
  enrolOfficer, grantKeys, KeyInputError, myRole, parseOfficerKey, readOfficerKeyFile, refreshRoster, revokeOfficer, roster, rosterFailure, RosterError, type CandidateKey, type KeyProblem, type RosterFailure,
} from './roster.ts';
import { sessionInfo } from '../session/session.ts';

type Outcome = { kind: 'granted'; n: number; who: string } | { kind: 'revoked'; who: string } | { kind: 'enrolled'; fp: string } | { kind: 'failed'; failure: RosterFailure };

function Enrol(props: { onOutcome: (o: Outcome) => void; onEnrolled: (officer: Pick<OfficerItem, 'officerId' | 'publicKey'>) => void }) {
  const m = useMessages();
  const [text, setText] = useState('');
  const [candidate, setCandidate] = useState<CandidateKey | null>(null);
  const [problem, setProblem] = useState<KeyProblem | 'compare' | null>(null);
  const [compared, setCompared] = useState(false);
  const [role, setRole] = useState<Role>('officer');
  const [busy, setBusy] = useState(false);

  const check = async (read: () => Promise<CandidateKey>) => {
    setCandidate(null);
    setCompared(false);
    try {
      setCandidate(await read());
      setProblem(null);
    } catch (e) {
      setProblem(e instanceof KeyInputError ? e.reason : 'not-a-key');
    }
  };

  const enrol = async (e: Event) => {
    e.preventDefault();
    if (!candidate || busy) return;
    if (!compared) return setProblem('compare');
    setBusy(true);
    try {
      await enrolOfficer(candidate.publicKey, role);
      props.onOutcome({ kind: 'enrolled', fp: fingerprint(candidate.officerId) });
      props.onEnrolled(candidate);
      setCandidate(null);
      setText('');
      setCompared(false);
    } catch (err) {
      props.onOutcome({ kind: 'failed', failure: err instanceof RosterError ? err.reason : 'server' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="panel enrol" aria-labelledby="enrol-heading">
      <h2 id="enrol-heading">{m.enrolHeading}</h2>
      <p>{m.enrolIntro}</p>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void check(() => parseOfficerKey(text));
        }}
      >
        <p class="field">
          <label for="enrol-key">{m.enrolKeyLabel}</label>
          <textarea
            id="enrol-key"
            rows={2}
            class="mono"
            spellcheck={false}
            autoComplete="off"
            aria-describedby={problem && problem !== 'compare' ? 'enrol-key-hint enrol-problem' : 'enrol-key-hint'}
            aria-invalid={problem && problem !== 'compare' ? true : undefined}
            value={text}
            onInput={(e) => setText(e.currentTarget.value)}
          />
        </p>
        <p id="enrol-key-hint" class="hint">
          {m.enrolKeyHint}
        </p>
        <p class="field">
          <label for="enrol-key-file">{m.enrolKeyFile}</label>
          <input
            id="enrol-key-file"
            type="file"
            class="file-input"
            accept=".json,application/json"
            onChange={(e) => {
              const input = e.currentTarget;
              const file = input.files?.[0];
              if (file) void check(() => readOfficerKeyFile(file));
              input.value = '';
            }}
          />
        </p>
        <button type="submit" class="button-secondary">
          {m.enrolCheck}
        </button>
      </form>
      {problem && problem !== 'compare' ? (
        <Notice tone="error" live="alert" id="enrol-problem">
          <p>{m.keyProblem(problem)}</p>
        </Notice>
      ) : null}
      {candidate ? (
        <form class="enrol-confirm" noValidate onSubmit={enrol}>
          <p class="fingerprint-label">{m.enrolFingerprint}</p>
          <p class="fingerprint" data-testid="enrol-fingerprint">
            {fingerprint(candidate.officerId)}
          </p>
          {candidate.name ? (
            <p class="hint">
              <bdi>{m.enrolNameClaim(candidate.name)}</bdi>
            </p>
          ) : null}
          <p class="checkbox">
            <input id="enrol-compared" type="checkbox" checked={compared} aria-describedby={problem === 'compare' ? 'enrol-compare-problem' : undefined} onChange={(e) => setCompared(e.currentTarget.checked)} />
            <label for="enrol-compared">{m.enrolCompare}</label>
          </p>
          {problem === 'compare' ? (
            <p id="enrol-compare-problem" class="note" role="alert">
              {m.enrolNeedCompare}
            </p>
          ) : null}
          <fieldset>
            <legend>{m.enrolRoleLegend}</legend>
            <p class="checkbox">
              <input type="radio" id="role-officer" name="role" checked={role === 'officer'} onChange={() => setRole('officer')} />
              <label for="role-officer">{m.enrolRoleOfficer}</label>
            </p>
            <p class="checkbox">
              <input type="radio" id="role-admin" name="role" checked={role === 'admin'} onChange={() => setRole('admin')} />
              <label for="role-admin">{m.enrolRoleAdmin}</label>
            </p>
          </fieldset>
          <button type="submit" class="button-primary" disabled={busy}>
            {busy ? m.enrolling : m.enrolSubmit}
          </button>
        </form>
      ) : null}
    </section>
  );
}

export function RosterScreen() {
  const m = useMessages();
  const lang = currentLang();
  const nameOf = useOfficerName(m);
  const role = myRole.value;
  const list = roster.value;
  const me = sessionInfo.value?.officerId;
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<OfficerItem | null>(null);
  const [justEnrolled, setJustEnrolled] = useState<Pick<OfficerItem, 'officerId' | 'publicKey'> | null>(null);

  useEffect(() => {
    void refreshRoster();
  }, []);

  if (role === 'officer') {
    return (
      <section aria-labelledby="page-title">
        <PageTitle title={m.rosterTitle}>{m.rosterTitle}</PageTitle>
        <Notice tone="info">
          <p>{m.rosterOnlyAdmins}</p>
        </Notice>
      </section>
    );
  }

  const grant = async (o: Pick<OfficerItem, 'officerId' | 'publicKey'>) => {
    setBusy(o.officerId);
    try {
      setOutcome({ kind: 'granted', n: await grantKeys(o), who: nameOf(o.officerId) });
    } catch (e) {
      setOutcome({ kind: 'failed', failure: e instanceof RosterError ? e.reason : 'server' });
    } finally {
      setBusy(null);
    }
  };

  const revoke = async () => {
    const o = revoking;
    if (!o) return;
    setBusy(o.officerId);
    try {
      await revokeOfficer(o.officerId);
      setOutcome({ kind: 'revoked', who: nameOf(o.officerId) });
    } catch (e) {
      setOutcome({ kind: 'failed', failure: e instanceof RosterError ? e.reason : 'server' });
    } finally {
      setBusy(null);
      setRevoking(null);
    }
  };

  const said = outcome && outcome.kind !== 'failed' ? (outcome.kind === 'granted' ? m.granted(outcome.n, outcome.who) : outcome.kind === 'revoked' ? m.revoked(outcome.who) : m.enrolled(outcome.fp)) : '';

  return (
    <section class="roster" aria-labelledby="page-title">
      <PageTitle title={m.rosterTitle}>{m.rosterTitle}</PageTitle>
      <p class="lead">{m.rosterIntro}</p>
      <div role="status" class="roster-status">
        {said ? <p>{said}</p> : null}
      </div>
      {outcome?.kind === 'failed' ? (
        <Notice tone="error" live="alert">
          <p>{m.rosterFailure(outcome.failure)}</p>
        </Notice>
      ) : null}
      {justEnrolled && outcome?.kind === 'enrolled' ? (
        <p>
          <button type="button" class="button-primary" disabled={busy === justEnrolled.officerId} onClick={() => void grant(justEnrolled)}>
            {busy === justEnrolled.officerId ? m.granting : m.grantKeysFor(nameOf(justEnrolled.officerId))}
          </button>
        </p>
      ) : null}
      {rosterFailure.value && !list ? (
        <Notice tone="error" live="alert">
          <p>{m.rosterFailure(rosterFailure.value)}</p>
        </Notice>
      ) : null}
      {!list && !rosterFailure.value ? <p class="muted">{m.rosterLoading}</p> : null}
      {list ? (
        <div class="table-wrap">
          <table class="reports roster-table">
            <caption>{m.rosterCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{m.colOfficer}</th>
                <th scope="col">{m.colRole}</th>
                <th scope="col">{m.colFingerprint}</th>
                <th scope="col">{m.colCreated}</th>
                <th scope="col">{m.colState}</th>
                <th scope="col">{m.colActions}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((o) => {
                const who = nameOf(o.officerId);
                return (
                  <tr key={o.officerId} data-officer-id={o.officerId} class={o.revokedAt ? 'row-revoked' : undefined}>
                    <th scope="row">
                      {who}
                      {o.officerId === me ? ` (${m.officerYou})` : ''}
                    </th>
                    <td>{m.role(o.role)}</td>
                    <td class="mono">{fingerprint(o.officerId)}</td>
                    <td>{formatReceived(o.createdAt, lang)}</td>
                    <td>{o.revokedAt ? m.rosterRevokedOn(formatReceived(o.revokedAt, lang)) : m.rosterActive}</td>
                    <td>
                      {o.revokedAt ? null : (
                        <div class="row-actions">
                          {o.officerId !== me ? (
                            <button type="button" class="button-secondary" disabled={busy === o.officerId} aria-label={m.grantKeysFor(who)} onClick={() => void grant(o)}>
                              {busy === o.officerId ? m.granting : m.grantKeys}
                            </button>
                          ) : null}
                          <button type="button" class="button-danger-outline" disabled={busy === o.officerId} aria-label={m.revokeFor(who)} onClick={() => setRevoking(o)}>
                            {m.revoke}
                          </button>
                        </div>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      {list ? <Enrol onOutcome={setOutcome} onEnrolled={setJustEnrolled} /> : null}
      <ConfirmDialog
        id="revoke-dialog"
        open={revoking !== null}
        title={m.revokeConfirmTitle}
        confirmLabel={m.revokeConfirm}
        busy={busy !== null}
        onConfirm={() => void revoke()}
        onCancel={() => setRevoking(null)}
      >
        <p>{revoking ? m.revokeConfirmText(nameOf(revoking.officerId)) : ''}</p>
        <p>
          <strong>{m.revokeReminder}</strong>
        </p>
      </ConfirmDialog>
    </section>
  );
}
