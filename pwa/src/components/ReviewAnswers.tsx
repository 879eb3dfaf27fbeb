/**
 * The review: every answer that will be sealed, by step, with a "change" button per step;
 * who can read it (town police, key fingerprint) and what is not sent.
 */
import { fingerprint } from '../../../client/fingerprint.ts';
import type { ReviewRow, ReviewSection, ReviewValue } from '../form/review.ts';
import { loc, t } from '../i18n/index.ts';
import { formatDay, formatPoint, formatTime } from './format.ts';

function Value({ value }: { value: ReviewValue }) {
  switch (value.kind) {
    case 'text':
      return <span class="answer-text">{value.text}</span>;
    case 'number':
      return <>{value.n}</>;
    case 'options':
      return <>{value.labels.map(loc).join(', ')}</>;
    case 'district':
      return <>{value.name}</>;
    case 'date':
      return <>{formatDay(value.iso)}</>;
    case 'time':
      return <>{formatTime(value.hhmm)}</>;
    case 'point': {
      const p = formatPoint(value.point).split(', ');
      return <>{t.value.review.point(p[0]!, p[1]!, value.point.accuracy ?? 0)}</>;
    }
  }
}

function Rows({ rows }: { rows: ReviewRow[] }) {
  return (
    <dl class="answers">
      {rows.map((r) => (
        <div key={r.path}>
          <dt>{loc(r.label)}</dt>
          <dd>
            <Value value={r.value} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

interface ReviewProps {
  sections: ReviewSection[];
  contact: string;
  town: string;
  kid: string;
  exactData: string;
  onEdit: (stepIndex: number) => void;
  stepTitles: string[];
}

export function ReviewAnswers({ sections, contact, town, kid, exactData, onEdit, stepTitles }: ReviewProps) {
  const r = t.value.review;
  return (
    <>
      <p>{r.intro}</p>
      {sections.length === 0 ? <p>{r.empty}</p> : null}
      {sections.map((s) => (
        <section class="review-section" key={s.stepIndex} aria-labelledby={`review-${s.stepIndex}`}>
          <h3 id={`review-${s.stepIndex}`}>{loc(s.title)}</h3>
          {s.rows.map((row) =>
            'items' in row ? (
              <div key={row.path} class="review-group">
                <h4>{loc(row.label)}</h4>
                {row.items.map((item) => (
                  <div key={item.n} class="review-item">
                    <h5>{t.value.form.itemTitle(loc(item.label), item.n)}</h5>
                    <Rows rows={item.rows} />
                  </div>
                ))}
              </div>
            ) : (
              <Rows key={row.path} rows={[row]} />
            ),
          )}
          <button type="button" class="secondary" onClick={() => onEdit(s.stepIndex)}>
            {r.edit(stepTitles[s.stepIndex] ?? '')}
          </button>
        </section>
      ))}
      <section class="review-section" aria-labelledby="review-contact">
        <h3 id="review-contact">{r.contactHeading}</h3>
        <p class="answer-text">{contact.trim() ? contact.trim() : r.noContact}</p>
      </section>
      <section class="recipient" aria-labelledby="review-recipient">
        <h3 id="review-recipient">{r.recipientHeading}</h3>
        <p>{r.recipient(town)}</p>
        <p>
          {r.keyLabel} <code class="kid">{fingerprint(kid)}</code>
        </p>
        <p class="help">{r.keyHelp}</p>
        <p>{r.notSent}</p>
      </section>
      <details class="technical">
        <summary>{r.technical}</summary>
        <pre>{exactData}</pre>
      </details>
    </>
  );
}
