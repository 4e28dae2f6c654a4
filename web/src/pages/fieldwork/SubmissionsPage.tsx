/** /fieldwork — the sheets of a cycle within the reviewer's scope, by status: the verification queue. */
import { Anchor, Badge, Group, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useSession } from '../../auth/session';
import { SUBMISSION_STATUSES, type SubmissionStatus, type SubmissionSummary } from '../../collect/schemas';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { useCycle } from '../../cycle';
import { usePageTitle } from '../usePageTitle';
import { useSubmissions } from './queries';

export const STATUS_COLOURS: Record<SubmissionStatus, string> = {
  submitted: 'blue',
  verified: 'teal',
  validated: 'green',
  returned: 'orange',
};

export function StatusBadge({ status }: { status: SubmissionStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOURS[status]} variant="light" data-status={status}>
      {t(`collect.state.${status}`)}
    </Badge>
  );
}

export const sheetName = (t: TFunction, s: Pick<SubmissionSummary, 'kind' | 'respondent'>) =>
  `${t(`collect.kinds.${s.kind}`)}${s.respondent ? ` ${s.respondent}` : ''}`;

function isStatus(v: string | null): v is SubmissionStatus {
  return (SUBMISSION_STATUSES as readonly string[]).includes(v ?? '');
}

export function SubmissionsPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('review.title'));
  const { user } = useSession();
  const { cycles } = useCycle();
  const [params, setParams] = useSearchParams();
  // the cycle in fieldwork or review by default: that is where sheets wait
  const open = [...cycles]
    .sort((a, b) => b.year - a.year)
    .find((c) => c.status === 'fieldwork' || c.status === 'review');
  const year = Number(params.get('year')) || open?.year || cycles[0]?.year;
  const fromUrl = params.get('status');
  const status: SubmissionStatus | undefined =
    fromUrl === 'all'
      ? undefined
      : isStatus(fromUrl)
        ? fromUrl
        : user?.role === 'office_head'
          ? 'submitted'
          : 'verified';
  const entity = params.get('entity') ?? '';
  const list = useSubmissions(year, { status, entity: entity.trim() || undefined, page: 1 });
  const set = (k: string, v: string) =>
    setParams((p) => {
      const n = new URLSearchParams(p);
      n.set(k, v);
      return n;
    });
  const when = (iso: string) => new Date(iso).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'id-ID');

  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('review.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('review.intro')}
        </Text>
      </div>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <NativeSelect
          label={t('header.cycle')}
          value={year ? String(year) : ''}
          data={[...cycles]
            .sort((a, b) => b.year - a.year)
            .map((c) => ({ value: String(c.year), label: `${c.year} · ${t(`status.${c.status}`)}` }))}
          onChange={(e) => set('year', e.currentTarget.value)}
          data-testid="review-cycle"
        />
        <NativeSelect
          label={t('review.status')}
          value={status ?? 'all'}
          data={[
            { value: 'all', label: t('common.all') },
            ...SUBMISSION_STATUSES.map((s) => ({ value: s, label: t(`collect.state.${s}`) })),
          ]}
          onChange={(e) => set('status', e.currentTarget.value)}
          data-testid="review-status"
        />
        <TextInput
          label={t('review.entity')}
          value={entity}
          placeholder="32.75"
          onChange={(e) => set('entity', e.currentTarget.value)}
          w={140}
        />
      </Group>
      {!year ? (
        <Text>{t('review.noCycle')}</Text>
      ) : list.isPending ? (
        <Loading />
      ) : list.error ? (
        <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.data.length === 0 ? (
        <Text data-testid="review-empty">{t('review.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={720} type="native">
          <Table striped verticalSpacing="xs" data-testid="review-table">
            <Table.Caption className="visually-hidden">{t('review.caption', { year })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('table.entity')}</Table.Th>
                <Table.Th scope="col">{t('review.unit')}</Table.Th>
                <Table.Th scope="col">{t('review.sheet')}</Table.Th>
                <Table.Th scope="col">{t('review.assessor')}</Table.Th>
                <Table.Th scope="col">{t('review.status')}</Table.Th>
                <Table.Th scope="col" className="num">
                  {t('review.version')}
                </Table.Th>
                <Table.Th scope="col">{t('review.updated')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.data.map((s) => (
                <Table.Tr key={s.id} data-testid="review-row" data-kind={s.kind} data-status={s.status}>
                  <Table.Td className="cell-name">{s.entity.name}</Table.Td>
                  <Table.Td className="cell-name">{s.unit.name}</Table.Td>
                  <Table.Th scope="row">
                    <Anchor component={Link} to={`/fieldwork/submissions/${s.id}`}>
                      {sheetName(t, s)}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>{s.assessor.name ?? t('common.none')}</Table.Td>
                  <Table.Td>
                    <StatusBadge status={s.status} />
                  </Table.Td>
                  <Table.Td className="num">{s.version}</Table.Td>
                  <Table.Td>{when(s.updatedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
