/**
 * The town's deployment as built into the viewer (`virtual:deployment`): API origin,
 * districts, forms. Every form the product knows is readable, not only the enabled ones,
 * so that a report sent before a form was switched off still shows its labels.
 */
import deployment from 'virtual:deployment';
import { FORMS } from '../../../schemas/forms/index.ts';
import type { Lang } from '../i18n/lang.ts';
import type { DistrictName, FormatContext } from '../reports/answers.ts';

export { deployment };

export const districtNames: readonly DistrictName[] = deployment.districts.features.map((f) => ({ id: f.properties.id, name: f.properties.name }));
export const districtIds: readonly string[] = districtNames.map((d) => d.id);

export function formatContext(lang: Lang): FormatContext {
  return { forms: FORMS, districts: districtNames, lang };
}
