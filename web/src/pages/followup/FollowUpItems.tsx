/** An entity's follow-up items: each finding, what the standard requires, its updates, and a form to update it. */
import {
  Alert,
  Badge,
  Button,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Timeline,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../components/ErrorNotice';
import { useFormat } from '../../format';
import { FeedbackAlert } from '../admin/FeedbackAlert';
import type { Feedback } from '../admin/useAction';
import { FOLLOW_UP_STATUSES, type Item, uploadEvidence, useFollowUpActions } from './api';
import { EvidenceLinks, EvidencePicker } from './Evidence';
import { useDates } from './format';

const STATUS_COLOUR = { open: 'gray', in_progress: 'yellow', done: 'green' } as const;

export function StatusBadge({ status }: { status: Item['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={STATUS_COLOUR[status]}
      variant={status === 'done' ? 'filled' : 'light'}
      radius="sm"
      c={status === 'done' ? undefined : 'dark'}
      style={{ flex: 'none', overflow: 'visible' }}
      data-status={status}
    >
      {t(`followUp.status.${status}`)}
    </Badge>
  );
}

function UpdateForm({ item, year, code }: { item: Item; year: number; code: string }) {
  const { t } = useTranslation();
  const { update } = useFollowUpActions(year, code);
  const [status, setStatus] = useState<Item['status']>(item.status === 'open' ? 'in_progress' : item.status);
  const [note, setNote] = useState('');
  const [dueDate, setDueDate] = useState(item.dueDate ?? '');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<Feedback | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setFeedback(null);
    try {
      const evidence = file ? [await uploadEvidence(file, `followup:${item.id}`)] : [];
      await update.mutateAsync({
        id: item.id,
        body: { status, note, ...(evidence.length ? { evidence } : {}), dueDate: dueDate || null },
      });
      setNote('');
      setFile(null);
      setFeedback({ kind: 'ok', text: t('followUp.items.saved') });
    } catch (err) {
      setFeedback({ kind: 'error', text: errorMessage(t, err), error: err });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} aria-label={`${t('followUp.items.update')}: ${item.indicator}`}>
      <Stack gap="xs">
        <Group grow align="flex-start" wrap="wrap">
          <NativeSelect
            label={t('followUp.items.newStatus')}
            data={FOLLOW_UP_STATUSES.map((s) => ({ value: s, label: t(`followUp.status.${s}`) }))}
            value={status}
            onChange={(e) => setStatus(e.currentTarget.value as Item['status'])}
            miw={160}
            data-testid="item-status"
          />
          <TextInput
            type="date"
            label={t('followUp.items.dueDate')}
            value={dueDate}
            onChange={(e) => setDueDate(e.currentTarget.value)}
            miw={160}
          />
        </Group>
        <Textarea
          label={t('followUp.items.note')}
          placeholder={t('followUp.items.notePlaceholder')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          required
          autosize
          minRows={2}
          data-testid="item-note"
        />
        <EvidencePicker value={file} onChange={setFile} testId="item-evidence" />
        <Group>
          <Button type="submit" loading={busy} disabled={!note.trim()} data-testid="item-save">
            {t('followUp.items.save')}
          </Button>
        </Group>
        <FeedbackAlert feedback={feedback} />
      </Stack>
    </form>
  );
}

function ItemCard({ item, year, code }: { item: Item; year: number; code: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const dates = useDates();
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={`item-${item.id}`} data-testid="follow-up-item">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <div>
            <Text size="xs" c="dimmed">
              {t('followUp.items.rank', { rank: item.rank })} · {item.indicator} ·{' '}
              {t('followUp.items.cost', { cost: fmt.score(item.cost) })}
            </Text>
            <Title order={3} size="h5" id={`item-${item.id}`}>
              {item.title}
            </Title>
          </div>
          <StatusBadge status={item.status} />
        </Group>
        <Text size="sm">
          <Text span fw={600}>
            {t('followUp.items.requirement')}:
          </Text>{' '}
          {item.requirement}
        </Text>
        {item.dueDate && (
          <Text size="sm" c="dimmed">
            {t('followUp.items.due', { date: dates.day(item.dueDate) })}
          </Text>
        )}
        {item.updates.length > 0 && (
          <Text size="sm" fw={600}>
            {t('followUp.items.history')}
          </Text>
        )}
        {item.updates.length > 0 && (
          <Timeline bulletSize={14} lineWidth={2} data-testid="item-updates">
            {item.updates.map((u) => (
              <Timeline.Item key={u.id} title={t(`followUp.status.${u.status}`)}>
                <Text size="sm">{u.note}</Text>
                <EvidenceLinks hashes={u.evidence} />
                <Text size="xs" c="dimmed">
                  {t('followUp.items.by', {
                    name: u.author.name ?? '—',
                    side: t(`followUp.side.${u.author.side}`),
                    date: dates.at(u.at),
                  })}
                </Text>
              </Timeline.Item>
            ))}
          </Timeline>
        )}
        <details>
          <summary className="details-summary">{t('followUp.items.update')}</summary>
          <Paper p="sm" mt="xs" bg="gray.0">
            <UpdateForm item={item} year={year} code={code} />
          </Paper>
        </details>
      </Stack>
    </Paper>
  );
}

export function FollowUpItems({ items, year, code }: { items: Item[]; year: number; code: string }) {
  const { t } = useTranslation();
  if (items.length === 0) return <Alert color="gray">{t('followUp.items.none')}</Alert>;
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('followUp.items.intro')}
      </Text>
      {items.map((i) => (
        <ItemCard key={i.id} item={i} year={year} code={code} />
      ))}
    </Stack>
  );
}
