/**
 * Picks a keyring file with the file chooser (keyboard, screen reader) or by dropping it
 * on the zone (mouse). Reading the file is the caller's job, through a service.
 */
import { useState } from 'preact/hooks';
import { useMessages } from '../i18n/index.ts';

export function KeyringPicker(props: { label: string; onFile: (file: File) => void; describedBy?: string }) {
  const m = useMessages();
  const [over, setOver] = useState(false);
  const take = (files: FileList | null | undefined) => {
    const file = files?.[0];
    if (file) props.onFile(file);
  };
  return (
    <div
      class={over ? 'dropzone dropzone-over' : 'dropzone'}
      role="group"
      aria-label={m.dropZoneLabel}
      onDragEnter={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragOver={(e) => {
        e.preventDefault();
        if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        take(e.dataTransfer?.files);
      }}
    >
      <label class="file-label" for="keyring-file">
        {props.label}
      </label>
      <input
        id="keyring-file"
        class="file-input"
        type="file"
        accept=".json,application/json"
        aria-describedby={props.describedBy}
        onChange={(e) => {
          const input = e.currentTarget;
          take(input.files);
          // Picking the same file again must fire `change` again.
          input.value = '';
        }}
      />
      <p class="dropzone-hint">{m.dropKeyringHere}</p>
    </div>
  );
}
