/** The town's districts (deployment configuration): radios when few, a list box when many. */
import deployment from 'virtual:deployment';
import type { LeafField } from '../../../schemas/form.ts';
import { t } from '../i18n/index.ts';
import { ChoiceList } from './ChoiceField.tsx';
import { ErrorLine, Help, LabelText } from './FieldLabel.tsx';
import { describedBy, inputId, type LeafProps } from './fieldProps.ts';

const RADIO_LIMIT = 8;

export function DistrictField({ field, path, value, onChange, error }: LeafProps<Extract<LeafField, { kind: 'district' }>>) {
  const options = deployment.districts.features.map((f) => ({ value: f.properties.id, label: f.properties.name }));
  const current = typeof value === 'string' ? value : '';
  if (options.length <= RADIO_LIMIT) {
    return <ChoiceList path={path} label={field.label} help={field.help} required={field.required} multiple={false} options={options} value={current || undefined} onChange={onChange} error={error} />;
  }
  const id = inputId(path);
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={id}>
        <LabelText label={field.label} required={field.required} />
      </label>
      <Help path={path} help={field.help} />
      <ErrorLine path={path} error={error} />
      <select
        id={id}
        name={path}
        value={current}
        aria-describedby={describedBy(path, !!field.help, !!error)}
        aria-invalid={error ? 'true' : undefined}
        onChange={(e) => onChange(e.currentTarget.value || undefined)}
      >
        <option value="">{t.value.form.chooseDistrict}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
