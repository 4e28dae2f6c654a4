/**
 * An entity's headline figures in one cycle: score, category, opinion and zone.
 * The signed-in entity page and the public result card both show it; each adds its
 * own rank line and data notes below (children).
 */
import { Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Zone } from '../api/schemas';
import { useFormat } from '../format';
import { CategoryBadge, ZoneBadge } from './badges';

export interface HeadlineFigures {
  score: number;
  category: string | null;
  /** in the reader's language */
  opinion: string;
  /** null from 2025 (no zones) */
  zone: Zone | null;
}

export function ScoreHeadline({
  figures,
  testId,
  figureTestId,
  scoreClassName,
  children,
}: {
  figures: HeadlineFigures;
  /** the panel's data-testid */
  testId: string;
  /**
   * the figures' data-testid prefix: `${prefix}-score`, `-category`, `-opinion`, `-zone`
   * (entity-score… on the entity page, card-score… on the result card; test/e2e reads both)
   */
  figureTestId: 'entity' | 'card';
  scoreClassName?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Paper withBorder p="md" data-testid={testId}>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
        <Stack gap={0}>
          <Text size="sm" c="dimmed">
            {t('entity.score')}
          </Text>
          <Text fz={40} fw={800} lh={1.1} data-testid={`${figureTestId}-score`} className={scoreClassName}>
            {fmt.score(figures.score)}
          </Text>
          <Text size="xs" c="dimmed">
            {t('entity.outOf')}
          </Text>
        </Stack>
        <Stack gap={4}>
          <Text size="sm" c="dimmed">
            {t('entity.category')}
          </Text>
          <div data-testid={`${figureTestId}-category`}>
            <CategoryBadge category={figures.category} size="xl" />
          </div>
        </Stack>
        <Stack gap={4}>
          <Text size="sm" c="dimmed">
            {t('entity.opinion')}
          </Text>
          <Text fw={700} data-testid={`${figureTestId}-opinion`}>
            {figures.opinion}
          </Text>
        </Stack>
        <Stack gap={4}>
          <Text size="sm" c="dimmed">
            {t('entity.zone')}
          </Text>
          <div data-testid={`${figureTestId}-zone`}>
            <ZoneBadge zone={figures.zone} size="lg" />
          </div>
        </Stack>
      </SimpleGrid>
      {children}
    </Paper>
  );
}

/** The result's data source: an imported official result, or computed from the answers. */
export function useSourceLabel(source: 'published' | 'answers'): string {
  const { t } = useTranslation();
  return source === 'published' ? t('common.sourcePublished') : t('common.sourceAnswers');
}
