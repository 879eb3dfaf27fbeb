/**
 * The banner's links to the case-file and administration screens: what expires soon (with
 * its count), the roster (administrators only: an officer sees no roster link) and the
 * settings. The current screen is marked for screen readers.
 */
import { useLocation } from 'preact-iso';
import { useMessages } from '../i18n/index.ts';
import { expiringSoon } from './retention.ts';
import { myRole } from './roster.ts';

export function AdminNav() {
  const m = useMessages();
  const { path } = useLocation();
  const n = expiringSoon.value.length;
  const link = (href: string, text: string) => (
    <li>
      <a href={href} aria-current={path === href ? 'page' : undefined}>
        {text}
      </a>
    </li>
  );
  return (
    <nav class="admin-nav" aria-label={m.navLabel}>
      <ul>
        {link('/', m.navReports)}
        {link('/expiring', n ? `${m.navExpiring} (${n})` : m.navExpiring)}
        {myRole.value === 'admin' ? link('/officers', m.navRoster) : null}
        {link('/settings', m.navSettings)}
      </ul>
    </nav>
  );
}
