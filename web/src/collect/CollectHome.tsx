/** /collect: the assessor's assignments, each unit one tap away, and the sheets that need attention. */
import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../auth/session';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { usePageTitle } from '../pages/usePageTitle';
import { useDrafts, useMyAssignments } from './hooks';
import { type Draft, formOf } from './model';
import { SheetStateBadge, sheetState } from './SheetStateBadge';
import type { MyAssignment } from './schemas';

export const unitPath = (year: number, unitId: number) => `/collect/${year}/units/${unitId}`;
export const slotPath = (year: number, unitId: number, form: string, respondent: string) =>
  `${unitPath(year, unitId)}/${form}${respondent ? `/${encodeURIComponent(respondent)}` : ''}`;

function AssignmentCard({ a, drafts }: { a: MyAssignment; drafts: Draft[] }) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" padding="sm" data-testid="assignment" component="section" aria-label={a.entity.name}>
      <Stack gap="xs">
        <div>
          <Title order={2} size="h4">
            {t('collect.assignment', { entity: a.entity.name, year: a.year })}
          </Title>
          <Text size="sm" c="dimmed">
            {a.unit ? a.unit.name : t('collect.wholeEntity')}
            {(a.startsOn || a.endsOn) &&
              ` · ${t('collect.dates', { from: a.startsOn ?? t('collect.noDate'), to: a.endsOn ?? t('collect.noDate') })}`}
          </Text>
        </div>
        {a.units.length === 0 && <Text size="sm">{t('collect.noUnits')}</Text>}
        {a.units.map((u) => {
          const mine = drafts.filter((d) => d.year === a.year && d.unit.id === u.id);
          const sent = mine.filter((d) => d.state === 'sent').length;
          return (
            <Button
              key={u.id}
              component={Link}
              to={unitPath(a.year, u.id)}
              variant="light"
              size="lg"
              h="auto"
              py="sm"
              justify="space-between"
              fullWidth
              styles={{ label: { whiteSpace: 'normal', textAlign: 'left' } }}
              rightSection={mine.length > 0 ? <Badge variant="white">{`${sent}/${mine.length}`}</Badge> : undefined}
              aria-label={t('collect.openUnit', { name: u.name })}
              data-testid="assignment-unit"
            >
              <Text fw={600} lh={1.3}>
                {u.name}
              </Text>
            </Button>
          );
        })}
      </Stack>
    </Card>
  );
}

/** Sheets sent back, in conflict or refused: what the assessor must look at first. */
function Attention({ drafts }: { drafts: Draft[] }) {
  const { t } = useTranslation();
  const needs = drafts.filter(
    (d) =>
      d.state === 'conflict' || d.state === 'rejected' || (d.state === 'editing' && d.server?.status === 'returned'),
  );
  if (needs.length === 0) return null;
  return (
    <Alert color="orange" title={t('collect.attention')} data-testid="attention">
      <Stack gap={4}>
        {needs.map((d) => (
          <Group key={d.key} gap="xs" wrap="nowrap">
            <SheetStateBadge state={sheetState(d)} />
            <Anchor component={Link} to={slotPath(d.year, d.unit.id, formOf(d.kind), d.respondent)} size="sm">
              {`${d.unit.name} · ${t(`collect.kinds.${d.kind}`)}${d.respondent ? ` ${d.respondent}` : ''}`}
            </Anchor>
          </Group>
        ))}
      </Stack>
    </Alert>
  );
}

export function CollectHome() {
  const { t } = useTranslation();
  usePageTitle(t('collect.title'));
  const { user } = useSession();
  const assignments = useMyAssignments();
  const drafts = useDrafts(user ? Number(user.id) : undefined).data ?? [];
  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('collect.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('collect.intro')}
        </Text>
      </div>
      <Attention drafts={drafts} />
      <Title order={2} size="h3">
        {t('collect.assignments')}
      </Title>
      {assignments.isPending ? (
        <Loading />
      ) : assignments.error ? (
        <ErrorNotice error={assignments.error} onRetry={() => void assignments.refetch()} />
      ) : assignments.data.length === 0 ? (
        <Text>{t('collect.noAssignments')}</Text>
      ) : (
        assignments.data.map((a) => <AssignmentCard key={a.id} a={a} drafts={drafts} />)
      )}
    </Stack>
  );
}
