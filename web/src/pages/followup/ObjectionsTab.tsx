/** An entity's objections: the window, the list, and (for its officials while the window is open) a form to file one. */
import { Alert, Anchor, Button, Group, NativeSelect, Paper, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useEntityResult, useUnitDetail } from '../../api/queries';
import { useSession } from '../../auth/session';
import { ErrorNotice, errorMessage } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { useFormat, useLanguage } from '../../format';
import { FeedbackAlert } from '../admin/FeedbackAlert';
import type { Feedback } from '../admin/useAction';
import { mayFileObjection } from './access';
import { type Objection, uploadEvidence, useEntityObjections, useFollowUpActions } from './api';
import { EvidencePicker } from './Evidence';
import { useDates } from './format';
import { ObjectionStatusBadge } from './ObjectionStatusBadge';

function FileForm({ year, code }: { year: number; code: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const lang = useLanguage();
  const navigate = useNavigate();
  const result = useEntityResult(year, code);
  const units = (result.data?.result.units ?? []).filter((u) => u.id !== undefined);
  const [unitId, setUnitId] = useState<number | undefined>(undefined);
  const unit = unitId ?? units[0]?.id;
  const detail = useUnitDetail(year, unit);
  const indicators = (detail.data?.indicators ?? []).filter((i) => i.status !== 'excluded');
  const [indicator, setIndicator] = useState('');
  const [reason, setReason] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const { file: fileObjection } = useFollowUpActions(year, code);
  const chosen = indicators.some((i) => i.code === indicator) ? indicator : (indicators[0]?.code ?? '');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (unit === undefined || !chosen) return;
    setFeedback(null);
    try {
      const evidence = file ? [await uploadEvidence(file)] : [];
      const r = await fileObjection.mutateAsync({
        unitId: unit,
        indicator: chosen,
        reason,
        ...(evidence.length ? { evidence } : {}),
      });
      navigate(`/sanggahan/${r.data.id}`);
    } catch (err) {
      setFeedback({ kind: 'error', text: errorMessage(t, err), error: err });
    }
  };

  if (result.isPending) return <Loading />;
  if (result.error) return <ErrorNotice error={result.error} />;
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} aria-label={t('followUp.objections.file')}>
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('followUp.objections.file')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('followUp.objections.fileIntro')}
        </Text>
        <NativeSelect
          label={t('followUp.objections.unit')}
          data={units.map((u) => ({ value: String(u.id), label: u.name }))}
          value={unit === undefined ? '' : String(unit)}
          onChange={(e) => {
            setUnitId(Number(e.currentTarget.value));
            setIndicator('');
          }}
          data-testid="objection-unit"
        />
        <NativeSelect
          label={t('followUp.objections.indicator')}
          data={indicators.map((i) => ({
            value: i.code,
            label: t('followUp.objections.indicatorOption', {
              code: i.code,
              text: i.text?.[lang] ?? '',
              score: fmt.score(i.score),
            }),
          }))}
          value={chosen}
          onChange={(e) => setIndicator(e.currentTarget.value)}
          disabled={detail.isPending}
          data-testid="objection-indicator"
        />
        <Textarea
          label={t('followUp.objections.reason')}
          placeholder={t('followUp.objections.reasonPlaceholder')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          required
          autosize
          minRows={3}
          data-testid="objection-reason"
        />
        <EvidencePicker value={file} onChange={setFile} testId="objection-evidence" />
        <Group>
          <Button
            type="submit"
            loading={fileObjection.isPending}
            disabled={!reason.trim() || !chosen}
            data-testid="objection-submit"
          >
            {t('followUp.objections.submit')}
          </Button>
        </Group>
        <FeedbackAlert feedback={feedback} />
      </Stack>
    </Paper>
  );
}

export function ObjectionList({
  rows,
  caption,
  showEntity,
}: {
  rows: Objection[];
  caption: string;
  showEntity?: boolean;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const dates = useDates();
  return (
    <Table.ScrollContainer minWidth={600} type="native">
      <Table striped verticalSpacing="xs" data-testid="objection-table">
        <Table.Caption className="visually-hidden">{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {showEntity && <Table.Th scope="col">{t('followUp.objections.entity')}</Table.Th>}
            <Table.Th scope="col">{t('followUp.objections.unit')}</Table.Th>
            <Table.Th scope="col">{t('followUp.objections.indicator')}</Table.Th>
            <Table.Th scope="col">{t('followUp.objections.filter')}</Table.Th>
            <Table.Th scope="col">{t('followUp.objections.filedOn')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((o) => (
            <Table.Tr key={o.id} data-testid="objection-row">
              {showEntity && <Table.Td>{o.entity.name}</Table.Td>}
              <Table.Td>{o.unit.name}</Table.Td>
              <Table.Td className="cell-name">
                <Anchor component={Link} to={`/sanggahan/${o.id}`} fw={600}>
                  {o.indicator.code}
                </Anchor>
                {o.indicator.text && (
                  <Text size="xs" c="dimmed" lineClamp={2}>
                    {o.indicator.text[lang]}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <ObjectionStatusBadge status={o.status} />
              </Table.Td>
              <Table.Td>{dates.at(o.filedAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function ObjectionsTab({ year, code, entity }: { year: number; code: string; entity: string }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const dates = useDates();
  const q = useEntityObjections(year, code);
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorNotice error={q.error} onRetry={() => void q.refetch()} />;
  const { window: w, objections } = q.data;
  return (
    <Stack gap="sm">
      <Alert color={w.open ? 'patuh' : 'gray'} variant="light" data-testid="objection-window">
        {w.open
          ? t('followUp.objections.windowOpen', { date: dates.at(w.closesAt), days: w.days })
          : t('followUp.objections.windowClosed', { reason: w.reason ?? '' })}
      </Alert>
      {mayFileObjection(user) && w.open && <FileForm year={year} code={code} />}
      {objections.length === 0 ? (
        <Text c="dimmed">{t('followUp.objections.none')}</Text>
      ) : (
        <ObjectionList rows={objections} caption={`${t('followUp.objections.title')} ${entity} ${year}`} />
      )}
    </Stack>
  );
}
