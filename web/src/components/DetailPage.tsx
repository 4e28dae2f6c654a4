/**
 * The frame of a page about one thing that one query loads (an entity's result, its
 * follow-up, its public result card): breadcrumbs back to where it is listed, with
 * the thing's name once it has loaded; then a spinner, the error with a retry, or
 * the page. And the page's heading: its name, and a line saying where it belongs.
 */
import { Anchor, Breadcrumbs, Stack, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../api/http';
import type { Level } from '../api/schemas';
import { ErrorNotice } from './ErrorNotice';
import { Loading } from './Loading';

export function DetailPage<T>({
  query,
  back,
  name,
  notFound,
  children,
}: {
  query: UseQueryResult<T>;
  /** the first breadcrumb: where the thing is listed */
  back: { to: string; label: string };
  /** the last breadcrumb, once the thing has loaded */
  name: (data: T) => string;
  /** shown instead of the error notice when the API answers NOT_FOUND */
  notFound?: ReactNode;
  /** the page below the breadcrumbs */
  children: (data: T) => ReactNode;
}) {
  const crumbs = (
    <Breadcrumbs>
      <Anchor component={Link} to={back.to} size="sm">
        {back.label}
      </Anchor>
      {query.data !== undefined && (
        <Text size="sm" aria-current="page">
          {name(query.data)}
        </Text>
      )}
    </Breadcrumbs>
  );
  if (query.isPending)
    return (
      <Stack>
        {crumbs}
        <Loading />
      </Stack>
    );
  if (query.error)
    return (
      <Stack>
        {crumbs}
        {notFound !== undefined && isApiError(query.error) && query.error.code === 'NOT_FOUND' ? (
          notFound
        ) : (
          <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />
        )}
      </Stack>
    );
  return (
    <Stack gap="lg">
      {crumbs}
      {children(query.data)}
    </Stack>
  );
}

/** A page's title (its h1) with a dimmed line under it. */
export function PageHeading({ title, testId, children }: { title: ReactNode; testId: string; children: ReactNode }) {
  return (
    <div>
      <Title order={1} data-testid={testId}>
        {title}
      </Title>
      <Text c="dimmed">{children}</Text>
    </div>
  );
}

/** An entity's name, then its level, province and the cycle's year. */
export function EntityHeading({
  entity,
  year,
  testId,
}: {
  entity: { name: string; level: Level; province: string | null };
  year: number;
  testId: string;
}) {
  const { t } = useTranslation();
  const place = [t(`levels.${entity.level}`), entity.province].filter(Boolean).join(' · ');
  return (
    <PageHeading title={entity.name} testId={testId}>
      {place} · {year}
    </PageHeading>
  );
}
