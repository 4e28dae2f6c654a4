/** One entity's follow-up in a cycle: a summary, then its items, its mentoring sessions and its objections. */
import { Alert, Button, Group, Paper, SimpleGrid, Stack, Tabs, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useSession } from '../../auth/session';
import { DetailPage, PageHeading } from '../../components/DetailPage';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useCycle } from '../../cycle';
import { useFormat } from '../../format';
import { usePageTitle } from '../usePageTitle';
import { mayGenerate } from './access';
import { type EntityFollowUp, useEntityFollowUp, useFollowUpActions } from './api';
import { FollowUpItems } from './FollowUpItems';
import { useDates } from './format';
import { MentoringLog } from './MentoringLog';
import { ObjectionsTab } from './ObjectionsTab';

const TABS = ['butir', 'pendampingan', 'sanggahan'] as const;
type Tab = (typeof TABS)[number];
const TAB_LABEL: Record<Tab, 'items' | 'mentoring' | 'objections'> = {
  butir: 'items',
  pendampingan: 'mentoring',
  sanggahan: 'objections',
};

function Summary({ x }: { x: EntityFollowUp }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const dates = useDates();
  const s = x.summary;
  if (s.total === 0 && s.mentoringSessions === 0) return null;
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" component="section" aria-label={t('followUp.summary.label')}>
      <Paper withBorder p="sm">
        <Text fz={26} fw={800} data-testid="summary-percent">
          {s.percentDone === null ? '—' : `${fmt.score(s.percentDone)}%`}
        </Text>
        <Text size="xs" c="dimmed">
          {t('followUp.summary.done', { done: fmt.int(s.done), total: fmt.int(s.total) })}
        </Text>
      </Paper>
      <Paper withBorder p="sm">
        <Text fz={26} fw={800}>
          {fmt.int(s.inProgress)}
        </Text>
        <Text size="xs" c="dimmed">
          {t('followUp.summary.inProgressLabel')}
        </Text>
      </Paper>
      <Paper withBorder p="sm">
        <Text fz={26} fw={800}>
          {fmt.int(s.mentoringSessions)}
        </Text>
        <Text size="xs" c="dimmed">
          {t('followUp.summary.sessionsLabel')}
        </Text>
      </Paper>
      <Paper withBorder p="sm">
        <Text fz="sm" fw={700} mt={6}>
          {dates.at(s.lastActivityAt)}
        </Text>
        <Text size="xs" c="dimmed">
          {t('followUp.summary.lastActivityLabel')}
        </Text>
      </Paper>
    </SimpleGrid>
  );
}

function Generate({ year, code }: { year: number; code: string }) {
  const { t } = useTranslation();
  const { generate } = useFollowUpActions(year, code);
  return (
    <Group gap="sm">
      <Button
        size="xs"
        variant="outline"
        loading={generate.isPending}
        onClick={() => generate.mutate()}
        data-testid="generate-items"
      >
        {t('followUp.items.generate')}
      </Button>
      {generate.data && <Text size="sm">{t('followUp.items.generated', { count: generate.data.data.created })}</Text>}
      {generate.error && <ErrorNotice error={generate.error} />}
    </Group>
  );
}

export function EntityFollowUpPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const params = useParams();
  const year = Number(params.year);
  const code = params.code ?? '';
  const [search, setSearch] = useSearchParams();
  const tab: Tab = TABS.includes(search.get('tab') as Tab) ? (search.get('tab') as Tab) : 'butir';
  const q = useEntityFollowUp(year, code);
  const picked = useCycle().year;
  const navigate = useNavigate();
  const first = useRef(picked);
  // another cycle picked in the header: the same entity in that cycle (a deep link is left alone)
  useEffect(() => {
    if (picked === first.current) return;
    const before = first.current;
    first.current = picked;
    if (before === undefined) return; // the cycles just loaded: nobody picked anything
    if (picked !== undefined && picked !== year) navigate(`/tindak-lanjut/${picked}/${encodeURIComponent(code)}`);
  }, [picked, year, code, navigate]);
  usePageTitle(q.data ? `${t('followUp.tabs.items')} · ${q.data.entity.name} ${year}` : undefined);

  if (!Number.isInteger(year)) return <Alert color="gray">{t('errors.pageNotFound')}</Alert>;
  return (
    <DetailPage
      query={q}
      back={{ to: '/tindak-lanjut', label: t('followUp.back', { year }) }}
      name={(x) => x.entity.name}
    >
      {(x) => (
        <>
          <PageHeading title={x.entity.name} testId="follow-up-entity">
            {t('followUp.title', { year })} · {t(`status.${x.cycle.status as 'published'}`)}
          </PageHeading>
          <Summary x={x} />
          <Tabs
            value={tab}
            onChange={(v) => {
              const next = new URLSearchParams(search);
              next.set('tab', v ?? 'butir');
              setSearch(next, { replace: true });
            }}
            keepMounted={false}
          >
            <Tabs.List>
              {TABS.map((k) => (
                <Tabs.Tab key={k} value={k} data-testid={`tab-${k}`}>
                  {t(`followUp.tabs.${TAB_LABEL[k]}`)}
                  {k === 'butir' && x.summary.total > 0 ? ` (${x.summary.total})` : ''}
                </Tabs.Tab>
              ))}
            </Tabs.List>
            <Tabs.Panel value="butir" pt="md">
              <Stack gap="sm">
                {mayGenerate(user) && x.cycle.status === 'published' && <Generate year={year} code={code} />}
                <FollowUpItems items={x.items} year={year} code={code} />
              </Stack>
            </Tabs.Panel>
            <Tabs.Panel value="pendampingan" pt="md">
              <MentoringLog year={year} code={code} entity={x.entity.name} items={x.items} />
            </Tabs.Panel>
            <Tabs.Panel value="sanggahan" pt="md">
              <ObjectionsTab year={year} code={code} entity={x.entity.name} />
            </Tabs.Panel>
          </Tabs>
        </>
      )}
    </DetailPage>
  );
}
