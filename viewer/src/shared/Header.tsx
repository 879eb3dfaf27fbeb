/**
 * The banner: what this is, which town, how many reports have new answers, the language
 * switch, and the lock button once unlocked.
 */
import { useMessages } from '../i18n/index.ts';
import { AdminNav } from '../admin/AdminNav.tsx';
import { deployment } from './deployment.ts';
import { unreadReportCount } from '../conversation/inbox.ts';
import { lang, setLang } from './preferences.ts';
import { sessionInfo, sessionStatus } from '../session/session.ts';
import { lock } from '../session/start.ts';

export function Header() {
  const m = useMessages();
  const unlocked = sessionStatus.value === 'unlocked';
  const info = sessionInfo.value;
  const other = lang.value === 'fr' ? 'en' : 'fr';
  return (
    <header class="banner">
      <a class="skip-link" href="#main">
        {m.skipToContent}
      </a>
      <div class="banner-inner">
        <p class="brand">
          <span class="brand-name">{m.appName}</span>
          <span class="brand-role">{m.appRole}</span>
          <span class="brand-town">{deployment.town.name}</span>
        </p>
        <div class="banner-actions">
          {unlocked && unreadReportCount.value ? (
            <a class="unread-count" href="/">
              {m.unreadReports(unreadReportCount.value)}
            </a>
          ) : null}
          {unlocked && info ? <span class="officer">{m.signedInAs(info.officerId)}</span> : null}
          <button type="button" class="button-quiet" lang={other} aria-label={m.switchLanguageLabel} onClick={() => setLang(other)}>
            {m.switchLanguage}
          </button>
          {unlocked ? (
            <button type="button" class="button-lock" title={m.lockHelp} onClick={() => lock()}>
              {m.lock}
            </button>
          ) : null}
        </div>
      </div>
      {unlocked ? <AdminNav /> : null}
    </header>
  );
}
