/** The dashboard's tile-grid map holds every province of the registry once, each on its own square. */
import { getProvinces } from 'idn-area-data';
import { describe, expect, it } from 'vitest';
import { EAST_FROM, GRID_COLUMNS, GRID_ROWS, PROVINCE_TILES } from '../web/src/pages/public/province-grid.ts';

describe('the province tile grid', () => {
  it('has the 38 provinces of idn-area-data, each once', async () => {
    const codes = (await getProvinces()).map((p) => p.code).sort();
    expect(codes).toHaveLength(38);
    expect(PROVINCE_TILES.map((t) => t.code).sort()).toEqual(codes);
  });

  it('puts each on its own square inside the grid, with a short label', () => {
    const squares = new Set(PROVINCE_TILES.map((t) => `${t.col},${t.row}`));
    expect(squares.size).toBe(PROVINCE_TILES.length);
    for (const t of PROVINCE_TILES) {
      expect(t.col).toBeGreaterThanOrEqual(0);
      expect(t.col).toBeLessThan(GRID_COLUMNS);
      expect(t.row).toBeGreaterThanOrEqual(0);
      expect(t.row).toBeLessThan(GRID_ROWS);
      expect(t.abbr.length).toBeLessThanOrEqual(7);
    }
  });

  it('runs from Aceh in the north-west to Papua in the east', () => {
    const at = (code: string) => PROVINCE_TILES.find((t) => t.code === code);
    expect(at('11')).toMatchObject({ col: 0, row: 0 });
    for (const papua of ['91', '92', '93', '94', '95', '96']) expect(at(papua)?.col).toBeGreaterThanOrEqual(EAST_FROM);
    for (const sumatra of ['11', '12', '13', '14', '15', '16', '17', '18', '19', '21'])
      expect(at(sumatra)?.col).toBeLessThan(4);
  });
});
