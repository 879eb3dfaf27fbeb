/**
 * Text, number, date and time fields: one labelled input each. Numbers use a text input
 * with a numeric keyboard (no spinner, no silent rounding); long text uses a textarea.
 * No `maxlength`: a pasted text is never cut silently, the check says what is too long.
 */
import type { LeafField } from '../../../schemas/form.ts';
import { ErrorLine, Help, LabelText } from './FieldLabel.tsx';
import { describedBy, inputId, type LeafProps } from './fieldProps.ts';

type InputKinds = Extract<LeafField, { kind: 'text' | 'number' | 'date' | 'time' }>;

export function InputField({ field, path, value, onChange, error }: LeafProps<InputKinds>) {
  const id = inputId(path);
  const text = typeof value === 'string' ? value : '';
  const common = {
    id,
    name: path,
    value: text,
    'aria-describedby': describedBy(path, !!field.help, !!error),
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-required': field.required ? ('true' as const) : undefined,
    onInput: (e: { currentTarget: { value: string } }) => onChange(e.currentTarget.value),
  };
  let input;
  if (field.kind === 'text' && field.multiline) input = <textarea {...common} rows={5} />;
  else if (field.kind === 'text') input = <input {...common} type="text" autocomplete="off" />;
  else if (field.kind === 'number') input = <input {...common} type="text" inputMode="numeric" autocomplete="off" class="narrow" />;
  else input = <input {...common} type={field.kind} class="narrow" />;
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={id}>
        <LabelText label={field.label} required={field.required} />
      </label>
      <Help path={path} help={field.help} />
      <ErrorLine path={path} error={error} />
      {input}
    </div>
  );
}
