/** An entity's public result card: a shareable page with its score, category, opinion, zone, ranks, units, history, and its report card and certificate as PDFs. */
import {
  Alert,
  Anchor,
  Breadcrumbs,
  Button,
  CopyButton,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/http';
import { publicReportUrl } from '../../api/reports';
import { CategoryBadge, IncompleteBadge, SyntheticBadge, ZoneBadge } from '../../components/badges';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { ReportLinks } from '../../components/ReportLinks';
import { useFormat, useLanguage } from '../../format';
import { usePageTitle } from '../usePageTitle';
import { type ResultCardView, useResultCard } from './api';
import { CardHistory, CardUnits } from './CardTables';
import { overviewPath, usePublicYear } from './paths';

function Headline({ card }: { card: ResultCardView }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const lang = useLanguage();
  const level = t(`levels.${card.entity.level}`).toLocaleLowerCase();
  return (
    <Paper withBorder p="md" data-testid="result-card">
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
        <Stack gap={0}>
          <Text size="sm" c="dimmed">
            {t('entity.score')}
          </Text>
          <Text fz={40} fw={800} lh={1.1} data-testid="card-score" className="stat-value">
            {fmt.score(card.score)}
          </Text>
          <Text size="xs" c="dimmed">
            {t('entity.outOf')}
          </Text>
        </Stack>
        <Stack gap={4}>
          <Text size="sm" c="dimmed">
            {t('entity.category')}
          </Text>
          <div data-testid="card-category">
            <CategoryBadge category={card.category} size="xl" />
          </div>
        </Stack>
        <Stack gap={4}>
          <Text size="sm" c="dimmed">
            {t('entity.opinion')}
          </Text>
          <Text fw={700} data-testid="card-opinion">
            {card.opinionText[lang]}
          </Text>
        </Stack>
        <Stack gap={4}>
          <Text size="sm" c="dimmed">
            {t('entity.zone')}
          </Text>
          <div data-testid="card-zone">
            <ZoneBadge zone={card.zone} size="lg" />
          </div>
        </Stack>
      </SimpleGrid>
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
          {card.source === 'published' ? t('common.sourcePublished') : t('common.sourceAnswers')}
        </Text>
        {card.synthetic && <SyntheticBadge />}
        {!card.complete && <IncompleteBadge />}
      </Group>
    </Paper>
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

  const crumbs = (
    <Breadcrumbs>
      <Anchor component={Link} to={overviewPath(year)} size="sm">
        {t('dashboard.card.back', { year })}
      </Anchor>
      {q.data && (
        <Text size="sm" aria-current="page">
          {q.data.entity.name}
        </Text>
      )}
    </Breadcrumbs>
  );
  if (q.isPending)
    return (
      <Stack>
        {crumbs}
        <Loading />
      </Stack>
    );
  if (q.error)
    return (
      <Stack>
        {crumbs}
        {isApiError(q.error) && q.error.code === 'NOT_FOUND' ? (
          <Alert color="gray" data-testid="card-not-found">
            {t('dashboard.card.notFound', { year })}
          </Alert>
        ) : (
          <ErrorNotice error={q.error} onRetry={() => void q.refetch()} />
        )}
      </Stack>
    );

  const card = q.data;
  const place = [t(`levels.${card.entity.level}`), card.entity.province].filter(Boolean).join(' · ');
  return (
    <Stack gap="lg">
      {crumbs}
      <Group justify="space-between" align="flex-end" gap="xs">
        <div>
          <Title order={1} data-testid="card-entity">
            {card.entity.name}
          </Title>
          <Text c="dimmed">
            {place} · {year}
          </Text>
        </div>
        <Share card={card} />
      </Group>
      <Headline card={card} />
      <ReportLinks
        reportCard={publicReportUrl(year, card.entity.code, 'report-card')}
        certificate={card.zone === 'hijau' ? publicReportUrl(year, card.entity.code, 'certificate') : null}
      />
      <Anchor component={Link} to={`/cycles/${year}/entities/${encodeURIComponent(card.entity.code)}`} fw={600}>
        {t('dashboard.card.details')}
      </Anchor>
      <CardUnits card={card} />
      <CardHistory card={card} />
    </Stack>
  );
}
