/** A report's decryption status as short badges (list) or explained notices (report page). */
import type { ReportFlag } from '../../../schemas/reportFlag.ts';
import { useMessages } from '../i18n/index.ts';

export function ProblemBadges(props: { problems: readonly ReportFlag[] }) {
  const m = useMessages();
  if (!props.problems.length) return <span class="badge badge-ok">{m.statusReadable}</span>;
  return (
    <ul class="badges">
      {props.problems.map((p) => (
        <li key={p} class="badge badge-flag">
          {m.problemShort(p)}
        </li>
      ))}
    </ul>
  );
}

export function ProblemNotices(props: { problems: readonly ReportFlag[]; invalidFields: readonly string[] }) {
  const m = useMessages();
  if (!props.problems.length) return null;
  return (
    <section class="notice notice-warning flagged" aria-labelledby="flagged-heading">
      <h2 id="flagged-heading">{m.flaggedHeading}</h2>
      <ul>
        {props.problems.map((p) => (
          <li key={p}>
            <strong>{m.problemShort(p)}.</strong> {m.problemLong(p)}
            {p === 'invalid_answers' && props.invalidFields.length ? <> {m.invalidFieldsList(props.invalidFields.join(', '))}</> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
