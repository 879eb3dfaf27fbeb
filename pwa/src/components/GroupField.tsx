/**
 * A repeatable group (people, vehicles): each item is its own fieldset with a "remove"
 * button; "add" appends an empty item and moves the focus into it.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { GroupField as Group } from '../../../schemas/form.ts';
import { isVisible, type RawItem, type RawLeaf } from '../form/answers.ts';
import { loc, t } from '../i18n/index.ts';
import { ErrorLine, Help } from './FieldLabel.tsx';
import { inputId } from './fieldProps.ts';
import { LeafField } from './LeafField.tsx';

interface GroupProps {
  field: Group;
  items: RawItem[];
  onChange: (items: RawItem[]) => void;
  errors: ReadonlyMap<string, string>;
}

export function GroupField({ field, items, onChange, errors }: GroupProps) {
  // After add: focus the new item's first input; after remove: the "add" button.
  const focusNext = useRef<number | 'add' | null>(null);
  const form = t.value.form;
  useEffect(() => {
    const target = focusNext.current;
    focusNext.current = null;
    if (target === null) return;
    const id = target === 'add' ? inputId(`${field.id}-add`) : inputId(`${field.id}-${target}-${field.fields[0]!.id}`);
    document.getElementById(id)?.focus();
  });
  const setLeaf = (index: number, id: string, value: RawLeaf | undefined) => {
    onChange(items.map((item, i) => (i === index ? withValue(item, id, value) : item)));
  };
  const add = () => {
    focusNext.current = items.length;
    onChange([...items, {}]);
  };
  const remove = (index: number) => {
    focusNext.current = 'add';
    onChange(items.filter((_, i) => i !== index));
  };
  const addPath = `${field.id}-add`;
  return (
    <fieldset class="field group">
      <legend>{loc(field.label)}</legend>
      <Help path={field.id} help={field.help} />
      <ErrorLine path={addPath} error={errors.get(addPath)} />
      {items.length === 0 ? <p class="help">{form.groupNone}</p> : null}
      {items.map((item, index) => (
        <fieldset class="item" key={index}>
          <legend>{form.itemTitle(loc(field.itemLabel), index + 1)}</legend>
          {field.fields
            .filter((inner) => isVisible(inner, item))
            .map((inner) => {
              const path = `${field.id}-${index}-${inner.id}`;
              return <LeafField key={inner.id} field={inner} path={path} value={item[inner.id]} onChange={(v) => setLeaf(index, inner.id, v)} error={errors.get(path)} />;
            })}
          <button type="button" class="secondary" onClick={() => remove(index)}>
            {form.removeItem(loc(field.itemLabel), index + 1)}
          </button>
        </fieldset>
      ))}
      {items.length < field.maxItems ? (
        <button type="button" class="secondary add" id={inputId(addPath)} onClick={add}>
          {loc(field.addLabel)}
        </button>
      ) : (
        <p class="help">{form.groupFull(field.maxItems)}</p>
      )}
    </fieldset>
  );
}

function withValue(item: RawItem, id: string, value: RawLeaf | undefined): RawItem {
  const next = { ...item };
  if (value === undefined) delete next[id];
  else next[id] = value;
  return next;
}
