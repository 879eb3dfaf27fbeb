/** The forms this town offers (deployment configuration), Stop Deal first. */
import deployment from 'virtual:deployment';
import type { FormDefinition } from '../../../schemas/form.ts';
import { FORMS } from '../../../schemas/forms/index.ts';

export function enabledForms(): FormDefinition[] {
  const forms = deployment.forms.map((id) => FORMS[id]).filter((f): f is FormDefinition => !!f);
  return [...forms.filter((f) => f.id === 'stop-deal'), ...forms.filter((f) => f.id !== 'stop-deal')];
}
