/** The map's numbers as a table: every province, its entities, mean score and zones. */
import { Anchor, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ZONES } from '../../api/schemas';
import { useFormat } from '../../format';
import type { SummaryView } from './api';
import { rankingsPath } from './paths';

export function ProvinceTable({ summary }: { summary: SummaryView }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const year = summary.cycle.year;
  const rows = [...summary.provinces].sort((a, b) => a.province.localeCompare(b.province, 'id'));
  return (
    <Table.ScrollContainer minWidth={560} type="native">
      <Table striped verticalSpacing={4} data-testid="province-table">
        <Table.Caption>{t('dashboard.map.tableCaption', { year })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('dashboard.map.province')}</Table.Th>
            <Table.Th scope="col" className="num">
              {t('dashboard.distribution.entities')}
            </Table.Th>
            <Table.Th scope="col" className="num">
              {t('dashboard.distribution.mean')}
            </Table.Th>
            <Table.Th scope="col" className="num">
              {t('dashboard.map.greenShare')}
            </Table.Th>
            {ZONES.map((z) => (
              <Table.Th scope="col" className="num" key={z}>
                {t(`zones.${z}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((p) => (
            <Table.Tr key={p.provinceCode}>
              <Table.Th scope="row" fw={500}>
                {p.entities > 0 ? (
                  <Anchor component={Link} to={rankingsPath(year, 'provinsi', { provinsi: p.provinceCode })}>
                    {p.province}
                  </Anchor>
                ) : (
                  p.province
                )}
              </Table.Th>
              <Table.Td className="num">{fmt.int(p.entities)}</Table.Td>
              <Table.Td className="num">{fmt.score(p.meanScore)}</Table.Td>
              <Table.Td className="num">{p.greenShare === null ? '—' : `${fmt.score(p.greenShare)}%`}</Table.Td>
              {ZONES.map((z) => (
                <Table.Td className="num" key={z}>
                  {fmt.int(p.zones.find((x) => x.zone === z)?.count ?? 0)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
