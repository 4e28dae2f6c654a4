/**
 * The tile-grid map of Indonesia: each of the 38 provinces one square, placed
 * roughly where it lies, from Aceh in the north-west to Papua Selatan in the
 * south-east (no boundary data ships with any installed package, and none is
 * fetched). Columns 0–7 are the west (Sumatra, Java, Bali–Nusa Tenggara,
 * Kalimantan), 8–15 the east (Sulawesi, Maluku, Papua): on a narrow screen the
 * two halves stack, so a tile stays large enough to read and to tap.
 */
export interface ProvinceTile {
  /** Kemendagri province code */
  code: string;
  /** the short name printed on the tile */
  abbr: string;
  col: number;
  row: number;
}

export const GRID_COLUMNS = 16;
export const GRID_ROWS = 7;
/** the first column of the eastern half */
export const EAST_FROM = 8;

export const PROVINCE_TILES: readonly ProvinceTile[] = [
  { code: '11', abbr: 'ACEH', col: 0, row: 0 },
  { code: '12', abbr: 'SUMUT', col: 1, row: 1 },
  { code: '14', abbr: 'RIAU', col: 2, row: 1 },
  { code: '21', abbr: 'KEPRI', col: 3, row: 1 },
  { code: '13', abbr: 'SUMBAR', col: 1, row: 2 },
  { code: '15', abbr: 'JAMBI', col: 2, row: 2 },
  { code: '19', abbr: 'BABEL', col: 3, row: 2 },
  { code: '17', abbr: 'BKL', col: 1, row: 3 },
  { code: '16', abbr: 'SUMSEL', col: 2, row: 3 },
  { code: '18', abbr: 'LPG', col: 2, row: 4 },
  { code: '31', abbr: 'DKI', col: 4, row: 4 },
  { code: '36', abbr: 'BANTEN', col: 3, row: 5 },
  { code: '32', abbr: 'JABAR', col: 4, row: 5 },
  { code: '33', abbr: 'JATENG', col: 5, row: 5 },
  { code: '34', abbr: 'DIY', col: 5, row: 6 },
  { code: '35', abbr: 'JATIM', col: 6, row: 5 },
  { code: '51', abbr: 'BALI', col: 7, row: 5 },
  { code: '61', abbr: 'KALBAR', col: 5, row: 2 },
  { code: '62', abbr: 'KALTENG', col: 6, row: 2 },
  { code: '65', abbr: 'KALTARA', col: 7, row: 1 },
  { code: '64', abbr: 'KALTIM', col: 7, row: 2 },
  { code: '63', abbr: 'KALSEL', col: 7, row: 3 },
  { code: '52', abbr: 'NTB', col: 8, row: 5 },
  { code: '53', abbr: 'NTT', col: 9, row: 5 },
  { code: '75', abbr: 'GTLO', col: 9, row: 1 },
  { code: '71', abbr: 'SULUT', col: 10, row: 1 },
  { code: '76', abbr: 'SULBAR', col: 8, row: 2 },
  { code: '72', abbr: 'SULTENG', col: 9, row: 2 },
  { code: '73', abbr: 'SULSEL', col: 9, row: 3 },
  { code: '74', abbr: 'SULTRA', col: 10, row: 3 },
  { code: '82', abbr: 'MALUT', col: 11, row: 1 },
  { code: '81', abbr: 'MALUKU', col: 11, row: 3 },
  { code: '96', abbr: 'PBD', col: 12, row: 1 },
  { code: '92', abbr: 'PABAR', col: 13, row: 1 },
  { code: '91', abbr: 'PAPUA', col: 15, row: 1 },
  { code: '94', abbr: 'PATENG', col: 14, row: 2 },
  { code: '95', abbr: 'PAPEG', col: 15, row: 2 },
  { code: '93', abbr: 'PASEL', col: 15, row: 3 },
];
