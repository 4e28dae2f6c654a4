/**
 * The public dashboard (/publik/…): no sign-in, published cycles only, its own light
 * frame (no session, no staff navigation). Loaded as its own chunk; ECharts loads
 * only when a chart scrolls into view.
 *
 *   /publik                        the latest published cycle with results
 *   /publik/:year                  overview: search, key figures, map, distribution, downloads
 *   /publik/:year/peringkat        rankings (?jenis=tingkat|provinsi|naik|penghargaan)
 *   /publik/:year/entitas/:code    an entity's result card (shareable)
 */
import './public.css';
import { Alert, Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Route, Routes } from 'react-router';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { usePageTitle } from '../usePageTitle';
import { usePublicCycles } from './api';
import { DashboardPage } from './DashboardPage';
import { PublicLayout } from './PublicLayout';
import { RankingsPage } from './RankingsPage';
import { ResultCardPage } from './ResultCardPage';

/** /publik: the newest published cycle that has results (else the newest published one). */
function LatestCycle() {
  const { t } = useTranslation();
  const cycles = usePublicCycles();
  usePageTitle(t('dashboard.title'));
  if (cycles.isPending) return <Loading />;
  if (cycles.error) return <ErrorNotice error={cycles.error} onRetry={() => void cycles.refetch()} />;
  const newest = [...cycles.data].sort((a, b) => b.year - a.year);
  const year = (newest.find((c) => c.entities > 0) ?? newest[0])?.year;
  if (year === undefined) return <Alert color="gray">{t('dashboard.noCycles')}</Alert>;
  return <Navigate replace to={`/publik/${year}`} />;
}

function PublicNotFound() {
  const { t } = useTranslation();
  usePageTitle(t('dashboard.notFound'));
  return (
    <Stack>
      <Title order={1}>{t('dashboard.notFound')}</Title>
      <Text>
        <Anchor component={Link} to="/publik">
          {t('dashboard.title')}
        </Anchor>
      </Text>
    </Stack>
  );
}

export function PublicApp() {
  return (
    <Routes>
      <Route element={<PublicLayout />}>
        <Route index element={<LatestCycle />} />
        <Route path=":year" element={<DashboardPage />} />
        <Route path=":year/peringkat" element={<RankingsPage />} />
        <Route path=":year/entitas/:code" element={<ResultCardPage />} />
        <Route path="*" element={<PublicNotFound />} />
      </Route>
    </Routes>
  );
}

export default PublicApp;
