/** The national distribution: entities per category and per zone (charts), and per level (a table). */
import { Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../charts/LazyChart';
import { ZONE_COLOURS } from '../../components/badges';
import { useFormat, useLanguage } from '../../format';
import type { SummaryView } from './api';
import { WhenVisible } from './WhenVisible';

const CHART_HEIGHT = 240;

function useOptions(summary: SummaryView) {
  const { t } = useTranslation();
  const n = summary.national;
  const bands = summary.bands;
  const category = useMemo<EChartsCoreOption>(() => {
    const zoneOfCategory = new Map(bands.map((b) => [b.category, b.zone]));
    return {
      animation: false,
      grid: { left: 40, right: 16, top: 24, bottom: 32 },
      tooltip: { trigger: 'axis' },
      xAxis: {
        type: 'category',
        data: n.categories.map((c) => c.category),
        axisLabel: { color: '#333', fontSize: 13 },
      },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { color: '#333' } },
      series: [
        {
          type: 'bar',
          name: t('dashboard.distribution.entities'),
          data: n.categories.map((c) => ({
            value: c.count,
            itemStyle: { color: ZONE_COLOURS[zoneOfCategory.get(c.category) ?? 'kuning'].bg },
          })),
          label: { show: true, position: 'top', color: '#1a1a1a' },
        },
      ],
    };
  }, [n, t, bands]);
  const zone = useMemo<EChartsCoreOption>(
    () => ({
      animation: false,
      tooltip: { trigger: 'item' },
      legend: { bottom: 0, textStyle: { color: '#333' }, data: n.zones.map((z) => t(`zones.${z.zone}`)) },
      series: [
        {
          type: 'pie',
          radius: ['35%', '65%'],
          center: ['50%', '45%'],
          label: { formatter: '{c}', color: '#1a1a1a', fontSize: 13 },
          data: n.zones
            .filter((z) => z.count > 0)
            .map((z) => ({
              name: t(`zones.${z.zone}`),
              value: z.count,
              itemStyle: { color: ZONE_COLOURS[z.zone].bg },
            })),
        },
      ],
    }),
    [n, t],
  );
  return { category, zone };
}

function LevelTable({ summary }: { summary: SummaryView }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const cats = summary.national.categories.map((c) => c.category);
  return (
    <Table.ScrollContainer minWidth={cats.length > 0 ? 640 : 440} type="native">
      <Table striped verticalSpacing={4} data-testid="level-table">
        <Table.Caption className="visually-hidden">
          {t('dashboard.distribution.levelCaption', { year: summary.cycle.year })}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('dashboard.distribution.level')}</Table.Th>
            <Table.Th scope="col" className="num">
              {t('dashboard.distribution.entities')}
            </Table.Th>
            <Table.Th scope="col" className="num">
              {t('dashboard.distribution.mean')}
            </Table.Th>
            {cats.map((c) => (
              <Table.Th scope="col" className="num" key={c}>
                {c}
              </Table.Th>
            ))}
            {summary.national.zones.map((z) => (
              <Table.Th scope="col" className="num" key={z.zone}>
                {t(`zones.${z.zone}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[
            ...summary.levels.map((l) => ({ ...l, name: t(`levels.${l.level}`) })),
            { ...summary.national, name: t('common.all') },
          ].map((l) => (
            <Table.Tr key={l.name}>
              <Table.Th scope="row" fw={500}>
                {l.name}
              </Table.Th>
              <Table.Td className="num">{fmt.int(l.entities)}</Table.Td>
              <Table.Td className="num">{fmt.score(l.meanScore)}</Table.Td>
              {l.categories.map((c) => (
                <Table.Td className="num" key={c.category}>
                  {fmt.int(c.count)}
                </Table.Td>
              ))}
              {l.zones.map((z) => (
                <Table.Td className="num" key={z.zone}>
                  {fmt.int(z.count)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function DistributionSection({ summary }: { summary: SummaryView }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const lang = useLanguage();
  const options = useOptions(summary);
  const n = summary.national;
  const hasCategories = n.categories.length > 0;
  const categoryLabel = `${t('dashboard.distribution.chartCategory')}: ${n.categories.map((c) => `${c.category} ${fmt.int(c.count)}`).join(', ')}`;
  const zoneLabel = `${t('dashboard.distribution.chartZone')}: ${n.zones.map((z) => `${t(`zones.${z.zone}`)} ${fmt.int(z.count)}`).join(', ')}`;
  const bands = summary.bands.filter((b) => b.category !== null);
  return (
    <Stack gap="sm" component="section" aria-labelledby="distribution-heading" data-testid="public-distribution">
      <Title order={2} size="h3" id="distribution-heading">
        {t('dashboard.distribution.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, md: hasCategories ? 2 : 1 }}>
        {hasCategories && (
          <Paper withBorder p="sm">
            <Title order={3} size="h5" mb="xs">
              {t('dashboard.distribution.byCategory')}
            </Title>
            <WhenVisible height={CHART_HEIGHT}>
              <Chart option={options.category} label={categoryLabel} height={CHART_HEIGHT} />
            </WhenVisible>
            <Stack gap={0} mt="xs" component="ul" p={0} style={{ listStyle: 'none' }}>
              {bands.map((b, i) => (
                <Text component="li" size="xs" key={b.category}>
                  <span
                    className="swatch"
                    style={{ background: b.zone === null ? undefined : ZONE_COLOURS[b.zone].bg }}
                    aria-hidden
                  />
                  {t('dashboard.distribution.band', {
                    category: b.category,
                    opinion: b.opinion[lang],
                    from: fmt.score(b.min),
                    to: i === 0 ? '100' : fmt.score((bands[i - 1]?.min ?? 100) - 0.01),
                  })}
                </Text>
              ))}
            </Stack>
          </Paper>
        )}
        <Paper withBorder p="sm">
          <Title order={3} size="h5" mb="xs">
            {t('dashboard.distribution.byZone')}
          </Title>
          <WhenVisible height={CHART_HEIGHT}>
            <Chart option={options.zone} label={zoneLabel} height={CHART_HEIGHT} />
          </WhenVisible>
        </Paper>
      </SimpleGrid>
      <Title order={3} size="h5">
        {t('dashboard.distribution.byLevel')}
      </Title>
      <LevelTable summary={summary} />
    </Stack>
  );
}
