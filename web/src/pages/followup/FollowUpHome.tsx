/**
 * /tindak-lanjut: an entity official goes straight to its entity; the Ombudsman's
 * staff see the objections waiting for them, the follow-up progress per entity, and
 * can open any entity in their scope.
 */
import { Alert, Anchor, SegmentedControl, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { useEntities } from '../../api/queries';
import { useSession } from '../../auth/session';
import { CategoryBadge } from '../../components/badges';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { useCycle } from '../../cycle';
import { useFormat } from '../../format';
import { usePageTitle } from '../usePageTitle';
import { maySeeProgress } from './access';
import { type Progress, useInbox, useProgress } from './api';
import { useDates } from './format';
import { ObjectionList } from './ObjectionsTab';

export const entityFollowUpPath = (year: number, code: string, tab?: string) =>
  `/tindak-lanjut/${year}/${encodeURIComponent(code)}${tab ? `?tab=${tab}` : ''}`;

function Inbox({ year }: { year: number }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<'open' | ''>('open');
  const q = useInbox(year, status);
  return (
    <Stack gap="xs" component="section" aria-labelledby="inbox-heading">
      <Title order={2} size="h3" id="inbox-heading">
        {t('followUp.objections.inbox')}
      </Title>
      <div>
        <VisuallyHidden id="inbox-filter">{t('followUp.objections.filter')}</VisuallyHidden>
        <SegmentedControl
          size="xs"
          aria-labelledby="inbox-filter"
          value={status}
          onChange={(v) => setStatus(v === 'open' ? 'open' : '')}
          data={[
            { value: 'open', label: t('followUp.objections.status.open') },
            { value: '', label: t('followUp.objections.all') },
          ]}
        />
      </div>
      {q.isPending && <Loading />}
      {q.error && <ErrorNotice error={q.error} onRetry={() => void q.refetch()} />}
      {q.data && q.data.data.length === 0 && <Text c="dimmed">{t('followUp.objections.inboxNone')}</Text>}
      {q.data && q.data.data.length > 0 && (
        <ObjectionList rows={q.data.data} caption={t('followUp.objections.inboxCaption', { year })} showEntity />
      )}
    </Stack>
  );
}

function ProgressTable({ year, rows }: { year: number; rows: Progress[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const dates = useDates();
  return (
    <Table.ScrollContainer minWidth={640} type="native">
      <Table striped verticalSpacing="xs" data-testid="progress-table">
        <Table.Caption className="visually-hidden">{t('followUp.progress.caption', { year })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('followUp.progress.entity')}</Table.Th>
            <Table.Th scope="col" className="num">
              {t('table.score')}
            </Table.Th>
            <Table.Th scope="col" className="num">
              {t('followUp.progress.items')}
            </Table.Th>
            <Table.Th scope="col" className="num">
              {t('followUp.progress.percent')}
            </Table.Th>
            <Table.Th scope="col" className="num">
              {t('followUp.progress.sessions')}
            </Table.Th>
            <Table.Th scope="col">{t('followUp.progress.last')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.entity.code} data-testid="progress-row">
              <Table.Th scope="row" className="cell-name" fw={500}>
                <Anchor component={Link} to={entityFollowUpPath(year, r.entity.code)} fw={600}>
                  {r.entity.name}
                </Anchor>
              </Table.Th>
              <Table.Td className="num">
                {fmt.score(r.score)} {r.category && <CategoryBadge category={r.category} size="sm" />}
              </Table.Td>
              <Table.Td className="num">
                {fmt.int(r.done)}/{fmt.int(r.total)}
                {r.inProgress > 0 && ` (+${fmt.int(r.inProgress)})`}
              </Table.Td>
              <Table.Td className="num">{r.percentDone === null ? '—' : `${fmt.score(r.percentDone)}%`}</Table.Td>
              <Table.Td className="num">{fmt.int(r.mentoringSessions)}</Table.Td>
              <Table.Td>{dates.at(r.lastActivityAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function EntityFinder({ year }: { year: number }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 250);
  const found = useEntities({ q: debounced.trim() || undefined }, debounced.trim().length >= 2);
  return (
    <Stack gap="xs" component="section" aria-labelledby="finder-heading">
      <Title order={2} size="h3" id="finder-heading">
        {t('followUp.pickEntity')}
      </Title>
      <TextInput
        type="search"
        label={t('followUp.search')}
        placeholder={t('followUp.searchPlaceholder')}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        maw={420}
        data-testid="follow-up-search"
      />
      {debounced.trim().length >= 2 && found.data && (
        <Stack gap={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-live="polite">
          {found.data.length === 0 && <Text c="dimmed">{t('followUp.noEntities')}</Text>}
          {found.data.slice(0, 10).map((e) => (
            <li key={e.code}>
              <Anchor component={Link} to={entityFollowUpPath(year, e.code)} fw={600}>
                {e.name}
              </Anchor>{' '}
              <Text span size="xs" c="dimmed">
                {e.code}
              </Text>
            </li>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

export function FollowUpHome() {
  const { t } = useTranslation();
  const { user, loading } = useSession();
  const { year } = useCycle();
  const staff = maySeeProgress(user);
  const progress = useProgress(year, staff);
  usePageTitle(t('followUp.nav'));
  if (loading) return <Loading />;
  if (!user) return <Navigate replace to="/login" state={{ from: '/tindak-lanjut' }} />;
  if (year === undefined) return <Alert color="gray">{t('followUp.noCycle')}</Alert>;
  if (user.role === 'entity_official' && user.entity)
    return <Navigate replace to={entityFollowUpPath(year, user.entity.code)} />;
  return (
    <Stack gap="xl">
      <Title order={1}>{t('followUp.title', { year })}</Title>
      <Inbox year={year} />
      <Stack gap="xs" component="section" aria-labelledby="progress-heading">
        <Title order={2} size="h3" id="progress-heading">
          {t('followUp.progress.title')}
        </Title>
        {progress.isPending && <Loading />}
        {progress.error && <ErrorNotice error={progress.error} onRetry={() => void progress.refetch()} />}
        {progress.data && progress.data.length === 0 && <Text c="dimmed">{t('followUp.progress.none')}</Text>}
        {progress.data && progress.data.length > 0 && <ProgressTable year={year} rows={progress.data} />}
      </Stack>
      <EntityFinder year={year} />
    </Stack>
  );
}
