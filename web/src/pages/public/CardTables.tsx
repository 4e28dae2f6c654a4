/** The result card's tables: its service units' scores and its scores in earlier published cycles. */
import { Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CategoryBadge, IncompleteBadge, ZoneBadge } from '../../components/badges';
import { useFormat } from '../../format';
import type { ResultCardView } from './api';

export function CardUnits({ card }: { card: ResultCardView }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const units = [...card.units].sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || a.name.localeCompare(b.name, 'id'));
  return (
    <Stack gap="xs" component="section" aria-labelledby="units-heading">
      <Title order={2} size="h3" id="units-heading">
        {t('dashboard.card.units')}
      </Title>
      {units.length === 0 ? (
        <Text c="dimmed">{t('dashboard.card.noUnits')}</Text>
      ) : (
        <Table striped verticalSpacing={6} data-testid="card-units">
          <Table.Caption className="visually-hidden">
            {t('dashboard.card.unitsCaption', { entity: card.entity.name, year: card.cycle.year })}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('table.unit')}</Table.Th>
              <Table.Th scope="col" className="num">
                {t('table.score')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {units.map((u) => (
              <Table.Tr key={u.id}>
                <Table.Th scope="row" fw={500} className="cell-name">
                  <Group gap={6}>
                    {u.name}
                    {!u.complete && <IncompleteBadge />}
                  </Group>
                </Table.Th>
                <Table.Td className="num">{fmt.score(u.score)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

export function CardHistory({ card }: { card: ResultCardView }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const points = [...card.history].sort((a, b) => b.year - a.year);
  return (
    <Stack gap="xs" component="section" aria-labelledby="history-heading">
      <Title order={2} size="h3" id="history-heading">
        {t('dashboard.card.history')}
      </Title>
      <Table verticalSpacing={6} data-testid="card-history">
        <Table.Caption className="visually-hidden">
          {t('dashboard.card.historyCaption', { entity: card.entity.name })}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('table.year')}</Table.Th>
            <Table.Th scope="col" className="num">
              {t('table.score')}
            </Table.Th>
            <Table.Th scope="col">
              {t('table.category')} · {t('table.zone')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {points.map((p) => (
            <Table.Tr key={p.year} aria-current={p.year === card.cycle.year ? 'true' : undefined}>
              <Table.Th scope="row" fw={p.year === card.cycle.year ? 700 : 500}>
                {p.year}
              </Table.Th>
              <Table.Td className="num">{fmt.score(p.score)}</Table.Td>
              <Table.Td>
                <Group gap={6}>
                  {p.category !== null && <CategoryBadge category={p.category} size="sm" />}
                  <ZoneBadge zone={p.zone} size="sm" />
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
