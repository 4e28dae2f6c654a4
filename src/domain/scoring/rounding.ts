/**
 * Methodology rule 6: scores are kept unrounded; for display and banding they are
 * rounded half up to two decimals.
 *
 * Binary floating point stores 77.995 as 77.99499999999999…, so a naive
 * Math.round(x * 100) / 100 rounds it down. Scores are ratios of small integers
 * (answers, respondent counts, weights with two decimals), so any true value sits
 * far more than 1e-9 away from a rounding boundary unless it is exactly on it.
 * We therefore first snap the value to 9 decimals (removing representation noise),
 * then round half up on the decimal digits.
 */
export function roundHalfUp(value: number, decimals = 2): number {
  if (!Number.isFinite(value)) throw new RangeError(`cannot round ${value}`);
  const negative = value < 0;
  const snapped = Math.abs(value).toFixed(9); // e.g. "77.995000000"
  const [intPart = '0', fracPart = ''] = snapped.split('.');
  const digits = BigInt(intPart + fracPart.slice(0, decimals));
  const next = fracPart.charCodeAt(decimals) - 48; // first dropped digit
  const rounded = next >= 5 ? digits + 1n : digits;
  const result = Number(rounded) / 10 ** decimals;
  return negative && result !== 0 ? -result : result;
}

/** The rounded score in integer hundredths, for exact comparisons against band minimums. */
export function toHundredths(value: number): number {
  return Math.round(roundHalfUp(value, 2) * 100);
}

/** Formats a rounded score with exactly two decimals, Indonesian style uses a comma. */
export function formatScore(value: number, locale: 'id' | 'en' = 'id'): string {
  const s = roundHalfUp(value, 2).toFixed(2);
  return locale === 'id' ? s.replace('.', ',') : s;
}
