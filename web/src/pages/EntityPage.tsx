/** One entity in one cycle: score, category, opinion, zone, report card and certificate, units, dimensions, why, history. */
import { Alert, Anchor, Breadcrumbs, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useEntityResult } from '../api/queries';
import { publicReportUrl, reportCardUrl } from '../api/reports';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { ReportLinks } from '../components/ReportLinks';
import { useCycle } from '../cycle';
import { useLabels } from '../labels';
import { DimensionChart } from './entity/DimensionChart';
import { HistorySection } from './entity/HistorySection';
import { ScoreSummary } from './entity/ScoreSummary';
import { UnitsTable } from './entity/UnitsTable';
import { WhyThisScore } from './entity/WhyThisScore';
import { usePageTitle } from './usePageTitle';

export function EntityPage() {
  const { t } = useTranslation();
  const params = useParams();
  const year = Number(params.year);
  const code = params.code ?? '';
  const q = useEntityResult(year, code);
  const { cycle } = useCycle();
  const labels = useLabels(q.data?.instrument);
  usePageTitle(q.data ? `${q.data.result.entity.name} ${year}` : undefined);

  const crumbs = (
    <Breadcrumbs>
      <Anchor component={Link} to={`/cycles/${year}`} size="sm">
        {t('entity.backToOverview', { year })}
      </Anchor>
      {q.data && (
        <Text size="sm" aria-current="page">
          {q.data.result.entity.name}
        </Text>
      )}
    </Breadcrumbs>
  );
  if (q.isPending)
    return (
      <Stack>
        {crumbs}
        <Loading />
      </Stack>
    );
  if (q.error)
    return (
      <Stack>
        {crumbs}
        <ErrorNotice error={q.error} onRetry={() => void q.refetch()} />
      </Stack>
    );

  const { result, explanation, history } = q.data;
  // a certificate is given on publication: before, there is none to download
  const published = cycle?.status === 'published';
  const place = [t(`levels.${result.entity.level}`), result.entity.province].filter(Boolean).join(' · ');
  return (
    <Stack gap="lg">
      {crumbs}
      <div>
        <Title order={1} data-testid="entity-name">
          {result.entity.name}
        </Title>
        <Text c="dimmed">
          {place} · {year}
        </Text>
      </div>
      {result.synthetic && (
        <Alert color="grape" variant="light" title={t('common.synthetic')} data-testid="synthetic-alert">
          {t('common.syntheticHint')}
        </Alert>
      )}
      <ScoreSummary result={result} />
      <ReportLinks
        reportCard={reportCardUrl(year, result.entity.code)}
        certificate={
          published && result.zone === 'hijau' ? publicReportUrl(year, result.entity.code, 'certificate') : null
        }
      />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg" style={{ alignItems: 'start' }}>
        <WhyThisScore result={result} explanation={explanation} labels={labels} />
        <DimensionChart result={result} explanation={explanation} labels={labels} />
      </SimpleGrid>
      {!labels.known && explanation && (
        <Text size="xs" c="dimmed">
          {t('entity.labelsMissing')}
        </Text>
      )}
      <UnitsTable year={year} result={result} labels={labels} />
      <HistorySection entity={result.entity.name} year={year} history={history} />
    </Stack>
  );
}
