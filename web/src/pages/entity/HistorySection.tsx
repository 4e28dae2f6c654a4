/** The entity's results across cycles, each as it was published in its own band scheme. */
import { Group, Stack, Table, Text, Title } from '@mantine/core';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistoryPoint } from '../../api/schemas';
import { Chart } from '../../charts/LazyChart';
import { CategoryBadge, ZoneBadge } from '../../components/badges';
import { useFormat } from '../../format';

export function HistorySection({ entity, year, history }: { entity: string; year: number; history: HistoryPoint[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const points = useMemo(() => [...history].sort((a, b) => a.year - b.year), [history]);
  const scored = points.filter((p) => p.score !== null);
  const option = useMemo<EChartsCoreOption>(
    () => ({
      animation: false,
      grid: { left: 40, right: 24, top: 16, bottom: 28 },
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? fmt.score(v) : String(v)) },
      xAxis: { type: 'category', data: scored.map((p) => String(p.year)), axisLabel: { color: '#333' } },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { color: '#333' } },
      series: [{ type: 'line', data: scored.map((p) => p.score), itemStyle: { color: '#007743' }, symbolSize: 8 }],
    }),
    [scored, fmt],
  );
  return (
    <Stack gap="xs" component="section" aria-labelledby="history-heading">
      <Title order={2} size="h3" id="history-heading">
        {t('entity.history')}
      </Title>
      {points.length <= 1 && <Text c="dimmed">{t('entity.historyEmpty')}</Text>}
      {scored.length >= 2 && (
        <Chart
          option={option}
          label={`${t('entity.historyCaption', { entity })}: ${scored.map((p) => `${p.year} ${fmt.score(p.score)}`).join(', ')}`}
          height={200}
        />
      )}
      {points.length > 0 && (
        <Table.ScrollContainer minWidth={320} type="native">
          <Table verticalSpacing="xs" data-testid="history-table">
            <Table.Caption className="visually-hidden">{t('entity.historyCaption', { entity })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('table.year')}</Table.Th>
                <Table.Th scope="col" className="num">
                  {t('table.score')}
                </Table.Th>
                <Table.Th scope="col">
                  {t('table.category')} · {t('table.opinion')} · {t('table.zone')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {points.map((p) => (
                <Table.Tr
                  key={p.year}
                  aria-current={p.year === year ? 'true' : undefined}
                  fw={p.year === year ? 700 : undefined}
                >
                  <Table.Th scope="row">{p.year}</Table.Th>
                  <Table.Td className="num">{fmt.score(p.score)}</Table.Td>
                  <Table.Td>
                    <Group gap={6}>
                      {p.category !== null && <CategoryBadge category={p.category} size="sm" />}
                      <Text size="sm">{p.opinion ?? t('common.none')}</Text>
                      {p.zone && <ZoneBadge zone={p.zone} size="sm" />}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
