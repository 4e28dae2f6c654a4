/** Find an entity as you type (name, alias or code) and open its result card. */
import { Anchor, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { CategoryBadge, ZoneBadge } from '../../components/badges';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useFormat } from '../../format';
import { useSearch } from './api';
import { cardPath } from './paths';

export function EntitySearch({ year }: { year: number }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 250);
  const search = useSearch(year, debounced);
  const active = debounced.trim().length >= 2;
  const hits = active ? (search.data?.data ?? []) : [];
  const total = search.data?.total ?? 0;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const first = hits[0];
    if (first) navigate(cardPath(year, first.entity.code));
  };

  return (
    <Stack gap="xs" component="section" aria-labelledby="search-heading">
      <Title order={2} size="h3" id="search-heading">
        {t('dashboard.search.title')}
      </Title>
      <search>
        <form onSubmit={submit}>
          <TextInput
            type="search"
            label={t('dashboard.search.label')}
            description={t('dashboard.search.hint')}
            placeholder={t('dashboard.search.placeholder')}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            autoComplete="off"
            data-testid="public-search"
          />
        </form>
      </search>
      <div aria-live="polite">
        {active && search.data && (
          <Text size="sm" c="dimmed">
            {hits.length === 0
              ? t('dashboard.search.none', { year, q: debounced.trim() })
              : total > hits.length
                ? t('dashboard.search.more', { shown: fmt.int(hits.length), total: fmt.int(total) })
                : t('dashboard.search.count', { count: fmt.int(total) })}
          </Text>
        )}
      </div>
      {active && search.error && <ErrorNotice error={search.error} onRetry={() => void search.refetch()} />}
      {hits.length > 0 && (
        <Paper
          withBorder
          component="ul"
          p={0}
          m={0}
          aria-label={t('dashboard.search.results')}
          style={{ listStyle: 'none' }}
        >
          {hits.map((h) => (
            <li key={h.entity.code} className="search-hit" data-testid="search-hit">
              <Group justify="space-between" gap="xs" px="sm" py={8} wrap="nowrap">
                <div style={{ minWidth: 0 }}>
                  <Anchor component={Link} to={cardPath(year, h.entity.code)} fw={600}>
                    {h.entity.name}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {[t(`levels.${h.entity.level}`), h.entity.province, h.entity.code].filter(Boolean).join(' · ')}
                  </Text>
                </div>
                <Group gap={6} wrap="nowrap">
                  <Text fw={700} className="num">
                    {fmt.score(h.score)}
                  </Text>
                  {h.category && <CategoryBadge category={h.category} size="sm" />}
                  <ZoneBadge zone={h.zone} size="sm" />
                </Group>
              </Group>
            </li>
          ))}
        </Paper>
      )}
    </Stack>
  );
}
