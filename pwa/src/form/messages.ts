/** Turns a {@link FieldError} into the sentence shown next to the field and in the summary. */
import type { LocalizedText } from '../../../schemas/form.ts';
import type { Dict } from '../i18n/fr.ts';
import type { FieldError } from './validate.ts';

export function errorText(e: FieldError, dict: Dict, loc: (t: LocalizedText) => string): string {
  const label = loc(e.label);
  let message: string;
  switch (e.code) {
    case 'required':
      message = dict.errors.required[e.kind](label);
      break;
    case 'too_long':
      message = e.kind === 'contact' ? dict.errors.contactTooLong(e.params!.length!, e.params!.max!) : dict.errors.tooLong(label, e.params!.length!, e.params!.max!);
      break;
    case 'not_integer':
      message = dict.errors.notInteger(label);
      break;
    case 'out_of_range':
      message = dict.errors.outOfRange(label, e.params!.min!, e.params!.max!);
      break;
    case 'bad_date':
      message = dict.errors.badDate(label);
      break;
    case 'bad_time':
      message = dict.errors.badTime(label);
      break;
    case 'unknown_option':
      message = dict.errors.unknownOption(label);
      break;
  }
  return e.item ? dict.errors.inItem(loc(e.item.label), e.item.n, message) : message;
}
