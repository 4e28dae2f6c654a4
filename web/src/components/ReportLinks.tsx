/** Downloads of an entity's report card and, in the green zone, its certificate (plain links: the browser saves the PDF). */
import { Anchor, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function ReportLinks({ reportCard, certificate }: { reportCard: string; certificate: string | null }) {
  const { t } = useTranslation();
  return (
    <Group gap="lg" data-testid="report-links">
      <Anchor href={reportCard} download fw={600} data-testid="download-report-card">
        {t('reports.reportCard')}
      </Anchor>
      {certificate !== null && (
        <Anchor href={certificate} download fw={600} data-testid="download-certificate">
          {t('reports.certificate')}
        </Anchor>
      )}
    </Group>
  );
}
