/**
 * A choice as a fieldset of large radio buttons or checkboxes. The first input carries
 * the field's id, so the error summary can focus it. An optional single choice can be
 * cleared again (a radio cannot be unticked by itself).
 */
import type { LeafField, LocalizedText } from '../../../schemas/form.ts';
import { loc, t } from '../i18n/index.ts';
import { ErrorLine, Help, LabelText } from './FieldLabel.tsx';
import { describedBy, inputId, type LeafProps } from './fieldProps.ts';

export interface ChoiceOption {
  value: string;
  label: string;
}

interface ChoiceProps {
  path: string;
  label: LocalizedText;
  help?: LocalizedText | undefined;
  required?: boolean | undefined;
  /** Offer "clear this choice" on a single choice (default: when not required). */
  clearable?: boolean | undefined;
  multiple: boolean;
  options: ChoiceOption[];
  value: string | string[] | undefined;
  onChange: (value: string | string[] | undefined) => void;
  error?: string | undefined;
}

export function ChoiceList({ path, label, help, required, clearable = !required, multiple, options, value, onChange, error }: ChoiceProps) {
  const chosen = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
  const toggle = (v: string, checked: boolean) => {
    if (!multiple) return onChange(v);
    const next = checked ? [...chosen, v] : chosen.filter((c) => c !== v);
    onChange(next);
  };
  return (
    <fieldset class={error ? 'field choice has-error' : 'field choice'} aria-describedby={describedBy(path, !!help, !!error)}>
      <legend>
        <LabelText label={label} required={required} />
      </legend>
      <Help path={path} help={help} />
      <ErrorLine path={path} error={error} />
      <div class="options">
        {options.map((o, i) => {
          const id = i === 0 ? inputId(path) : `${inputId(path)}--${o.value}`;
          return (
            <div class="option" key={o.value}>
              <input
                id={id}
                type={multiple ? 'checkbox' : 'radio'}
                name={path}
                value={o.value}
                checked={chosen.includes(o.value)}
                aria-invalid={error ? 'true' : undefined}
                onChange={(e) => toggle(o.value, e.currentTarget.checked)}
              />
              <label for={id}>{o.label}</label>
            </div>
          );
        })}
      </div>
      {!multiple && clearable && chosen.length > 0 ? (
        <button type="button" class="link-button" onClick={() => onChange(undefined)}>
          {t.value.form.clearChoice}
        </button>
      ) : null}
    </fieldset>
  );
}

export function ChoiceField({ field, path, value, onChange, error }: LeafProps<Extract<LeafField, { kind: 'choice' }>>) {
  return (
    <ChoiceList
      path={path}
      label={field.label}
      help={field.help}
      required={field.required}
      multiple={!!field.multiple}
      options={field.options.map((o) => ({ value: o.value, label: loc(o.label) }))}
      value={typeof value === 'string' || Array.isArray(value) ? value : undefined}
      onChange={onChange}
      error={error}
    />
  );
}
