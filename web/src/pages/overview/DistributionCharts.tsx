/** How a cycle's results spread over categories and zones. */
import { Paper, SimpleGrid, Title } from '@mantine/core';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type Result, ZONES, type Zone } from '../../api/schemas';
import { Chart } from '../../charts/LazyChart';
import { ZONE_COLOURS } from '../../components/badges';
import { useFormat } from '../../format';

interface Distribution {
  categories: Array<{ category: string; zone: Zone; count: number }>;
  zones: Array<{ zone: Zone; count: number }>;
}

/**
 * @param bands the cycle's band scheme, when known: every category is shown, zeros
 * included, in the scheme's order (otherwise only the categories that occur)
 */
export function distribution(
  results: Result[],
  bands: ReadonlyArray<{ category: string | null; zone: Zone | null }> = [],
): Distribution {
  const byCategory = new Map<string, { zone: Zone; count: number }>();
  for (const b of bands)
    if (b.category !== null && b.zone !== null) byCategory.set(b.category, { zone: b.zone, count: 0 });
  const byZone = new Map<Zone, number>(ZONES.map((z) => [z, 0]));
  for (const r of results) {
    if (r.zone === null) continue;
    byZone.set(r.zone, (byZone.get(r.zone) ?? 0) + 1);
    if (r.category === null) continue;
    const c = byCategory.get(r.category) ?? { zone: r.zone, count: 0 };
    c.count += 1;
    byCategory.set(r.category, c);
  }
  return {
    categories: [...byCategory.entries()]
      .map(([category, v]) => ({ category, ...v }))
      .sort((a, b) => a.category.localeCompare(b.category)),
    zones: ZONES.map((zone) => ({ zone, count: byZone.get(zone) ?? 0 })),
  };
}

export function DistributionCharts({
  results,
  bands,
}: {
  results: Result[];
  bands?: ReadonlyArray<{ category: string | null; zone: Zone | null }>;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const d = useMemo(() => distribution(results, bands), [results, bands]);

  const categoryOption = useMemo<EChartsCoreOption>(
    () => ({
      animation: false,
      grid: { left: 40, right: 16, top: 24, bottom: 32 },
      tooltip: { trigger: 'axis' },
      xAxis: {
        type: 'category',
        data: d.categories.map((c) => c.category),
        axisLabel: { color: '#333', fontSize: 13 },
      },
      yAxis: {
        type: 'value',
        minInterval: 1,
        name: t('overview.entitiesAxis'),
        nameTextStyle: { color: '#333', align: 'left' },
        axisLabel: { color: '#333' },
      },
      series: [
        {
          type: 'bar',
          name: t('overview.entitiesAxis'),
          data: d.categories.map((c) => ({ value: c.count, itemStyle: { color: ZONE_COLOURS[c.zone].bg } })),
          label: { show: true, position: 'top', color: '#1a1a1a' },
        },
      ],
    }),
    [d, t],
  );

  const zoneOption = useMemo<EChartsCoreOption>(
    () => ({
      animation: false,
      tooltip: { trigger: 'item' },
      legend: { bottom: 0, textStyle: { color: '#333' }, data: d.zones.map((z) => t(`zones.${z.zone}`)) },
      series: [
        {
          type: 'pie',
          radius: ['35%', '65%'],
          center: ['50%', '45%'],
          label: { formatter: '{c}', color: '#1a1a1a', fontSize: 13 },
          // empty zones stay in the legend but draw no slice
          data: d.zones
            .filter((z) => z.count > 0)
            .map((z) => ({
              name: t(`zones.${z.zone}`),
              value: z.count,
              itemStyle: { color: ZONE_COLOURS[z.zone].bg },
            })),
        },
      ],
    }),
    [d, t],
  );

  const categoryLabel = `${t('overview.byCategory')}: ${d.categories.map((c) => `${c.category} ${fmt.int(c.count)}`).join(', ')}`;
  const zoneLabel = `${t('overview.byZone')}: ${d.zones.map((z) => `${t(`zones.${z.zone}`)} ${fmt.int(z.count)}`).join(', ')}`;

  return (
    <SimpleGrid cols={{ base: 1, md: d.categories.length > 0 ? 2 : 1 }} data-testid="distribution">
      {d.categories.length > 0 && (
        <Paper withBorder p="sm">
          <Title order={2} size="h4" mb="xs">
            {t('overview.byCategory')}
          </Title>
          <Chart option={categoryOption} label={categoryLabel} height={240} />
        </Paper>
      )}
      <Paper withBorder p="sm">
        <Title order={2} size="h4" mb="xs">
          {t('overview.byZone')}
        </Title>
        <Chart option={zoneOption} label={zoneLabel} height={240} />
      </Paper>
    </SimpleGrid>
  );
}
