/**
 * Settings kept on this workstation (session/profile.ts): the name shown to colleagues, the
 * idle time before the viewer locks itself, the investigator units kept for forwarding; and
 * this officer's own key fingerprint and role, to compare with an administrator.
 */
import { useState } from 'preact/hooks';
import { Notice } from '../shared/Notice.tsx';
import { PageTitle } from '../shared/PageTitle.tsx';
import { currentLang, useMessages } from '../i18n/index.ts';
import { LOCALE } from '../i18n/lang.ts';
import { fingerprint } from '../../../client/fingerprint.ts';
import { forgetUnit, units } from '../export/units.ts';
import { displayName, DISPLAY_NAME_MAX, IDLE_DEFAULT_MINUTES, IDLE_MAX_MINUTES, IDLE_MIN_MINUTES, idleMinutes, setDisplayName, setIdleMinutes } from './profile.ts';
import { myRole } from '../admin/roster.ts';
import { sessionInfo } from './session.ts';

export function SettingsScreen() {
  const m = useMessages();
  const lang = currentLang();
  const num = (n: number) => new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 2 }).format(n);
  const [name, setName] = useState(displayName.value);
  const [nameSaved, setNameSaved] = useState<string | null>(null);
  const [idle, setIdle] = useState(String(idleMinutes.value));
  const [idleState, setIdleState] = useState<'saved' | 'invalid' | null>(null);
  const info = sessionInfo.value;
  return (
    <section class="settings" aria-labelledby="page-title">
      <PageTitle title={m.settingsTitle}>{m.settingsTitle}</PageTitle>
      <p class="lead">{m.settingsIntro}</p>

      <section class="panel" aria-labelledby="name-heading">
        <h2 id="name-heading">{m.nameHeading}</h2>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setDisplayName(name);
            setName(displayName.value);
            setNameSaved(displayName.value);
          }}
        >
          <p class="field">
            <label for="display-name">{m.nameLabel}</label>
            <input id="display-name" type="text" maxLength={DISPLAY_NAME_MAX} autoComplete="off" aria-describedby="display-name-hint" value={name} onInput={(e) => setName(e.currentTarget.value)} />
          </p>
          <p id="display-name-hint" class="hint">
            {m.nameHint}
          </p>
          <button type="submit" class="button-secondary">
            {m.nameSave}
          </button>
          <p role="status" class="saved">
            {nameSaved !== null ? m.nameSaved(nameSaved) : ''}
          </p>
        </form>
      </section>

      <section class="panel" aria-labelledby="idle-heading">
        <h2 id="idle-heading">{m.idleHeading}</h2>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const value = Number(idle.replace(',', '.'));
            const ok = idle.trim() !== '' && value >= IDLE_MIN_MINUTES && value <= IDLE_MAX_MINUTES && setIdleMinutes(value);
            setIdleState(ok ? 'saved' : 'invalid');
          }}
        >
          <p class="field">
            <label for="idle-minutes">{m.idleLabel}</label>
            <input
              id="idle-minutes"
              type="text"
              inputMode="decimal"
              autoComplete="off"
              class="input-short"
              aria-describedby={idleState === 'invalid' ? 'idle-hint idle-problem' : 'idle-hint'}
              aria-invalid={idleState === 'invalid' ? true : undefined}
              value={idle}
              onInput={(e) => setIdle(e.currentTarget.value)}
            />
          </p>
          <p id="idle-hint" class="hint">
            {m.idleHint(IDLE_DEFAULT_MINUTES)}
          </p>
          {idleState === 'invalid' ? (
            <p id="idle-problem" class="note">
              {m.idleInvalid(num(IDLE_MIN_MINUTES), num(IDLE_MAX_MINUTES))}
            </p>
          ) : null}
          <button type="submit" class="button-secondary">
            {m.idleSave}
          </button>
          <p role="status" class="saved">
            {idleState === 'saved' ? m.idleSaved(num(idleMinutes.value)) : ''}
          </p>
        </form>
      </section>

      <section class="panel" aria-labelledby="key-heading">
        <h2 id="key-heading">{m.myKeyHeading}</h2>
        {info ? <p class="mono">{m.myFingerprint(fingerprint(info.officerId))}</p> : null}
        <p>{m.myRole(myRole.value)}</p>
      </section>

      <section class="panel" aria-labelledby="units-heading">
        <h2 id="units-heading">{m.unitsHeading}</h2>
        <p class="hint">{m.unitsHint}</p>
        {units.value.length ? (
          <ul class="units">
            {units.value.map((u) => (
              <li key={u.kid}>
                <span class="text">{m.unitLine(u.name, fingerprint(u.kid))}</span>{' '}
                <button type="button" class="button-quiet-dark" onClick={() => forgetUnit(u.kid)}>
                  {m.unitRemove(u.name)}
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <Notice tone="info">
            <p>{m.unitsNone}</p>
          </Notice>
        )}
      </section>
    </section>
  );
}
