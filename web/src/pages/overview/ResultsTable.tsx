/** One page of results: rank, entity, level, province, score, category, zone. */
import { Anchor, Group, Table, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ResultSort } from '../../api/queries';
import type { Result } from '../../api/schemas';
import { CategoryBadge, ResultFlags, ZoneBadge } from '../../components/badges';
import { useFormat } from '../../format';

interface Props {
  year: number;
  rows: Result[];
  caption: string;
  sort: ResultSort;
  onSort(sort: ResultSort): void;
}

export function ResultsTable({ year, rows, caption, sort, onSort }: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const scoreSort = sort === 'score' ? 'ascending' : sort === '-score' ? 'descending' : 'none';
  return (
    <Table.ScrollContainer minWidth={720} type="native">
      <Table striped highlightOnHover verticalSpacing="xs" data-testid="results-table">
        <Table.Caption className="visually-hidden">{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" className="num">
              {t('table.rank')}
            </Table.Th>
            <Table.Th scope="col" aria-sort={sort === 'name' ? 'ascending' : 'none'}>
              <UnstyledButton fw={700} fz="sm" onClick={() => onSort('name')}>
                {t('table.entity')}
              </UnstyledButton>
            </Table.Th>
            <Table.Th scope="col">{t('table.level')}</Table.Th>
            <Table.Th scope="col">{t('table.province')}</Table.Th>
            <Table.Th scope="col" className="num" aria-sort={scoreSort}>
              <UnstyledButton
                fw={700}
                fz="sm"
                onClick={() => onSort(sort === '-score' ? 'score' : '-score')}
                data-testid="sort-score"
              >
                {t('table.score')} {sort === '-score' ? '↓' : sort === 'score' ? '↑' : ''}
              </UnstyledButton>
            </Table.Th>
            <Table.Th scope="col">{t('table.category')}</Table.Th>
            <Table.Th scope="col">{t('table.zone')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.entity.code} data-testid="result-row">
              <Table.Td className="num">{fmt.int(r.rank)}</Table.Td>
              <Table.Td className="cell-name">
                <Group gap={6} wrap="wrap">
                  <Anchor
                    component={Link}
                    to={`/cycles/${year}/entities/${encodeURIComponent(r.entity.code)}`}
                    fw={600}
                  >
                    {r.entity.name}
                  </Anchor>
                  <ResultFlags synthetic={r.synthetic} complete={r.complete} />
                </Group>
              </Table.Td>
              <Table.Td>{t(`levels.${r.entity.level}`)}</Table.Td>
              <Table.Td>{r.entity.province ?? t('common.none')}</Table.Td>
              <Table.Td className="num" data-testid="result-score">
                {fmt.score(r.score)}
              </Table.Td>
              <Table.Td>
                <CategoryBadge category={r.category} size="sm" />
              </Table.Td>
              <Table.Td>
                <ZoneBadge zone={r.zone} size="sm" />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
