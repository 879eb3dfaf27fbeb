/** What every field component receives from the step that renders it. */
import type { LeafField } from '../../../schemas/form.ts';
import type { RawLeaf } from '../form/answers.ts';

export interface LeafProps<F extends LeafField = LeafField> {
  field: F;
  /** DOM-safe path (`place`, `people-0-count`): ids are `f-<path>`, `e-<path>`, `h-<path>`. */
  path: string;
  value: RawLeaf | undefined;
  onChange: (value: RawLeaf | undefined) => void;
  /** The error sentence, when the step has been checked and this field is wrong. */
  error?: string | undefined;
}

export const inputId = (path: string) => `f-${path}`;
export const errorId = (path: string) => `e-${path}`;
export const helpId = (path: string) => `h-${path}`;

/** `aria-describedby` for a field: its help, then its error (only those shown). */
export function describedBy(path: string, hasHelp: boolean, hasError: boolean): string | undefined {
  const ids = [hasHelp ? helpId(path) : '', hasError ? errorId(path) : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}
