/**
 * The views of the same reports: the list, its groups of near-identical reports, the hotspots,
 * the map and charts.
 * The criteria stay as they are from one view to the next (reports/filters.ts).
 */
import { useLocation } from 'preact-iso';
import { useMessages } from '../i18n/index.ts';

export const VIEW_PATHS = { list: '/', groups: '/groups', hotspots: '/hotspots', map: '/map' } as const;

export function ViewSwitch() {
  const m = useMessages();
  const { path } = useLocation();
  const views = [
    { href: VIEW_PATHS.list, label: m.viewList },
    { href: VIEW_PATHS.groups, label: m.viewGroups },
    { href: VIEW_PATHS.hotspots, label: m.viewHotspots },
    { href: VIEW_PATHS.map, label: m.viewMap },
  ];
  return (
    <nav class="view-switch" aria-label={m.viewSwitchLabel}>
      <ul>
        {views.map((v) => (
          <li key={v.href}>
            <a href={v.href} aria-current={path === v.href ? 'page' : undefined}>
              {v.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
