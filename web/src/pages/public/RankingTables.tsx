/** Ranking tables, shown 50 rows at a time (a level can have over 400 entities). */
import { Anchor, Button, Group, Stack, Table, Text } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CategoryBadge, SyntheticBadge, ZoneBadge } from '../../components/badges';
import { useFormat } from '../../format';
import type { ImprovementView, RankedRowView } from './api';
import { cardPath } from './paths';

const STEP = 50;

function More({ shown, total, onMore }: { shown: number; total: number; onMore(): void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (total <= STEP) return null;
  return (
    <Group gap="sm">
      <Text size="sm" c="dimmed" aria-live="polite">
        {t('dashboard.rankings.shown', { shown: fmt.int(shown), total: fmt.int(total) })}
      </Text>
      {shown < total && (
        <Button size="xs" variant="outline" onClick={onMore}>
          {t('dashboard.rankings.showMore', { count: fmt.int(Math.min(STEP, total - shown)) })}
        </Button>
      )}
    </Group>
  );
}

/** The frame both ranking tables share: a hidden caption, the column headings, and STEP more rows at a time. */
function RankingTable<R extends { entity: { code: string } }>({
  rows,
  caption,
  head,
  row,
}: {
  rows: R[];
  caption: string;
  /** the column headings (Table.Th) */
  head: ReactNode;
  /** one row's cells (Table.Td) */
  row: (r: R) => ReactNode;
}) {
  const [shown, setShown] = useState(STEP);
  return (
    <Stack gap="xs">
      <Table.ScrollContainer minWidth={560} type="native">
        <Table striped highlightOnHover verticalSpacing={6} data-testid="ranking-table">
          <Table.Caption className="visually-hidden">{caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>{head}</Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.slice(0, shown).map((r) => (
              <Table.Tr key={r.entity.code} data-testid="ranking-row">
                {row(r)}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <More shown={Math.min(shown, rows.length)} total={rows.length} onMore={() => setShown((s) => s + STEP)} />
    </Stack>
  );
}

export function RankedTable({
  year,
  rows,
  rank,
  caption,
}: {
  year: number;
  rows: RankedRowView[];
  rank: 'rank' | 'provinceRank';
  caption: string;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <RankingTable
      rows={rows}
      caption={caption}
      head={
        <>
          <Table.Th scope="col" className="num">
            {t('table.rank')}
          </Table.Th>
          <Table.Th scope="col">{t('table.entity')}</Table.Th>
          <Table.Th scope="col">{t('table.province')}</Table.Th>
          <Table.Th scope="col" className="num">
            {t('table.score')}
          </Table.Th>
          <Table.Th scope="col">{t('table.category')}</Table.Th>
          <Table.Th scope="col">{t('table.zone')}</Table.Th>
        </>
      }
      row={(r) => (
        <>
          <Table.Td className="num">{fmt.int(r[rank] ?? r.rank)}</Table.Td>
          <Table.Td className="cell-name">
            <Group gap={6}>
              <Anchor component={Link} to={cardPath(year, r.entity.code)} fw={600}>
                {r.entity.name}
              </Anchor>
              {r.synthetic && <SyntheticBadge />}
            </Group>
          </Table.Td>
          <Table.Td>{r.entity.province ?? t('common.none')}</Table.Td>
          <Table.Td className="num">{fmt.score(r.score)}</Table.Td>
          <Table.Td>
            <CategoryBadge category={r.category} size="sm" />
          </Table.Td>
          <Table.Td>
            <ZoneBadge zone={r.zone} size="sm" />
          </Table.Td>
        </>
      )}
    />
  );
}

export function ImprovedTable({ year, previous, rows }: { year: number; previous: number; rows: ImprovementView[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const signed = (v: number) => (v > 0 ? `+${fmt.score(v)}` : fmt.score(v));
  return (
    <RankingTable
      rows={rows}
      caption={t('dashboard.rankings.improved')}
      head={
        <>
          <Table.Th scope="col" className="num">
            {t('table.rank')}
          </Table.Th>
          <Table.Th scope="col">{t('table.entity')}</Table.Th>
          <Table.Th scope="col" className="num">
            {t('dashboard.rankings.previous', { year: previous })}
          </Table.Th>
          <Table.Th scope="col" className="num">
            {t('dashboard.rankings.previous', { year })}
          </Table.Th>
          <Table.Th scope="col" className="num">
            {t('dashboard.rankings.change')}
          </Table.Th>
          <Table.Th scope="col">{t('table.zone')}</Table.Th>
        </>
      }
      row={(r) => (
        <>
          <Table.Td className="num">{fmt.int(r.rank)}</Table.Td>
          <Table.Td className="cell-name">
            <Anchor component={Link} to={cardPath(year, r.entity.code)} fw={600}>
              {r.entity.name}
            </Anchor>
          </Table.Td>
          <Table.Td className="num">{fmt.score(r.previous.score)}</Table.Td>
          <Table.Td className="num">{fmt.score(r.current.score)}</Table.Td>
          <Table.Td className="num" fw={700}>
            {signed(r.change)}
          </Table.Td>
          <Table.Td>
            <ZoneBadge zone={r.current.zone} size="sm" />
          </Table.Td>
        </>
      )}
    />
  );
}
