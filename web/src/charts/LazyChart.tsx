/** Charts load on demand: pages without charts never download ECharts. */
import { Skeleton } from '@mantine/core';
import { lazy, Suspense } from 'react';
import type { EChartProps } from './EChart';

const EChart = lazy(() => import('./EChart'));

export function Chart(props: EChartProps) {
  return (
    <Suspense fallback={<Skeleton height={props.height ?? 260} radius="md" />}>
      <EChart {...props} />
    </Suspense>
  );
}
