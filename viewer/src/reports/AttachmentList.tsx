/**
 * A report's attachments (PROTOCOL §6): for each, what the sender stated, then on request
 * "Afficher la photo" (only for a stated JPEG/PNG/WebP, and displayed only if the bytes agree)
 * and "Enregistrer la pièce jointe". The name and type are the sender's words: shown as text
 * in <bdi>, never trusted. Every failure is said, in words, where the attachment is listed.
 * Object URLs die with this list (leaving the report page) and on lock.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { claimsInlineImage } from '../../../client/attachmentRules.ts';
import type { BlobLeftOutReason } from '../../../schemas/dossier.ts';
import type { AttachmentRef } from '../../../schemas/report.ts';
import { currentLang, useMessages } from '../i18n/index.ts';
import {
  AttachmentError, imageUrl, openAttachment, revokeAttachmentUrls, saveAttachment, type AttachmentFailure, type OpenedAttachment,
} from './attachments.ts';
import { formatBytes } from '../shared/format.ts';
import { Notice } from '../shared/Notice.tsx';

type Want = 'show' | 'save';

/** Where the bytes come from: the Worker (a report page) by default, or a forwarded dossier file. */
export type AttachmentOpener = (ref: AttachmentRef, n: number) => Promise<OpenedAttachment>;
/** Why an attachment cannot be had at all (a forwarded dossier that does not carry it), or null. */
export type AttachmentUnavailable = (ref: AttachmentRef) => BlobLeftOutReason | 'not-carried' | null;

interface ItemProps {
  ref_: AttachmentRef;
  n: number;
  urls: Set<string>;
  open: AttachmentOpener;
  unavailable: BlobLeftOutReason | 'not-carried' | null;
  idPrefix: string;
  level: 2 | 3;
}

function AttachmentItem(props: ItemProps) {
  const m = useMessages();
  const lang = currentLang();
  const { ref_: a, n, urls } = props;
  const [opened, setOpened] = useState<OpenedAttachment | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<AttachmentFailure | null>(null);
  const [shown, setShown] = useState<string | null>(null);
  const [refused, setRefused] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const headingId = `${props.idPrefix}attachment-${n}`;
  const showable = claimsInlineImage(a.mime);
  const Heading = props.level === 2 ? 'h3' : 'h4';
  const unavailable = props.unavailable;

  async function act(want: Want) {
    if (want === 'show' && shown) {
      revokeAttachmentUrls([shown]);
      urls.delete(shown);
      setShown(null);
      return;
    }
    setFailure(null);
    setSaved(null);
    let o = opened;
    if (!o) {
      setBusy(true);
      try {
        o = await props.open(a, n);
        setOpened(o);
      } catch (e) {
        setFailure(e instanceof AttachmentError ? e.failure : 'unreachable');
        return;
      } finally {
        setBusy(false);
      }
    }
    if (want === 'save') {
      urls.add(saveAttachment(o));
      setSaved(o.fileName);
      return;
    }
    const url = imageUrl(o);
    setRefused(url === null);
    if (url) {
      urls.add(url);
      setShown(url);
    }
  }

  return (
    <li class="attachment">
      <Heading id={headingId}>
        {m.attachmentLabel(n)} <bdi class="text">{a.name ?? m.attachmentUnnamed}</bdi>
      </Heading>
      <p class="muted">
        <bdi class="text">{m.attachmentDeclared(a.mime, formatBytes(a.size, lang))}</bdi>
      </p>
      {opened ? (
        opened.sizeMismatch ? (
          <p class="attachment-size-mismatch">
            <strong>{m.attachmentSizeMismatch(formatBytes(a.size, lang), formatBytes(opened.size, lang))}</strong>
          </p>
        ) : (
          <p>{m.attachmentSize(formatBytes(opened.size, lang))}</p>
        )
      ) : null}
      {unavailable ? (
        <Notice tone="warning">
          <p>{m.dossierAttachmentNotCarried(unavailable)}</p>
        </Notice>
      ) : (
      <p class="button-row attachment-actions">
        {showable ? (
          <button type="button" class="button-secondary" disabled={busy} aria-describedby={headingId} aria-pressed={shown ? 'true' : 'false'} onClick={() => void act('show')}>
            {shown ? m.attachmentHide : m.attachmentShow}
          </button>
        ) : null}{' '}
        <button type="button" class="button-secondary" disabled={busy} aria-describedby={headingId} onClick={() => void act('save')}>
          {m.attachmentSave}
        </button>
      </p>
      )}
      <p role="status" class="attachment-status">
        {busy ? m.attachmentLoading : saved ? m.attachmentSaved(saved) : ''}
      </p>
      {failure ? (
        <Notice tone="error" live="alert">
          <p>{m.attachmentFailure(failure)}</p>
        </Notice>
      ) : null}
      {!showable && !unavailable ? <p class="note">{m.attachmentNotShownType}</p> : null}
      {refused ? (
        <Notice tone="warning" live="alert">
          <p>{m.attachmentNotShownMismatch}</p>
        </Notice>
      ) : null}
      {shown ? <img class="attachment-photo" src={shown} alt={m.attachmentPhotoAlt(n)} /> : null}
    </li>
  );
}

/**
 * `open` and `unavailable` let a forwarded dossier supply the bytes (export/DossierScreen.tsx);
 * `idPrefix` and `level` let several lists sit on one page under report headings of level 2.
 */
export function AttachmentList(props: { attachments: readonly AttachmentRef[]; open?: AttachmentOpener; unavailable?: AttachmentUnavailable; idPrefix?: string; level?: 2 | 3 }) {
  const m = useMessages();
  const prefix = props.idPrefix ?? '';
  const level = props.level ?? 2;
  const Heading = level === 2 ? 'h2' : 'h3';
  const urls = useRef(new Set<string>()).current;
  // Leaving the report page revokes every object URL it made (lock revokes them all).
  useEffect(() => () => revokeAttachmentUrls(urls), []);
  if (!props.attachments.length) return null;
  return (
    <section class="attachments" aria-labelledby={`${prefix}attachments-heading`}>
      <Heading id={`${prefix}attachments-heading`}>{m.attachmentsHeading}</Heading>
      <p class="muted">{m.attachmentsHelp}</p>
      <ul class="attachment-list">
        {props.attachments.map((a, i) => (
          <AttachmentItem
            key={`${i}-${a.blob}`}
            ref_={a}
            n={i + 1}
            urls={urls}
            open={props.open ?? openAttachment}
            unavailable={props.unavailable?.(a) ?? null}
            idPrefix={prefix}
            level={level}
          />
        ))}
      </ul>
    </section>
  );
}
