/** Dates as people read them in the current language. */
import { useMemo } from 'react';
import { useLanguage } from '../../format';

export function useDates() {
  const lang = useLanguage();
  return useMemo(() => {
    const locale = lang === 'id' ? 'id-ID' : 'en-GB';
    const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    const moment = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    return {
      /** yyyy-mm-dd → "3 Maret 2023" */
      day: (d: string | null) => (d ? day.format(new Date(`${d.slice(0, 10)}T00:00:00Z`)) : '—'),
      /** an ISO instant → local date and time */
      at: (d: string | null) => (d ? moment.format(new Date(d)) : '—'),
    };
  }, [lang]);
}

/** A respondent key as people read it: "" is an observation or a document check. */
export function respondentName(t: (k: 'followUp.objections.observation') => string, r: string): string {
  return r === '' ? t('followUp.objections.observation') : r;
}
