/** Every form the product knows; a deployment enables some of them by id. */
import type { FormDefinition } from '../form.ts';
import { stopDeal } from './stop-deal.ts';
import { stopRodeos } from './stop-rodeos.ts';

export const FORMS: Readonly<Record<string, FormDefinition>> = {
  [stopDeal.id]: stopDeal,
  [stopRodeos.id]: stopRodeos,
};

export type FormId = keyof typeof FORMS;
export { stopDeal, stopRodeos };
