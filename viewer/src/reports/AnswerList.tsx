/**
 * Labelled answers as a description list; groups (people, vehicles) as sub-lists.
 * Report content is hostile: every value is a text node, isolated for bidirectional text
 * (<bdi>) so that a right-to-left override cannot reorder what follows it.
 */
import type { Answer, AnswerValue } from '../../../client/answers.ts';
import { useMessages } from '../i18n/index.ts';

function Value(props: { value: AnswerValue }) {
  const m = useMessages();
  const v = props.value;
  switch (v.kind) {
    case 'text':
      return <bdi class={v.multiline ? 'text text-multiline' : 'text'}>{v.text}</bdi>;
    case 'raw':
      return <bdi class="text text-raw">{v.text}</bdi>;
    case 'district':
      return (
        <>
          <bdi class="text">{v.text}</bdi>
          {v.known ? null : <span class="note"> {m.unknownDistrict}</span>}
        </>
      );
    case 'choice':
      return v.items.length === 1 ? (
        <>
          <bdi class="text">{v.items[0]!.text}</bdi>
          {v.items[0]!.known ? null : <span class="note"> {m.unknownChoice}</span>}
        </>
      ) : (
        <ul class="choices">
          {v.items.map((item, i) => (
            <li key={i}>
              <bdi class="text">{item.text}</bdi>
              {item.known ? null : <span class="note"> {m.unknownChoice}</span>}
            </li>
          ))}
        </ul>
      );
    case 'point':
      return (
        <>
          <span class="text coordinates">{v.text}</span>
          {v.accuracy !== undefined ? <span class="hint"> {m.pointAccuracy(v.accuracy)}</span> : null}
        </>
      );
    case 'group':
      return (
        <ol class="group">
          {v.items.map((item, i) => (
            <li key={i}>
              <p class="group-title">{item.title}</p>
              <AnswerList answers={item.answers} />
            </li>
          ))}
        </ol>
      );
  }
}

export function AnswerList(props: { answers: readonly Answer[] }) {
  const m = useMessages();
  if (!props.answers.length) return <p class="muted">{m.noAnswers}</p>;
  return (
    <dl class="answers">
      {props.answers.map((a, i) => (
        <div key={`${a.id}-${i}`} class={a.invalid ? 'answer answer-invalid' : 'answer'}>
          <dt>
            <bdi>{a.label}</bdi>
            {a.invalid ? <span class="note"> {m.invalidAnswer}</span> : null}
          </dt>
          <dd>
            <Value value={a.value} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
