/** Evidence: a file picker that uploads on submit, and links to the files already attached. */
import { Anchor, FileInput, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { apiUrl } from '../../api/http';

const ACCEPT = 'image/jpeg,image/png,image/webp,application/pdf';

export function EvidencePicker({
  value,
  onChange,
  testId,
}: {
  value: File | null;
  onChange(f: File | null): void;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <FileInput
      label={t('followUp.evidence.label')}
      placeholder={t('followUp.evidence.placeholder')}
      accept={ACCEPT}
      value={value}
      onChange={onChange}
      clearable
      data-testid={testId}
    />
  );
}

export function EvidenceLinks({ hashes }: { hashes: readonly string[] }) {
  const { t } = useTranslation();
  if (hashes.length === 0) return null;
  return (
    <Group gap="sm">
      {hashes.map((h, i) => (
        <Anchor
          key={h}
          href={apiUrl(`/evidence/${h}`)}
          target="_blank"
          rel="noopener"
          size="sm"
          data-testid="evidence-link"
        >
          {t('followUp.evidence.file', { n: i + 1 })}
        </Anchor>
      ))}
    </Group>
  );
}
