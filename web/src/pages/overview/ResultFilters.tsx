/** Search, filters and sort of the results table; their state lives in the URL. */
import { Button, Grid, NativeSelect, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResultQuery, ResultSort } from '../../api/queries';
import { LEVELS, type Result, ZONES } from '../../api/schemas';

/** two selects a row on a phone, all in one row on a wide screen */
const SELECT_SPAN = { base: 6, md: 4, lg: 'auto' } as const;

export interface FilterProps {
  query: ResultQuery;
  all: Result[];
  onChange(patch: Partial<ResultQuery>): void;
  onReset(): void;
}

export function ResultFilters({ query, all, onChange, onReset }: FilterProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(query.q ?? '');
  const pushSearch = useDebouncedCallback((q: string) => onChange({ q: q || undefined }), 300);

  const provinces = useMemo(() => {
    const m = new Map<string, string>();
    for (const r of all)
      if (r.entity.provinceCode && r.entity.province) m.set(r.entity.provinceCode, r.entity.province);
    return [...m.entries()].sort((a, b) => a[1].localeCompare(b[1], 'id')).map(([value, label]) => ({ value, label }));
  }, [all]);
  const categories = useMemo(
    () => [...new Set(all.flatMap((r) => (r.category === null ? [] : [r.category])))].sort(),
    [all],
  );
  const levels = useMemo(() => LEVELS.filter((l) => all.some((r) => r.entity.level === l)), [all]);
  const allOption = { value: '', label: t('common.all') };
  const filtered = !!(query.q || query.level || query.province || query.category || query.zone);

  return (
    <form aria-label={t('overview.filters')} onSubmit={(e) => e.preventDefault()}>
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, md: 4, lg: 3 }}>
          <TextInput
            label={t('overview.search')}
            placeholder={t('overview.searchPlaceholder')}
            type="search"
            value={search}
            data-testid="filter-q"
            onChange={(e) => {
              setSearch(e.currentTarget.value);
              pushSearch(e.currentTarget.value.trim());
            }}
          />
        </Grid.Col>
        <Grid.Col span={SELECT_SPAN}>
          <NativeSelect
            label={t('table.level')}
            data-testid="filter-level"
            value={query.level ?? ''}
            data={[allOption, ...levels.map((l) => ({ value: l, label: t(`levels.${l}`) }))]}
            onChange={(e) => onChange({ level: e.currentTarget.value || undefined })}
          />
        </Grid.Col>
        <Grid.Col span={SELECT_SPAN}>
          <NativeSelect
            label={t('table.province')}
            data-testid="filter-province"
            value={query.province ?? ''}
            data={[allOption, ...provinces]}
            onChange={(e) => onChange({ province: e.currentTarget.value || undefined })}
          />
        </Grid.Col>
        {categories.length > 0 && (
          <Grid.Col span={SELECT_SPAN}>
            <NativeSelect
              label={t('table.category')}
              data-testid="filter-category"
              value={query.category ?? ''}
              data={[allOption, ...categories.map((c) => ({ value: c, label: c }))]}
              onChange={(e) => onChange({ category: e.currentTarget.value || undefined })}
            />
          </Grid.Col>
        )}
        <Grid.Col span={SELECT_SPAN}>
          <NativeSelect
            label={t('table.zone')}
            data-testid="filter-zone"
            value={query.zone ?? ''}
            data={[allOption, ...ZONES.map((z) => ({ value: z, label: t(`zones.${z}`) }))]}
            onChange={(e) => onChange({ zone: e.currentTarget.value || undefined })}
          />
        </Grid.Col>
        <Grid.Col span={SELECT_SPAN}>
          <NativeSelect
            label={t('overview.sort')}
            data-testid="filter-sort"
            value={query.sort}
            data={[
              { value: '-score', label: t('overview.sortScoreDesc') },
              { value: 'score', label: t('overview.sortScoreAsc') },
              { value: 'name', label: t('overview.sortName') },
            ]}
            onChange={(e) => onChange({ sort: e.currentTarget.value as ResultSort })}
          />
        </Grid.Col>
      </Grid>
      {filtered && (
        <Button
          variant="subtle"
          size="xs"
          mt="xs"
          onClick={() => {
            setSearch('');
            onReset();
          }}
        >
          {t('overview.resetFilters')}
        </Button>
      )}
    </form>
  );
}
