/** Names of dimensions, variables and indicators in the current language; codes when unknown. */
import { useMemo } from 'react';
import type { InstrumentLabels } from './api/schemas';
import { useLanguage } from './format';

export interface Labels {
  /** whether the server sent names at all */
  known: boolean;
  dimension(code: string): string;
  variable(dimension: string, code: string): string;
  /** the indicator's question, or null */
  indicator(code: string): string | null;
}

export function useLabels(instrument: InstrumentLabels | null | undefined): Labels {
  const lang = useLanguage();
  return useMemo(() => {
    const dims = new Map<string, string>();
    const vars = new Map<string, string>();
    const inds = new Map<string, string>();
    for (const d of instrument?.dimensions ?? []) {
      dims.set(d.code, d.name[lang]);
      for (const v of d.variables) {
        vars.set(`${d.code}.${v.code}`, v.name[lang]);
        for (const i of v.indicators ?? []) inds.set(i.code, i.text[lang]);
      }
    }
    return {
      known: dims.size > 0,
      dimension: (code) => dims.get(code) ?? code,
      variable: (d, code) => vars.get(`${d}.${code}`) ?? `${d}.${code}`,
      indicator: (code) => inds.get(code) ?? null,
    };
  }, [instrument, lang]);
}
