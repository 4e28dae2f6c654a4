/** One entity in one cycle: score, category, opinion, zone, report card and certificate, units, dimensions, why, history. */
import { Alert, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useEntityResult } from '../api/queries';
import { publicReportUrl, reportCardUrl } from '../api/reports';
import { DetailPage, EntityHeading } from '../components/DetailPage';
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
  // a certificate is given on publication: before, there is none to download
  const published = cycle?.status === 'published';

  return (
    <DetailPage
      query={q}
      back={{ to: `/cycles/${year}`, label: t('entity.backToOverview', { year }) }}
      name={(d) => d.result.entity.name}
    >
      {({ result, explanation, history }) => (
        <>
          <EntityHeading entity={result.entity} year={year} testId="entity-name" />
          {result.synthetic && (
            <Alert color="grape" variant="light" title={t('common.synthetic')} data-testid="synthetic-alert">
              {t('common.syntheticHint')}
            </Alert>
          )}
          <ScoreSummary result={result} />
          <ReportLinks
            reportCard={reportCardUrl(year, result.entity.code)}
            certificate={
              published && result.certificate ? publicReportUrl(year, result.entity.code, 'certificate') : null
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
        </>
      )}
    </DetailPage>
  );
}
