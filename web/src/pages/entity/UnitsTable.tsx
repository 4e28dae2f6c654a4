/**
 * The entity's service units with their score and dimension scores: a table, or
 * on a phone one card per unit so that the score is never scrolled out of sight.
 */
import { Anchor, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Result, UnitResult } from '../../api/schemas';
import { IncompleteBadge } from '../../components/badges';
import { useFormat } from '../../format';
import type { Labels } from '../../labels';

interface Props {
  year: number;
  result: Result;
  labels: Labels;
}

function UnitName({ unit, year }: { unit: UnitResult; year: number }) {
  const { t } = useTranslation();
  return (
    <Group gap={6}>
      {unit.id !== undefined ? (
        <Anchor
          component={Link}
          to={`/cycles/${year}/units/${unit.id}`}
          aria-label={t('entity.viewUnit', { name: unit.name })}
        >
          <span data-testid="unit-name">{unit.name}</span>
        </Anchor>
      ) : (
        <span data-testid="unit-name">{unit.name}</span>
      )}
      {!unit.complete && <IncompleteBadge />}
    </Group>
  );
}

function UnitCards({ year, result, labels }: Props) {
  const fmt = useFormat();
  return (
    <Stack gap="xs" data-testid="units-table">
      {result.units.map((u) => (
        <Paper key={u.id ?? u.name} withBorder p="sm" data-testid="unit-row">
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <UnitName unit={u} year={year} />
            <Text fw={800} fz="lg" data-testid="unit-score">
              {fmt.score(u.score)}
            </Text>
          </Group>
          <SimpleGrid cols={2} spacing={4} verticalSpacing={0} mt={4}>
            {u.dimensions.map((d) => (
              <Text key={d.code} size="sm" c="dimmed">
                {labels.dimension(d.code)} {fmt.score(d.score)}
              </Text>
            ))}
          </SimpleGrid>
        </Paper>
      ))}
    </Stack>
  );
}

function UnitTable({ year, result, labels }: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const dimCodes = [...new Set(result.units.flatMap((u) => u.dimensions.map((d) => d.code)))];
  return (
    <Table.ScrollContainer minWidth={320 + dimCodes.length * 72} type="native">
      <Table striped verticalSpacing="xs" data-testid="units-table">
        <Table.Caption className="visually-hidden">
          {t('entity.unitsCaption', { entity: result.entity.name, year })}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('table.unit')}</Table.Th>
            <Table.Th scope="col" className="num">
              {t('table.score')}
            </Table.Th>
            {dimCodes.map((c) => (
              <Table.Th scope="col" className="num" key={c}>
                {labels.dimension(c)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {result.units.map((u) => (
            <Table.Tr key={u.id ?? u.name} data-testid="unit-row">
              <Table.Th scope="row" className="cell-name" fw={500}>
                <UnitName unit={u} year={year} />
              </Table.Th>
              <Table.Td className="num" fw={700} data-testid="unit-score">
                {fmt.score(u.score)}
              </Table.Td>
              {dimCodes.map((c) => (
                <Table.Td className="num" key={c}>
                  {fmt.score(u.dimensions.find((d) => d.code === c)?.score)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function UnitsTable(props: Props) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 36em)');
  return (
    <Stack gap="xs" component="section" aria-labelledby="units-heading">
      <Title order={2} size="h3" id="units-heading">
        {t('entity.units')}
      </Title>
      {props.result.units.length === 0 ? (
        <Text c="dimmed">{t('entity.noUnits')}</Text>
      ) : phone ? (
        <UnitCards {...props} />
      ) : (
        <UnitTable {...props} />
      )}
    </Stack>
  );
}
