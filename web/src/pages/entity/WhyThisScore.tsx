/**
 * "Why this score", in words, from the engine's explanation: how many points each
 * dimension cost and on which indicators, then the costliest indicators.
 */
import { Alert, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DimensionCost, Explanation, Result } from '../../api/schemas';
import { type Formatter, useFormat } from '../../format';
import type { Labels } from '../../labels';

/** The indicators of a dimension that cost most, highest first. */
export function topIndicators(d: DimensionCost, n: number): Array<{ code: string; cost: number }> {
  return d.variables
    .flatMap((v) => v.indicators)
    .filter((i) => i.cost > 0.005)
    .sort((a, b) => b.cost - a.cost || a.code.localeCompare(b.code))
    .slice(0, n);
}

function DimensionSentence({ d, labels, fmt }: { d: DimensionCost; labels: Labels; fmt: Formatter }) {
  const { t } = useTranslation();
  const top = topIndicators(d, 2);
  // codes keep the sentence short; the table below gives each indicator's question
  const names = top.map((i) => `${i.code} (${t('common.points', { value: fmt.score(i.cost) })})`);
  const joined =
    names.length > 1 ? `${names.slice(0, -1).join(', ')} ${t('entity.whyAnd')} ${names.at(-1)}` : (names[0] ?? '');
  return (
    <List.Item>
      {t('entity.whyDimension', { dimension: labels.dimension(d.code), cost: fmt.score(d.cost) })}
      {top.length > 0 && t('entity.whyMostly', { indicators: joined })}.
    </List.Item>
  );
}

export function WhyThisScore({
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
  const heading = (
    <Title order={2} size="h3" id="why-heading">
      {t('entity.why', { score: fmt.score(result.score) })}
    </Title>
  );
  if (!explanation) {
    return (
      <Stack gap="xs" component="section" aria-labelledby="why-heading">
        {heading}
        <Alert color="gray">{t('entity.whyNone')}</Alert>
      </Stack>
    );
  }
  const dims = [...explanation.dimensions].filter((d) => d.cost > 0.005).sort((a, b) => b.cost - a.cost);
  const costliest = explanation.costliest.filter((c) => c.cost > 0.005).slice(0, 5);
  return (
    <Stack gap="sm" component="section" aria-labelledby="why-heading" data-testid="why-this-score">
      {heading}
      <Paper withBorder p="md">
        <Text fw={600}>{t('entity.whyLead', { entity: result.entity.name, lost: fmt.score(100 - result.score) })}</Text>
        <List mt="xs" spacing={6} size="sm">
          {dims.map((d) => (
            <DimensionSentence key={d.code} d={d} labels={labels} fmt={fmt} />
          ))}
        </List>
      </Paper>
      {costliest.length > 0 && (
        <>
          <Title order={3} size="h4">
            {t('entity.costliest')}
          </Title>
          <Table.ScrollContainer minWidth={320} type="native">
            <Table verticalSpacing="xs" striped data-testid="costliest-table">
              <Table.Caption className="visually-hidden">{t('entity.costliestCaption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('entity.indicator')}</Table.Th>
                  <Table.Th scope="col" className="num">
                    {t('table.score')}
                  </Table.Th>
                  <Table.Th scope="col" className="num">
                    {t('entity.lostPoints')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {costliest.map((c) => (
                  <Table.Tr key={c.code}>
                    <Table.Td className="cell-name">
                      <Text fw={600} size="sm">
                        {c.code}
                      </Text>
                      <Text size="xs" fw={600} c="dimmed">
                        {labels.variable(c.dimension, c.variable)}
                      </Text>
                      {labels.indicator(c.code) && (
                        <Text size="xs" c="dimmed">
                          {labels.indicator(c.code)}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td className="num">{fmt.score(c.score)}</Table.Td>
                    <Table.Td className="num">{fmt.score(c.cost)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Stack>
  );
}
