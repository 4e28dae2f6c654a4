/** A published cycle's overview: search, key figures, the province map, the distribution, rankings, open data. */
import { Alert, Anchor, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useFormat } from '../../format';
import { usePageTitle } from '../usePageTitle';
import { type SummaryView, useSummary } from './api';
import { DistributionSection } from './DistributionSection';
import { DownloadLinks } from './DownloadLinks';
import { EntitySearch } from './EntitySearch';
import { ProvinceMap } from './ProvinceMap';
import { type KindWord, rankingsPath, usePublicYear } from './paths';

function Stat({ label, value, note, testId }: { label: string; value: string; note?: string; testId: string }) {
  return (
    <Paper withBorder p={{ base: 8, sm: 'sm' }}>
      <Text size="sm" c="dimmed" lh={1.2} mih={34}>
        {label}
      </Text>
      <Text fz={{ base: 22, sm: 30 }} fw={800} lh={1.2} className="stat-value" data-testid={testId}>
        {value}
      </Text>
      <Text size="xs" c="dimmed" mih={18}>
        {note ?? ''}
      </Text>
    </Paper>
  );
}

function KeyFigures({ summary }: { summary: SummaryView }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const n = summary.national;
  const green = n.zones.find((z) => z.zone === 'hijau')?.count ?? 0;
  return (
    <SimpleGrid
      cols={3}
      spacing="sm"
      component="section"
      aria-label={t('dashboard.stats.label', { year: summary.cycle.year })}
    >
      <Stat label={t('dashboard.stats.entities')} value={fmt.int(n.entities)} testId="stat-entities" />
      <Stat
        label={t('dashboard.stats.mean')}
        value={fmt.score(n.meanScore)}
        note={t('dashboard.stats.outOf')}
        testId="stat-mean"
      />
      <Stat
        label={t('dashboard.stats.green')}
        value={n.greenShare === null ? '—' : `${fmt.score(n.greenShare)}%`}
        note={t('dashboard.stats.greenOf', { count: fmt.int(green), total: fmt.int(n.entities) })}
        testId="stat-green"
      />
    </SimpleGrid>
  );
}

const KINDS: KindWord[] = ['tingkat', 'provinsi', 'naik', 'penghargaan'];
const KIND_LABEL = { tingkat: 'level', provinsi: 'province', naik: 'improved', penghargaan: 'awards' } as const;

function RankingLinks({ year }: { year: number }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" component="section" aria-labelledby="rankings-heading">
      <Title order={2} size="h3" id="rankings-heading">
        {t('dashboard.nav.rankings')}
      </Title>
      <Group gap="md">
        {KINDS.map((k) => (
          <Anchor key={k} component={Link} to={rankingsPath(year, k)} fw={600}>
            {t(`dashboard.rankings.${KIND_LABEL[k]}`)}
          </Anchor>
        ))}
      </Group>
    </Stack>
  );
}

/** Placeholders of the same height as what they stand for: nothing jumps when the data arrives. */
function DashboardSkeleton() {
  return (
    <Stack gap="lg" aria-hidden>
      <SimpleGrid cols={3} spacing="sm">
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} height={112} />
        ))}
      </SimpleGrid>
      <Skeleton style={{ aspectRatio: '16 / 7' }} />
    </Stack>
  );
}

export function DashboardPage() {
  const { t } = useTranslation();
  const year = usePublicYear();
  const summary = useSummary(year);
  const { hash } = useLocation();
  usePageTitle(year ? `${t('dashboard.headline', { year })}` : undefined);
  // a link to a section (#data-terbuka) scrolls to it once the section is there
  useEffect(() => {
    if (hash && summary.data) document.getElementById(decodeURIComponent(hash.slice(1)))?.scrollIntoView();
  }, [hash, summary.data]);
  if (year === null) return <Alert color="gray">{t('dashboard.notFound')}</Alert>;

  const edition = summary.data?.cycle.instrument?.edition ?? summary.data?.cycle.edition;
  return (
    <Stack gap="xl">
      <div>
        <Title order={1}>{t('dashboard.headline', { year })}</Title>
        <Text c="dimmed" size="sm" mih={22}>
          {summary.data && edition ? t('dashboard.published', { edition }) : t('dashboard.tagline')}
        </Text>
      </div>
      <EntitySearch year={year} />
      {summary.isPending && <DashboardSkeleton />}
      {summary.error && <ErrorNotice error={summary.error} onRetry={() => void summary.refetch()} />}
      {summary.data && summary.data.national.entities === 0 && (
        <Alert color="gray" data-testid="no-results">
          {t('dashboard.noResults', { year })}
        </Alert>
      )}
      {summary.data && summary.data.national.entities > 0 && (
        <>
          <KeyFigures summary={summary.data} />
          <ProvinceMap summary={summary.data} />
          <DistributionSection summary={summary.data} />
          <RankingLinks year={year} />
          <DownloadLinks year={year} />
        </>
      )}
    </Stack>
  );
}
