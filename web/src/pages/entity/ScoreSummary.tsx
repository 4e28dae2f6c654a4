/** The headline of an entity page: score, category, opinion, zone, rank. */
import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Result } from '../../api/schemas';
import { ResultFlags } from '../../components/badges';
import { ScoreHeadline, useSourceLabel } from '../../components/ScoreHeadline';
import { useFormat, useLanguage } from '../../format';

export function ScoreSummary({ result }: { result: Result }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const lang = useLanguage();
  const source = useSourceLabel(result.source);
  const opinion = result.opinionText?.[lang] ?? result.opinion;
  return (
    <ScoreHeadline figures={{ ...result, opinion }} testId="score-summary" figureTestId="entity">
      <Group gap="xs" mt="md">
        <Text size="sm">
          {t('entity.rank', {
            rank: fmt.int(result.rank),
            level: t(`levels.${result.entity.level}`).toLocaleLowerCase(),
          })}
          {result.provinceRank !== null && `, ${t('entity.provinceRank', { rank: fmt.int(result.provinceRank) })}`}
        </Text>
        <Badge variant="outline" color="dark" radius="sm">
          {source}
        </Badge>
        <ResultFlags synthetic={result.synthetic} complete={result.complete} />
      </Group>
      {result.publishedUnits && (
        <Text size="sm" c="dimmed" mt="xs" data-testid="published-unit-mean">
          {t(result.publishedUnits.withinRounding ? 'entity.unitMeanRounding' : 'entity.unitMeanDiffers', {
            mean: fmt.exact(result.publishedUnits.unitMean),
            difference: fmt.exact(Math.abs(result.publishedUnits.difference)),
          })}
        </Text>
      )}
    </ScoreHeadline>
  );
}
