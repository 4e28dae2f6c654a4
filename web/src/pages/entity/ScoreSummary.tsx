/** The headline of an entity page: score, category, opinion, zone, rank. */
import { Badge, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Result } from '../../api/schemas';
import { CategoryBadge, IncompleteBadge, SyntheticBadge, ZoneBadge } from '../../components/badges';
import { useFormat, useLanguage } from '../../format';

export function ScoreSummary({ result }: { result: Result }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const lang = useLanguage();
  const opinion = result.opinionText?.[lang] ?? result.opinion;
  return (
    <Paper withBorder p="md" data-testid="score-summary">
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
        <Stack gap={0}>
          <Text size="sm" c="dimmed">
            {t('entity.score')}
          </Text>
          <Text fz={40} fw={800} lh={1.1} data-testid="entity-score">
            {fmt.score(result.score)}
          </Text>
          <Text size="xs" c="dimmed">
            {t('entity.outOf')}
          </Text>
        </Stack>
        <Stack gap={4}>
          <Text size="sm" c="dimmed">
            {t('entity.category')}
          </Text>
          <div data-testid="entity-category">
            <CategoryBadge category={result.category} size="xl" />
          </div>
        </Stack>
        <Stack gap={4}>
          <Text size="sm" c="dimmed">
            {t('entity.opinion')}
          </Text>
          <Text fw={700} data-testid="entity-opinion">
            {opinion}
          </Text>
        </Stack>
        <Stack gap={4}>
          <Text size="sm" c="dimmed">
            {t('entity.zone')}
          </Text>
          <div data-testid="entity-zone">
            <ZoneBadge zone={result.zone} size="lg" />
          </div>
        </Stack>
      </SimpleGrid>
      <Group gap="xs" mt="md">
        <Text size="sm">
          {t('entity.rank', {
            rank: fmt.int(result.rank),
            level: t(`levels.${result.entity.level}`).toLocaleLowerCase(),
          })}
          {result.provinceRank !== null && `, ${t('entity.provinceRank', { rank: fmt.int(result.provinceRank) })}`}
        </Text>
        <Badge variant="outline" color="dark" radius="sm">
          {result.source === 'published' ? t('common.sourcePublished') : t('common.sourceAnswers')}
        </Badge>
        {result.synthetic && <SyntheticBadge />}
        {!result.complete && <IncompleteBadge />}
      </Group>
    </Paper>
  );
}
