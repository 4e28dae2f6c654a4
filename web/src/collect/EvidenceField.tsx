/**
 * An item's evidence: photos from the camera or the gallery (redrawn on the device:
 * at most 1600 px, JPEG, EXIF dropped, time and GPS kept beside), and PDF documents.
 * Files live in IndexedDB until they are uploaded, before the sheet is sent.
 */
import { ActionIcon, Anchor, Button, Group, Image, Paper, Stack, Text } from '@mantine/core';
import { type ChangeEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceFile } from './model';
import { currentPosition, EvidenceError, prepareEvidence } from './photo';
import { getEvidence, putEvidence } from './store';

/** A local object URL for a stored file, revoked when the thumbnail goes. */
function useStoredFile(sha256: string): { file: EvidenceFile | null | undefined; url: string | null } {
  const [file, setFile] = useState<EvidenceFile | null | undefined>(undefined);
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    let made: string | null = null;
    void getEvidence(sha256).then((f) => {
      if (!live) return;
      setFile(f ?? null);
      if (f) {
        made = URL.createObjectURL(f.blob);
        setUrl(made);
      }
    });
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [sha256]);
  return { file, url };
}

export function EvidenceThumb({ sha256, onRemove }: { sha256: string; onRemove?: () => void }) {
  const { t, i18n } = useTranslation();
  const { file, url } = useStoredFile(sha256);
  // not on this device (sent from another one, or cleaned up): the server's copy
  const src = url ?? `/api/v1/evidence/${sha256}`;
  const isPdf = file?.mediaType === 'application/pdf';
  const when = file ? new Date(file.capturedAt).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'id-ID') : null;
  return (
    <Paper withBorder p={4} radius="sm" w={112} data-testid="evidence-thumb" data-sha256={sha256}>
      <Stack gap={2}>
        {isPdf ? (
          <Anchor href={src} target="_blank" rel="noopener" size="xs">
            {t('collect.item.document')}: {file?.name}
          </Anchor>
        ) : (
          <Image src={src} alt={file?.name ?? sha256.slice(0, 12)} h={72} fit="cover" radius="xs" />
        )}
        {when && (
          <Text size="10px" lh={1.2} c="dimmed">
            {t('collect.item.capturedAt', { at: when })}
            <br />
            {file?.gps
              ? t('collect.item.gps', { lat: file.gps.lat.toFixed(5), lng: file.gps.lng.toFixed(5) })
              : t('collect.item.noGps')}
          </Text>
        )}
        {onRemove && (
          <ActionIcon variant="subtle" color="red.9" size="sm" aria-label={t('collect.item.remove')} onClick={onRemove}>
            ×
          </ActionIcon>
        )}
      </Stack>
    </Paper>
  );
}

interface Props {
  code: string;
  kind: 'photo' | 'document';
  userId: number;
  evidence: string[];
  disabled: boolean;
  onAdd(sha256: string): void;
  onRemove(sha256: string): void;
}

export function EvidenceField({ code, kind, userId, evidence, disabled, onAdd, onRemove }: Props) {
  const { t } = useTranslation();
  const camera = useRef<HTMLInputElement>(null);
  const gallery = useRef<HTMLInputElement>(null);
  const pdf = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const take = (as: 'photo' | 'document') => async (e: ChangeEvent<HTMLInputElement>) => {
    const files = [...(e.currentTarget.files ?? [])];
    e.currentTarget.value = '';
    if (files.length === 0) return;
    setBusy(true);
    setError(null);
    try {
      // the position when the photo was taken, asked while the photo is redrawn
      const gps = as === 'photo' ? currentPosition() : Promise.resolve(null);
      for (const f of files) {
        const prepared = await prepareEvidence(f, as, userId, await gps);
        await putEvidence(prepared);
        onAdd(prepared.sha256);
      }
    } catch (err) {
      const reason = err instanceof EvidenceError ? err.reason : 'not_image';
      setError(
        t(
          reason === 'not_pdf'
            ? 'collect.item.notPdf'
            : reason === 'too_large'
              ? 'collect.item.tooLarge'
              : 'collect.item.notImage',
        ),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap={6}>
      <Text size="sm" fw={600}>
        {t('collect.item.evidence')}
      </Text>
      {evidence.length > 0 && (
        <Group gap={6}>
          {evidence.map((sha) => (
            <EvidenceThumb key={sha} sha256={sha} onRemove={disabled ? undefined : () => onRemove(sha)} />
          ))}
        </Group>
      )}
      {!disabled && (
        <Group gap={6} grow>
          <Button size="sm" variant="light" loading={busy} onClick={() => camera.current?.click()}>
            {t('collect.item.takePhoto')}
          </Button>
          <Button size="sm" variant="default" disabled={busy} onClick={() => gallery.current?.click()}>
            {t('collect.item.pickPhoto')}
          </Button>
          {kind === 'document' && (
            <Button size="sm" variant="default" disabled={busy} onClick={() => pdf.current?.click()}>
              {t('collect.item.pickPdf')}
            </Button>
          )}
        </Group>
      )}
      <input
        ref={camera}
        type="file"
        accept="image/*"
        capture="environment"
        hidden
        aria-label={t('collect.item.photoInput', { code })}
        data-testid={`photo-input-${code}`}
        onChange={(e) => void take('photo')(e)}
      />
      <input
        ref={gallery}
        type="file"
        accept="image/*"
        multiple
        hidden
        aria-label={t('collect.item.galleryInput', { code })}
        onChange={(e) => void take('photo')(e)}
      />
      {kind === 'document' && (
        <input
          ref={pdf}
          type="file"
          accept="application/pdf"
          hidden
          aria-label={t('collect.item.pdfInput', { code })}
          data-testid={`pdf-input-${code}`}
          onChange={(e) => void take('document')(e)}
        />
      )}
      {busy && (
        <Text size="xs" role="status">
          {t('collect.item.processing')}
        </Text>
      )}
      {error && (
        <Text size="xs" c="red.9" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
}
