/** Rankings of a published cycle: per level, within a province, most improved, awards (the choice is in the URL). */
import { Alert, Anchor, Breadcrumbs, Button, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { usePageTitle } from '../usePageTitle';
import { type RankingsView, useRankings } from './api';
import { isKindWord, KIND_WORDS, type KindWord, overviewPath, rankingsPath, usePublicYear } from './paths';
import { ImprovedTable, RankedTable } from './RankingTables';

const LABEL: Record<KindWord, 'level' | 'province' | 'improved' | 'awards'> = {
  tingkat: 'level',
  provinsi: 'province',
  naik: 'improved',
  penghargaan: 'awards',
};

function Tables({
  data,
  params,
  set,
}: {
  data: RankingsView;
  params: URLSearchParams;
  set(k: string, v: string): void;
}) {
  const { t } = useTranslation();
  const year = data.cycle;
  if (data.kind === 'level' || data.kind === 'province') {
    const groups =
      data.kind === 'level'
        ? data.groups.map((g) => ({ key: g.level, name: t(`levels.${g.level}`), rows: g.rows }))
        : data.groups.map((g) => ({ key: g.provinceCode, name: g.province, rows: g.rows }));
    if (groups.length === 0) return <Alert color="gray">{t('dashboard.rankings.none')}</Alert>;
    const param = data.kind === 'level' ? 'tingkat' : 'provinsi';
    const wanted = params.get(param);
    const group = groups.find((g) => g.key === wanted) ?? groups[0];
    if (!group) return null;
    return (
      <Stack gap="sm">
        <NativeSelect
          label={t(data.kind === 'level' ? 'dashboard.rankings.pickLevel' : 'dashboard.rankings.pickProvince')}
          data={groups.map((g) => ({ value: g.key, label: g.name }))}
          value={group.key}
          onChange={(e) => set(param, e.currentTarget.value)}
          maw={360}
          data-testid="ranking-group"
        />
        {wanted !== null && wanted !== group.key && <Alert color="gray">{t('dashboard.rankings.none')}</Alert>}
        <RankedTable
          key={group.key}
          year={year}
          rows={group.rows}
          rank={data.kind === 'level' ? 'rank' : 'provinceRank'}
          caption={t('dashboard.rankings.caption', { what: group.name, year })}
        />
      </Stack>
    );
  }
  if (data.kind === 'awards') {
    return (
      <Stack gap="sm">
        <Text size="sm">{t('dashboard.rankings.awardsIntro')}</Text>
        {data.rows.length === 0 ? (
          <Alert color="gray">{t('dashboard.rankings.none')}</Alert>
        ) : (
          <RankedTable year={year} rows={data.rows} rank="rank" caption={t('dashboard.rankings.awards')} />
        )}
      </Stack>
    );
  }
  if (data.previousCycle === null || data.rows.length === 0)
    return <Alert color="gray">{t('dashboard.rankings.improvedNone')}</Alert>;
  return (
    <Stack gap="sm">
      <Text size="sm">{t('dashboard.rankings.improvedIntro', { previous: data.previousCycle, year })}</Text>
      {data.schemeChanged && (
        <Alert color="yellow" variant="light">
          {t('dashboard.rankings.schemeChanged', { previous: data.previousCycle })}
        </Alert>
      )}
      <ImprovedTable year={year} previous={data.previousCycle} rows={data.rows} />
    </Stack>
  );
}

export function RankingsPage() {
  const { t } = useTranslation();
  const year = usePublicYear();
  const [params, setParams] = useSearchParams();
  const jenis = params.get('jenis');
  const word: KindWord = isKindWord(jenis) ? jenis : 'tingkat';
  const q = useRankings(year, KIND_WORDS[word]);
  usePageTitle(year ? t('dashboard.rankings.title', { year }) : undefined);
  if (year === null) return <Alert color="gray">{t('dashboard.notFound')}</Alert>;

  const set = (k: string, v: string) => {
    const next = new URLSearchParams(params);
    next.set(k, v);
    setParams(next, { replace: true });
  };
  return (
    <Stack gap="md">
      <Breadcrumbs>
        <Anchor component={Link} to={overviewPath(year)} size="sm">
          {t('dashboard.card.back', { year })}
        </Anchor>
        <Text size="sm" aria-current="page">
          {t('dashboard.nav.rankings')}
        </Text>
      </Breadcrumbs>
      <Title order={1}>{t('dashboard.rankings.title', { year })}</Title>
      <Group component="nav" gap="xs" aria-label={t('dashboard.rankings.kind')} data-testid="ranking-kind">
        {(Object.keys(LABEL) as KindWord[]).map((k) => (
          <Button
            key={k}
            component={Link}
            to={rankingsPath(year, k)}
            replace
            size="xs"
            variant={k === word ? 'filled' : 'light'}
            aria-current={k === word ? 'page' : undefined}
          >
            {t(`dashboard.rankings.${LABEL[k]}`)}
          </Button>
        ))}
      </Group>
      {q.isPending && <Loading />}
      {q.error && <ErrorNotice error={q.error} onRetry={() => void q.refetch()} />}
      {q.data && <Tables data={q.data} params={params} set={set} />}
    </Stack>
  );
}
