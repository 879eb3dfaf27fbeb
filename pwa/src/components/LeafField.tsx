/** Renders any leaf field of a form definition by its kind. */
import type { LeafField as Leaf } from '../../../schemas/form.ts';
import { ChoiceField } from './ChoiceField.tsx';
import { DistrictField } from './DistrictField.tsx';
import type { LeafProps } from './fieldProps.ts';
import { InputField } from './InputField.tsx';
import { PointField } from './PointField.tsx';

export function LeafField(props: LeafProps<Leaf>) {
  const { field } = props;
  switch (field.kind) {
    case 'choice':
      return <ChoiceField {...props} field={field} />;
    case 'district':
      return <DistrictField {...props} field={field} />;
    case 'point':
      return <PointField {...props} field={field} />;
    default:
      return <InputField {...props} field={field} />;
  }
}
