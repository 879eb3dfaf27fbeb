/** The fields of one step, visible ones only (`showIf`), each with its error if any. */
import type { FormStep } from '../../../schemas/form.ts';
import { isVisible, type RawAnswers, type RawItem, type RawLeaf } from '../form/answers.ts';
import { GroupField } from './GroupField.tsx';
import { LeafField } from './LeafField.tsx';

interface StepFieldsProps {
  step: FormStep;
  answers: RawAnswers;
  errors: ReadonlyMap<string, string>;
  onChange: (fieldId: string, value: RawLeaf | RawItem[] | undefined) => void;
}

export function StepFields({ step, answers, errors, onChange }: StepFieldsProps) {
  return (
    <>
      {step.fields
        .filter((f) => isVisible(f, answers))
        .map((f) =>
          f.kind === 'group' ? (
            <GroupField key={f.id} field={f} items={Array.isArray(answers[f.id]) ? (answers[f.id] as RawItem[]) : []} onChange={(items) => onChange(f.id, items)} errors={errors} />
          ) : (
            <LeafField key={f.id} field={f} path={f.id} value={answers[f.id] as RawLeaf | undefined} onChange={(v) => onChange(f.id, v)} error={errors.get(f.id)} />
          ),
        )}
    </>
  );
}
