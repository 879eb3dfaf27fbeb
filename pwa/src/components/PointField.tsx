/**
 * A point, only when the resident taps "use my position"; the service rounds it before
 * this component ever sees it. A warning says plainly whose position it is.
 */
import { useState } from 'preact/hooks';
import type { LeafField, Point } from '../../../schemas/form.ts';
import { t } from '../i18n/index.ts';
import { currentPoint, LocationError, type LocationFailure } from '../services/location.ts';
import { ErrorLine, Help, LabelText } from './FieldLabel.tsx';
import { describedBy, inputId, type LeafProps } from './fieldProps.ts';
import { formatPoint } from './format.ts';

const isPoint = (v: unknown): v is Point => !!v && typeof v === 'object' && !Array.isArray(v) && typeof (v as Point).lat === 'number';

export function PointField({ field, path, value, onChange, error }: LeafProps<Extract<LeafField, { kind: 'point' }>>) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<LocationFailure | null>(null);
  const dict = t.value.form.point;
  const locate = async () => {
    setBusy(true);
    setFailure(null);
    try {
      onChange(await currentPoint());
    } catch (e) {
      setFailure(e instanceof LocationError ? e.reason : 'unavailable');
    } finally {
      setBusy(false);
    }
  };
  const point = isPoint(value) ? value : undefined;
  return (
    <fieldset class={error ? 'field point has-error' : 'field point'} aria-describedby={describedBy(path, !!field.help, !!error)}>
      <legend>
        <LabelText label={field.label} required={field.required} />
      </legend>
      <Help path={path} help={field.help} />
      <p class="warning">{dict.warning}</p>
      <ErrorLine path={path} error={error} />
      {point ? (
        <>
          <p class="point-value">
            {dict.set(point.accuracy ?? 0)} {formatPoint(point)}
          </p>
          <button type="button" class="secondary" id={inputId(path)} onClick={() => onChange(undefined)}>
            {dict.remove}
          </button>
        </>
      ) : (
        <button type="button" class="secondary" id={inputId(path)} onClick={() => void locate()} disabled={busy} aria-busy={busy ? 'true' : undefined}>
          {busy ? dict.locating : dict.use}
        </button>
      )}
      <div aria-live="polite">{failure ? <p class="error-message">{dict[failure]}</p> : null}</div>
    </fieldset>
  );
}
