/** Numbers as people read them: two decimals, Indonesian style (83,18) or English (83.18). */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguage, type Language } from './i18n';

const locales: Record<Language, string> = { id: 'id-ID', en: 'en-GB' };

export interface Formatter {
  /** two decimals; null → "—" */
  score(v: number | null | undefined): string;
  int(v: number): string;
  /** as many decimals as the API gave, up to four (the unit mean beside a published score) */
  exact(v: number): string;
}

export function formatter(lang: Language): Formatter {
  const two = new Intl.NumberFormat(locales[lang], { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const exact = new Intl.NumberFormat(locales[lang], { minimumFractionDigits: 2, maximumFractionDigits: 4 });
  const whole = new Intl.NumberFormat(locales[lang], { maximumFractionDigits: 0 });
  return {
    score: (v) => (v === null || v === undefined || Number.isNaN(v) ? '—' : two.format(v)),
    int: (v) => whole.format(v),
    exact: (v) => exact.format(v),
  };
}

export function useFormat(): Formatter {
  const { i18n } = useTranslation();
  const lang: Language = isLanguage(i18n.language) ? i18n.language : 'id';
  return useMemo(() => formatter(lang), [lang]);
}

export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return isLanguage(i18n.language) ? i18n.language : 'id';
}
