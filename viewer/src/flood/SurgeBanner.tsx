/**
 * The surge banner (issue 7 point 3, docs/surges.md): says when arrivals are abnormal, with
 * the rate, whether the Worker has raised the effort, and leads to the grouped view.
 */
import { useLocation } from 'preact-iso';
import { useMessages } from '../i18n/index.ts';
import { effort, surge } from './flood.ts';
import { VIEW_PATHS } from '../shared/ViewSwitch.tsx';

export function SurgeBanner() {
  const m = useMessages();
  const { path, route } = useLocation();
  const s = surge.value;
  if (!s.abnormal) return null;
  const e = effort.value;
  return (
    <div class="notice notice-warning surge-banner" role="status">
      <p>
        <strong>{m.surgeText(s.recent, s.usual)}</strong>
      </p>
      {e && e.bits > e.base ? <p>{m.surgeEffort(e.bits, e.base)}</p> : null}
      {path !== VIEW_PATHS.groups ? (
        <button type="button" class="button-secondary" onClick={() => route(VIEW_PATHS.groups)}>
          {m.surgeShowGroups}
        </button>
      ) : null}
    </div>
  );
}
