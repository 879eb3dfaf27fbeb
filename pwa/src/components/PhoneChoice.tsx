/**
 * One phone-privacy choice in Settings (issue Q): a real checkbox, its label, a plain
 * explanation tied to it (`aria-describedby`) and a status line saying what is now set.
 */
interface PhoneChoiceProps {
  id: string;
  label: string;
  explain: string;
  stateOn: string;
  stateOff: string;
  checked: boolean;
  onChange: (on: boolean) => void;
}

export function PhoneChoiceBox({ id, label, explain, stateOn, stateOff, checked, onChange }: PhoneChoiceProps) {
  return (
    <div class="phone-choice">
      <div class="option">
        <input id={id} type="checkbox" checked={checked} aria-describedby={`${id}-explain`} onChange={(e) => onChange(e.currentTarget.checked)} />
        <label for={id}>{label}</label>
      </div>
      <p class="help" id={`${id}-explain`}>
        {explain}
      </p>
      <p role="status" class="keep-state">
        {checked ? stateOn : stateOff}
      </p>
    </div>
  );
}
