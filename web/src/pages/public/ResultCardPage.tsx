/** An entity's public result card: a shareable page with its score, category, opinion, zone, ranks, units, history, and its report card and certificate as PDFs. */
import { Alert, Anchor, Button, CopyButton, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { publicReportUrl } from '../../api/reports';
import { ResultFlags } from '../../components/badges';
import { DetailPage, EntityHeading } from '../../components/DetailPage';
import { ReportLinks } from '../../components/ReportLinks';
import { ScoreHeadline, useSourceLabel } from '../../components/ScoreHeadline';
import { useFormat, useLanguage } from '../../format';
import { usePageTitle } from '../usePageTitle';
import { type ResultCardView, useResultCard } from './api';
import { CardHistory, CardUnits } from './CardTables';
import { overviewPath, usePublicYear } from './paths';

function Headline({ card }: { card: ResultCardView }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const lang = useLanguage();
  const source = useSourceLabel(card.source);
  const level = t(`levels.${card.entity.level}`).toLocaleLowerCase();
  return (
    <ScoreHeadline
      figures={{ ...card, opinion: card.opinionText[lang] }}
      testId="result-card"
      figureTestId="card"
      scoreClassName="stat-value"
    >
      <Text size="sm" mt="md" data-testid="card-rank">
        {t('dashboard.card.rank', { rank: fmt.int(card.rank), size: fmt.int(card.levelSize), level })}
        {card.provinceRank !== null &&
          card.provinceSize !== null &&
          `, ${t('dashboard.card.provinceRank', {
            rank: fmt.int(card.provinceRank),
            size: fmt.int(card.provinceSize),
            province: card.entity.province ?? '',
          })}`}
      </Text>
      <Group gap="xs" mt="xs">
        <Text size="sm" c="dimmed">
          {source}
        </Text>
        <ResultFlags synthetic={card.synthetic} complete={card.complete} />
      </Group>
      {card.award?.withheld === true && (
        <Alert color="red" mt="sm" data-testid="card-withheld">
          {t('dashboard.card.withheld')}
        </Alert>
      )}
    </ScoreHeadline>
  );
}

function Share({ card }: { card: ResultCardView }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const url = typeof window === 'undefined' ? '' : window.location.href;
  const canShare = typeof navigator !== 'undefined' && typeof navigator.share === 'function';
  const text = t('dashboard.card.shareText', {
    entity: card.entity.name,
    score: fmt.score(card.score),
    year: card.cycle.year,
  });
  return (
    <Group gap="xs">
      <CopyButton value={url}>
        {({ copied, copy }) => (
          <Button size="xs" variant="outline" onClick={copy} data-testid="copy-link">
            {copied ? t('dashboard.card.copied') : t('dashboard.card.copy')}
          </Button>
        )}
      </CopyButton>
      {canShare && (
        <Button
          size="xs"
          variant="outline"
          onClick={() => void navigator.share({ title: card.entity.name, text, url }).catch(() => {})}
        >
          {t('dashboard.card.share')}
        </Button>
      )}
    </Group>
  );
}

export function ResultCardPage() {
  const { t } = useTranslation();
  const year = usePublicYear();
  const code = useParams().code ?? '';
  const q = useResultCard(year, code);
  usePageTitle(q.data ? `${q.data.entity.name} ${year}` : undefined);
  if (year === null) return <Alert color="gray">{t('dashboard.notFound')}</Alert>;

  return (
    <DetailPage
      query={q}
      back={{ to: overviewPath(year), label: t('dashboard.card.back', { year }) }}
      name={(card) => card.entity.name}
      notFound={
        <Alert color="gray" data-testid="card-not-found">
          {t('dashboard.card.notFound', { year })}
        </Alert>
      }
    >
      {(card) => (
        <>
          <Group justify="space-between" align="flex-end" gap="xs">
            <EntityHeading entity={card.entity} year={year} testId="card-entity" />
            <Share card={card} />
          </Group>
          <Headline card={card} />
          <ReportLinks
            reportCard={publicReportUrl(year, card.entity.code, 'report-card')}
            certificate={card.certificate ? publicReportUrl(year, card.entity.code, 'certificate') : null}
          />
          <Anchor component={Link} to={`/cycles/${year}/entities/${encodeURIComponent(card.entity.code)}`} fw={600}>
            {t('dashboard.card.details')}
          </Anchor>
          <CardUnits card={card} />
          <CardHistory card={card} />
        </>
      )}
    </DetailPage>
  );
}
