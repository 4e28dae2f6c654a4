/**
 * The province map: a tile grid (province-grid.ts) drawn as SVG, each province a
 * link to the ranking within it, coloured by its share of entities in the green
 * zone or by the zone of its mean score; with a colour key and the same numbers as
 * a table. Tiles are focusable and named in words for screen readers.
 */
import { Button, Group, Paper, SegmentedControl, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ZONE_COLOURS } from '../../components/badges';
import { type Formatter, useFormat } from '../../format';
import type { ProvinceTally, SummaryView } from './api';
import { type Colour, meanColour, SHARE_STEPS, shareColour } from './map-colours';
import { ProvinceTable } from './ProvinceTable';
import { rankingsPath } from './paths';
import { EAST_FROM, GRID_COLUMNS, GRID_ROWS, PROVINCE_TILES, type ProvinceTile } from './province-grid';

export type MapMetric = 'green' | 'mean';
const CELL = 100;
const GAP = 8;
const NO_DATA: Colour = { bg: '#f1f3f5', fg: '#343a40' };

function colourOf(p: ProvinceTally | undefined, metric: MapMetric): Colour {
  if (!p || p.entities === 0) return NO_DATA;
  return metric === 'green' ? shareColour(p.greenShare ?? 0) : meanColour(p.meanZone);
}

function tileValue(p: ProvinceTally | undefined, metric: MapMetric, fmt: Formatter): string {
  if (!p || p.entities === 0) return '—';
  return metric === 'green' ? `${fmt.score(p.greenShare)}%` : fmt.score(p.meanScore);
}

interface TileProps {
  tile: ProvinceTile;
  data: ProvinceTally | undefined;
  metric: MapMetric;
  year: number;
}

function Tile({ tile, data, metric, year }: TileProps) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  const c = colourOf(data, metric);
  const value = tileValue(data, metric, fmt);
  const x = tile.col * CELL + GAP / 2;
  const y = tile.row * CELL + GAP / 2;
  const name = data?.province ?? tile.abbr;
  const label =
    data && data.entities > 0
      ? t('dashboard.map.tile', {
          province: name,
          entities: fmt.int(data.entities),
          green: fmt.score(data.greenShare),
          mean: fmt.score(data.meanScore),
        })
      : t('dashboard.map.tileNoData', { province: name });
  const body = (
    <>
      <title>{label}</title>
      <rect
        x={x}
        y={y}
        width={CELL - GAP}
        height={CELL - GAP}
        rx={8}
        fill={c.bg}
        stroke={data && data.entities > 0 ? 'none' : '#868e96'}
        strokeDasharray={data && data.entities > 0 ? undefined : '6 4'}
      />
      <text
        x={x + (CELL - GAP) / 2}
        y={y + 40}
        textAnchor="middle"
        fontSize={20}
        fontWeight={700}
        fill={c.fg}
        aria-hidden
        {...(tile.abbr.length > 5 ? { textLength: 82, lengthAdjust: 'spacingAndGlyphs' } : {})}
      >
        {tile.abbr}
      </text>
      <text
        x={x + (CELL - GAP) / 2}
        y={y + 70}
        textAnchor="middle"
        fontSize={19}
        fill={c.fg}
        aria-hidden
        {...(value.length > 6 ? { textLength: 82, lengthAdjust: 'spacingAndGlyphs' } : {})}
      >
        {value}
      </text>
    </>
  );
  if (!data || data.entities === 0) {
    return (
      <g aria-label={label} data-testid={`province-tile-${tile.code}`}>
        {body}
      </g>
    );
  }
  const to = rankingsPath(year, 'provinsi', { provinsi: tile.code });
  return (
    <a
      href={to}
      aria-label={label}
      data-testid={`province-tile-${tile.code}`}
      onClick={(e) => {
        e.preventDefault();
        navigate(to);
      }}
    >
      {body}
    </a>
  );
}

/** A part of the grid: the whole map on wide screens; west or east (cropped to its rows) on narrow ones. */
interface Part {
  key: string;
  cols: [number, number];
  rows: [number, number];
}
const WIDE: Part[] = [{ key: 'all', cols: [0, GRID_COLUMNS], rows: [0, GRID_ROWS] }];
const NARROW: Part[] = [
  { key: 'west', cols: [0, EAST_FROM], rows: [0, GRID_ROWS] },
  { key: 'east', cols: [EAST_FROM, GRID_COLUMNS], rows: [1, 6] },
];

function Grid({ part, summary, metric }: { part: Part; summary: SummaryView; metric: MapMetric }) {
  const { t } = useTranslation();
  const byCode = useMemo(() => new Map(summary.provinces.map((p) => [p.provinceCode, p])), [summary.provinces]);
  const [c0, c1] = part.cols;
  const [r0, r1] = part.rows;
  const tiles = PROVINCE_TILES.filter((p) => p.col >= c0 && p.col < c1 && p.row >= r0 && p.row < r1);
  return (
    // biome-ignore lint/a11y/useSemanticElements: an SVG holding links is named as a group; a fieldset cannot be drawn in SVG
    <svg
      viewBox={`${c0 * CELL} ${r0 * CELL} ${(c1 - c0) * CELL} ${(r1 - r0) * CELL}`}
      style={{ aspectRatio: `${c1 - c0} / ${r1 - r0}` }}
      role="group"
      aria-label={t(`dashboard.map.${part.key === 'all' ? 'title' : part.key === 'west' ? 'west' : 'east'}`)}
    >
      {tiles.map((tile) => (
        <Tile key={tile.code} tile={tile} data={byCode.get(tile.code)} metric={metric} year={summary.cycle.year} />
      ))}
    </svg>
  );
}

function Legend({ metric, zoneRanges }: { metric: MapMetric; zoneRanges: SummaryView['zoneRanges'] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const items =
    metric === 'green'
      ? SHARE_STEPS.map((s, i) => ({
          colour: s,
          label:
            i === SHARE_STEPS.length - 1
              ? t('dashboard.map.shareTop', { from: s.from })
              : t('dashboard.map.shareRange', { from: s.from, to: (SHARE_STEPS[i + 1]?.from ?? 100) - 1 }),
        }))
      : zoneRanges.map((l) => ({
          colour: ZONE_COLOURS[l.zone],
          label: `${t(`zones.${l.zone}`)}: ${fmt.score(l.from)}–${l.to === null ? '100' : fmt.score(l.to)}`,
        }));
  return (
    <Group gap="md" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('dashboard.map.legend')}>
      {[...items, { colour: NO_DATA, label: t('dashboard.map.noData') }].map((i) => (
        <Text component="li" size="xs" key={i.label}>
          <span className="swatch" style={{ background: i.colour.bg }} aria-hidden />
          {i.label}
        </Text>
      ))}
    </Group>
  );
}

export function ProvinceMap({ summary }: { summary: SummaryView }) {
  const { t } = useTranslation();
  const [metric, setMetric] = useState<MapMetric>('green');
  const [table, setTable] = useState(false);
  return (
    <Stack gap="xs" component="section" aria-labelledby="map-heading" data-testid="province-map">
      <Group justify="space-between" align="flex-end" gap="xs">
        <Title order={2} size="h3" id="map-heading">
          {t('dashboard.map.title')}
        </Title>
        <div>
          <VisuallyHidden id="map-metric-label">{t('dashboard.map.metric')}</VisuallyHidden>
          <SegmentedControl
            size="xs"
            aria-labelledby="map-metric-label"
            value={metric}
            onChange={(v) => setMetric(v === 'mean' ? 'mean' : 'green')}
            data={[
              { value: 'green', label: t('dashboard.map.green') },
              { value: 'mean', label: t('dashboard.map.mean') },
            ]}
            data-testid="map-metric"
          />
        </div>
      </Group>
      <Text size="sm" c="dimmed">
        {t('dashboard.map.intro')}
      </Text>
      <Paper withBorder p="xs">
        {/* one drawing for wide screens, two stacked halves for narrow ones: CSS shows one (the other is display: none) */}
        <div className="tile-map tile-map-wide" data-testid="province-map-wide">
          {WIDE.map((p) => (
            <Grid key={p.key} part={p} summary={summary} metric={metric} />
          ))}
        </div>
        <div className="tile-map tile-map-narrow" data-testid="province-map-narrow">
          {NARROW.map((p) => (
            <Grid key={p.key} part={p} summary={summary} metric={metric} />
          ))}
        </div>
      </Paper>
      <Legend metric={metric} zoneRanges={summary.zoneRanges} />
      <div>
        <Button
          variant="subtle"
          size="compact-sm"
          onClick={() => setTable((v) => !v)}
          aria-expanded={table}
          aria-controls="province-table"
          data-testid="map-table-toggle"
        >
          {table ? t('dashboard.map.hideTable') : t('dashboard.map.showTable')}
        </Button>
      </div>
      <div id="province-table" hidden={!table}>
        {table && <ProvinceTable summary={summary} />}
      </div>
    </Stack>
  );
}
