/** One service unit: its score and, per indicator, the answers and the points each cost. */
import { Anchor, Breadcrumbs, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useUnitDetail } from '../api/queries';
import type { UnitIndicator } from '../api/schemas';
import { IncompleteBadge, SyntheticBadge } from '../components/badges';
import { PageHeading } from '../components/DetailPage';
import { ErrorNotice } from '../components/ErrorNotice';
import { Loading } from '../components/Loading';
import { useFormat, useLanguage } from '../format';
import { useLabels } from '../labels';
import { indicatorGroups } from './unit/rows';
import { usePageTitle } from './usePageTitle';

function Answers({ row }: { row: UnitIndicator }) {
  const { t } = useTranslation();
  if (row.answers.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('unit.noAnswer')}
      </Text>
    );
  }
  return (
    <Group gap={4} maw={320}>
      {row.answers.map((a) => (
        <Text key={a.respondent || 'observation'} span size="sm" className="answer">
          {a.respondent ? `${a.respondent}: ` : ''}
          {a.value === null ? t('unit.notApplicable') : a.value}
        </Text>
      ))}
    </Group>
  );
}

function IndicatorRowView({ row, text }: { row: UnitIndicator; text: string | null }) {
  const fmt = useFormat();
  return (
    <Table.Tr data-testid="indicator-row">
      <Table.Td className="cell-name">
        <Text size="sm" fw={600}>
          {row.code}
        </Text>
        {text && (
          <Text size="xs" c="dimmed">
            {text}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Answers row={row} />
      </Table.Td>
      <Table.Td className="num">{fmt.score(row.score)}</Table.Td>
      <Table.Td className="num">{fmt.score(row.cost)}</Table.Td>
    </Table.Tr>
  );
}

export function UnitPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const lang = useLanguage();
  const params = useParams();
  const year = Number(params.year);
  const unitId = Number(params.unitId);
  const q = useUnitDetail(year, Number.isInteger(unitId) ? unitId : undefined);
  const labels = useLabels(q.data?.instrument);
  usePageTitle(q.data ? `${q.data.unit.name} · ${q.data.entity.name}` : undefined);

  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorNotice error={q.error} onRetry={() => void q.refetch()} />;
  const { unit, entity } = q.data;
  const groups = indicatorGroups(q.data);
  const entityPath = `/cycles/${year}/entities/${encodeURIComponent(entity.code)}`;
  return (
    <Stack gap="lg">
      <Breadcrumbs>
        <Anchor component={Link} to={`/cycles/${year}`} size="sm">
          {t('entity.backToOverview', { year })}
        </Anchor>
        <Anchor component={Link} to={entityPath} size="sm">
          {entity.name}
        </Anchor>
        <Text size="sm" aria-current="page">
          {unit.name}
        </Text>
      </Breadcrumbs>
      <PageHeading title={unit.name} testId="unit-title">
        {t('unit.of', { entity: entity.name, year })}
      </PageHeading>
      <Paper withBorder p="md">
        <Group gap="lg" align="flex-end">
          <div>
            <Text size="sm" c="dimmed">
              {t('entity.score')}
            </Text>
            <Text fz={36} fw={800} lh={1.1} data-testid="unit-detail-score">
              {fmt.score(q.data.score)}
            </Text>
          </div>
          {q.data.dimensions.map((d) => (
            <div key={d.code}>
              <Text size="sm" c="dimmed">
                {labels.dimension(d.code)}
              </Text>
              <Text fw={700}>{fmt.score(d.score)}</Text>
            </div>
          ))}
          {unit.synthetic && <SyntheticBadge />}
          {q.data.complete === false && <IncompleteBadge />}
        </Group>
      </Paper>
      <Stack gap="xs" component="section" aria-labelledby="indicators-heading">
        <Title order={2} size="h3" id="indicators-heading">
          {t('unit.indicators')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('unit.scaleNote')} {t('unit.notApplicableLong')}.
        </Text>
        <Table.ScrollContainer minWidth={640} type="native">
          <Table verticalSpacing="xs" data-testid="indicator-table">
            <Table.Caption className="visually-hidden">
              {t('unit.indicatorsCaption', { name: unit.name })}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('entity.indicator')}</Table.Th>
                <Table.Th scope="col">{t('unit.answers')}</Table.Th>
                <Table.Th scope="col" className="num">
                  {t('unit.score')}
                </Table.Th>
                <Table.Th scope="col" className="num">
                  {t('unit.cost')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {groups.map((g) => (
                <Fragment key={`${g.dimension}.${g.variable}`}>
                  <Table.Tr bg="gray.1">
                    <Table.Th scope="colgroup" colSpan={4}>
                      {labels.dimension(g.dimension)} — {labels.variable(g.dimension, g.variable)}
                    </Table.Th>
                  </Table.Tr>
                  {g.indicators.map((row) => (
                    <IndicatorRowView key={row.code} row={row} text={row.text?.[lang] ?? labels.indicator(row.code)} />
                  ))}
                </Fragment>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Stack>
  );
}
