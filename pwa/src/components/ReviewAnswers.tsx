/**
 * The review: every answer that will be sealed, by step, with a "change" button per step;
 * who can read it (town police, key fingerprint) and what is not sent.
 */
import type { Answer, AnswerSection, AnswerValue } from '../../../client/answers.ts';
import { fingerprint } from '../../../client/fingerprint.ts';
import { t } from '../i18n/index.ts';

function Value({ value }: { value: AnswerValue }) {
  switch (value.kind) {
    case 'text':
    case 'raw':
      return <span class="answer-text">{value.text}</span>;
    case 'choice':
      return <>{value.items.map((x) => x.text).join(', ')}</>;
    case 'district':
      return <>{value.text}</>;
    case 'point': {
      const p = value.text.split(', ');
      return <>{t.value.review.point(p[0]!, p[1]!, value.accuracy ?? 0)}</>;
    }
    case 'group':
      return null;
  }
}

function Rows({ answers }: { answers: Answer[] }) {
  return (
    <dl class="answers">
      {answers.map((a) => (
        <div key={a.id}>
          <dt>{a.label}</dt>
          <dd>
            <Value value={a.value} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

interface ReviewProps {
  sections: AnswerSection[];
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
        <section class="review-section" key={s.step} aria-labelledby={`review-${s.step}`}>
          <h3 id={`review-${s.step}`}>{s.title}</h3>
          {s.answers.map((a) =>
            a.value.kind === 'group' ? (
              <div key={a.id} class="review-group">
                <h4>{a.label}</h4>
                {a.value.items.map((item, i) => (
                  <div key={i} class="review-item">
                    <h5>{item.title}</h5>
                    <Rows answers={item.answers} />
                  </div>
                ))}
              </div>
            ) : (
              <Rows key={a.id} answers={[a]} />
            ),
          )}
          <button type="button" class="secondary" onClick={() => onEdit(s.step)}>
            {r.edit(stepTitles[s.step] ?? '')}
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
