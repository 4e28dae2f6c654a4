/** A cycle's results: distribution charts and a searchable, filterable, sortable table. */
import { Alert, Badge, Group, Pagination, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { useInstrumentCatalog } from '../api/instruments';
import { type ResultQuery, type ResultSort, useAllResults, useResults } from '../api/queries';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { useCycle } from '../cycle';
import { useFormat } from '../format';
import { DistributionCharts } from './overview/DistributionCharts';
import { ResultFilters } from './overview/ResultFilters';
import { ResultsTable } from './overview/ResultsTable';
import { usePageTitle } from './usePageTitle';

const PAGE_SIZE = 25;
const SORTS: readonly ResultSort[] = ['-score', 'score', 'name'];
const FILTER_KEYS = ['q', 'level', 'province', 'category', 'zone'] as const;

function queryFrom(params: URLSearchParams): ResultQuery {
  const sort = params.get('sort');
  const page = Number(params.get('page'));
  const q: ResultQuery = {
    sort: SORTS.includes(sort as ResultSort) ? (sort as ResultSort) : '-score',
    page: Number.isInteger(page) && page > 0 ? page : 1,
    pageSize: PAGE_SIZE,
  };
  for (const k of FILTER_KEYS) {
    const v = params.get(k);
    if (v) q[k] = v;
  }
  return q;
}

export function OverviewPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const year = Number(useParams().year);
  const { cycle } = useCycle();
  const [params, setParams] = useSearchParams();
  const query = queryFrom(params);
  const all = useAllResults(year);
  // the cycle's band scheme (GET /instruments): the category chart shows every category, zeros included
  const bands = useInstrumentCatalog().data?.bandSchemes.find((b) => b.scheme === cycle?.bandScheme)?.bands;
  const page = useResults(year, query);
  usePageTitle(t('overview.title', { year }));

  const update = (patch: Partial<ResultQuery>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === '' || (k === 'sort' && v === '-score')) next.delete(k);
      else next.set(k, String(v));
    }
    if (!('page' in patch)) next.delete('page');
    setParams(next, { replace: true });
  };

  const header = (
    <Group justify="space-between" align="flex-end" wrap="wrap" gap="xs">
      <Title order={1}>{t('overview.title', { year })}</Title>
      {cycle && (
        <Group gap="xs">
          <Badge variant="outline" color="dark">
            {t(`status.${cycle.status}`)}
          </Badge>
          {cycle.edition && (
            <Text size="sm" c="dimmed">
              {t('overview.edition', { edition: cycle.edition })}
            </Text>
          )}
        </Group>
      )}
    </Group>
  );

  if (all.isPending)
    return (
      <Stack>
        {header}
        <Loading />
      </Stack>
    );
  if (all.error)
    return (
      <Stack>
        {header}
        <ErrorNotice error={all.error} onRetry={() => void all.refetch()} />
      </Stack>
    );
  if (all.data.length === 0) {
    return (
      <Stack>
        {header}
        <Alert color="gray" data-testid="no-results">
          {t('overview.noResults')}
        </Alert>
      </Stack>
    );
  }

  const total = page.data?.page.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return (
    <Stack gap="lg">
      {header}
      <DistributionCharts results={all.data} bands={bands} />
      <ResultFilters
        query={query}
        all={all.data}
        onChange={update}
        onReset={() => setParams(new URLSearchParams(), { replace: true })}
      />
      <Text size="sm" aria-live="polite" data-testid="results-total">
        {t('overview.total', { count: fmt.int(total) })}
      </Text>
      {page.error && <ErrorNotice error={page.error} onRetry={() => void page.refetch()} />}
      {page.isPending && <Loading />}
      {page.data && page.data.rows.length === 0 && <Alert color="gray">{t('overview.noMatch')}</Alert>}
      {page.data && page.data.rows.length > 0 && (
        <ResultsTable
          year={year}
          rows={page.data.rows}
          caption={t('overview.caption', { year, page: query.page })}
          sort={query.sort}
          onSort={(sort) => update({ sort })}
        />
      )}
      {pages > 1 && (
        <nav aria-label={t('overview.pagination')}>
          <Pagination
            total={pages}
            value={query.page}
            onChange={(p) => update({ page: p })}
            getItemProps={(p) => ({ 'aria-label': `${t('overview.pagination')} ${p}` })}
          />
        </nav>
      )}
    </Stack>
  );
}
