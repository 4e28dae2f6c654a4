/**
 * Upload answers or published results (CSV/XLSX) into the current cycle. A rejected
 * file shows its row-numbered errors here, and the page says nothing was imported.
 */
import { Alert, Button, FileInput, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../../api/http';
import { importReportSchema } from '../../api/schemas';
import { useCycle } from '../../cycle';
import { usePageTitle } from '../usePageTitle';
import { FeedbackAlert } from './FeedbackAlert';
import { useAction } from './useAction';

type Kind = 'answers' | 'results';

function ReportView({ report }: { report: Record<string, unknown> }) {
  const { t } = useTranslation();
  const entries = Object.entries(report).filter(([, v]) => typeof v === 'number' || typeof v === 'string');
  return (
    <Table data-testid="import-report" verticalSpacing={4} maw={480}>
      <Table.Caption className="visually-hidden">{t('admin.imports.report')}</Table.Caption>
      <Table.Tbody>
        {entries.map(([k, v]) => (
          <Table.Tr key={k}>
            <Table.Th scope="row">{k}</Table.Th>
            <Table.Td>{String(v)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function RowErrors({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!isApiError(error) || error.code !== 'IMPORT_REJECTED') return null;
  const rows = error.rowErrors;
  return (
    <Stack gap="xs" data-testid="import-rejected">
      <Alert color="red" role="alert" title={t('admin.imports.rejected')}>
        <Text size="sm">{error.message}</Text>
        <Text size="sm">{t('admin.imports.rejectedHint')}</Text>
      </Alert>
      {rows.length > 0 && (
        <Table.ScrollContainer minWidth={320} mah={480} type="native">
          <Table striped verticalSpacing={4} data-testid="import-errors">
            <Table.Caption className="visually-hidden">{t('admin.imports.errorsCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" className="num">
                  {t('admin.imports.row')}
                </Table.Th>
                <Table.Th scope="col">{t('admin.imports.column')}</Table.Th>
                <Table.Th scope="col">{t('admin.imports.message')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={`${r.row ?? 'file'}-${r.column ?? ''}-${r.message}`} data-testid="import-error-row">
                  <Table.Td className="num">{r.row ?? t('common.none')}</Table.Td>
                  <Table.Td>{r.column ?? t('common.none')}</Table.Td>
                  <Table.Td>{r.message}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

export function ImportsAdminPage() {
  const { t } = useTranslation();
  usePageTitle(t('admin.imports.title'));
  const { year } = useCycle();
  const [kind, setKind] = useState<Kind>('answers');
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<Record<string, unknown> | null>(null);
  const upload = useAction(
    ({ kind: k, file: f }: { kind: Kind; file: File }) => {
      const body = new FormData();
      body.append('file', f, f.name);
      return api(`/cycles/${year}/imports/${k}`, importReportSchema, { method: 'POST', body });
    },
    { invalidate: [['results'], ['entity-result'], ['unit']], success: () => t('admin.imports.success') },
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setReport(null);
    upload.run({ kind, file }, { onSuccess: (r) => setReport(r.data) });
  };
  const rejected =
    upload.feedback?.kind === 'error' &&
    isApiError(upload.feedback.error) &&
    upload.feedback.error.code === 'IMPORT_REJECTED';
  return (
    <Stack gap="lg">
      <Title order={1}>{t('admin.imports.title')}</Title>
      {year !== undefined && <Text size="sm">{t('admin.imports.intro', { year })}</Text>}
      <Paper withBorder p="md" component="form" onSubmit={submit}>
        <Stack gap="sm" maw={520}>
          <div>
            <Text size="sm" fw={500} id="import-kind-label" mb={4}>
              {t('admin.imports.kind')}
            </Text>
            <SegmentedControl
              aria-labelledby="import-kind-label"
              value={kind}
              onChange={(v) => setKind(v === 'results' ? 'results' : 'answers')}
              data={[
                { value: 'answers', label: t('admin.imports.answers') },
                { value: 'results', label: t('admin.imports.results') },
              ]}
            />
            <Text size="xs" c="dimmed" mt={4}>
              {kind === 'answers' ? t('admin.imports.helpAnswers') : t('admin.imports.helpResults')}
            </Text>
          </div>
          <FileInput
            label={t('admin.imports.file')}
            placeholder={t('admin.imports.filePlaceholder')}
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            value={file}
            onChange={setFile}
            clearable
            required
            data-testid="import-file"
          />
          <Button
            type="submit"
            disabled={!file || year === undefined}
            loading={upload.pending}
            data-testid="import-submit"
          >
            {t('admin.imports.upload')}
          </Button>
        </Stack>
      </Paper>
      {rejected ? <RowErrors error={upload.feedback?.error} /> : <FeedbackAlert feedback={upload.feedback} />}
      {report && <ReportView report={report} />}
    </Stack>
  );
}
