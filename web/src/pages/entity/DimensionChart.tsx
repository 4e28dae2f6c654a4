/** Score by dimension as a horizontal bar chart (0–100). */
import { Paper, Title } from '@mantine/core';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Explanation, Result } from '../../api/schemas';
import { Chart } from '../../charts/LazyChart';
import { useFormat } from '../../format';
import type { Labels } from '../../labels';

/** The entity's dimension scores: from the explanation, else the mean over its units. */
export function dimensionScores(
  result: Result,
  explanation: Explanation | null,
): Array<{ code: string; score: number }> {
  if (explanation) {
    return explanation.dimensions.flatMap((d) => (d.score === null ? [] : [{ code: d.code, score: d.score }]));
  }
  const sums = new Map<string, { sum: number; n: number }>();
  for (const u of result.units)
    for (const d of u.dimensions) {
      if (d.score === null) continue;
      const s = sums.get(d.code) ?? { sum: 0, n: 0 };
      s.sum += d.score;
      s.n += 1;
      sums.set(d.code, s);
    }
  return [...sums.entries()].map(([code, s]) => ({ code, score: s.sum / s.n }));
}

export function DimensionChart({
  result,
  explanation,
  labels,
}: {
  result: Result;
  explanation: Explanation | null;
  labels: Labels;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const dims = useMemo(() => dimensionScores(result, explanation), [result, explanation]);
  const option = useMemo<EChartsCoreOption>(
    () => ({
      animation: false,
      grid: { left: 8, right: 56, top: 8, bottom: 24, containLabel: true },
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? fmt.score(v) : String(v)) },
      xAxis: { type: 'value', min: 0, max: 100, axisLabel: { color: '#333' } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: dims.map((d) => labels.dimension(d.code)),
        axisLabel: { color: '#1a1a1a', fontSize: 13, width: 110, overflow: 'break' },
      },
      series: [
        {
          type: 'bar',
          data: dims.map((d) => d.score),
          itemStyle: { color: '#007743' },
          barMaxWidth: 28,
          label: {
            show: true,
            position: 'right',
            color: '#1a1a1a',
            formatter: (p: { value: unknown }) => (typeof p.value === 'number' ? fmt.score(p.value) : ''),
          },
        },
      ],
    }),
    [dims, labels, fmt],
  );
  if (dims.length === 0) return null;
  const label = `${t('entity.dimensionsChart')}: ${dims.map((d) => `${labels.dimension(d.code)} ${fmt.score(d.score)}`).join(', ')}`;
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="dimensions-heading">
      <Title order={2} size="h3" id="dimensions-heading" mb="xs">
        {t('entity.dimensions')}
      </Title>
      <Chart option={option} label={label} height={Math.max(160, dims.length * 48 + 40)} />
    </Paper>
  );
}
