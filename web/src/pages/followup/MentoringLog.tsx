/** Mentoring sessions with an entity (latest first) and, for the Ombudsman's staff, a form to log one. */
import { Alert, Button, Checkbox, Group, Paper, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { type ChangeEvent, type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session';
import { ErrorNotice, errorMessage } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { FeedbackAlert } from '../admin/FeedbackAlert';
import type { Feedback } from '../admin/useAction';
import { mayLogMentoring } from './access';
import { type Item, useFollowUpActions, useMentoring } from './api';
import { useDates } from './format';

const lines = (s: string) =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

const NO_TEXT = { topics: '', attendees: '', notes: '' };

function LogForm({ year, code, items }: { year: number; code: string; items: Item[] }) {
  const { t } = useTranslation();
  const { mentor } = useFollowUpActions(year, code);
  const [date, setDate] = useState(() => new Date().toISOString().slice(0, 10));
  const [text, setText] = useState(NO_TEXT);
  const [picked, setPicked] = useState<string[]>([]);
  const [feedback, setFeedback] = useState<Feedback | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFeedback(null);
    try {
      await mentor.mutateAsync({
        date,
        topics: lines(text.topics),
        attendees: lines(text.attendees),
        ...(text.notes.trim() ? { notes: text.notes.trim() } : {}),
        ...(picked.length ? { items: picked.map(Number) } : {}),
      });
      setText(NO_TEXT);
      setPicked([]);
      setFeedback({ kind: 'ok', text: t('followUp.mentoring.saved') });
    } catch (err) {
      setFeedback({ kind: 'error', text: errorMessage(t, err), error: err });
    }
  };

  // each text is labelled with its own name, as the table below heads its column
  const textField = (name: keyof typeof NO_TEXT) => ({
    label: t(`followUp.mentoring.${name}`),
    value: text[name],
    onChange: (e: ChangeEvent<HTMLTextAreaElement>) => {
      const value = e.currentTarget.value;
      setText((was) => ({ ...was, [name]: value }));
    },
    autosize: true,
    minRows: 2,
  });

  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} aria-label={t('followUp.mentoring.log')}>
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('followUp.mentoring.log')}
        </Title>
        <TextInput
          type="date"
          label={t('followUp.mentoring.date')}
          value={date}
          onChange={(e) => setDate(e.currentTarget.value)}
          required
          maw={220}
          data-testid="mentoring-date"
        />
        <Textarea {...textField('topics')} required data-testid="mentoring-topics" />
        <Textarea {...textField('attendees')} data-testid="mentoring-attendees" />
        <Textarea {...textField('notes')} />
        {items.length > 0 && (
          <Checkbox.Group label={t('followUp.mentoring.items')} value={picked} onChange={setPicked}>
            <Stack gap={4} mt={4}>
              {items.map((i) => (
                <Checkbox key={i.id} value={String(i.id)} label={`${i.indicator} — ${i.title}`} />
              ))}
            </Stack>
          </Checkbox.Group>
        )}
        <Group>
          <Button
            type="submit"
            loading={mentor.isPending}
            disabled={!lines(text.topics).length}
            data-testid="mentoring-save"
          >
            {t('followUp.mentoring.save')}
          </Button>
        </Group>
        <FeedbackAlert feedback={feedback} />
      </Stack>
    </Paper>
  );
}

export function MentoringLog({
  year,
  code,
  entity,
  items,
}: {
  year: number;
  code: string;
  entity: string;
  items: Item[];
}) {
  const { t } = useTranslation();
  const { user } = useSession();
  const dates = useDates();
  const q = useMentoring(year, code);
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('followUp.mentoring.intro')}
      </Text>
      {mayLogMentoring(user) && <LogForm year={year} code={code} items={items} />}
      {q.isPending && <Loading />}
      {q.error && <ErrorNotice error={q.error} onRetry={() => void q.refetch()} />}
      {q.data && q.data.length === 0 && <Alert color="gray">{t('followUp.mentoring.none')}</Alert>}
      {q.data && q.data.length > 0 && (
        <Table.ScrollContainer minWidth={560} type="native">
          <Table striped verticalSpacing="xs" data-testid="mentoring-table">
            <Table.Caption className="visually-hidden">
              {t('followUp.mentoring.caption', { entity, year })}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('followUp.mentoring.date')}</Table.Th>
                <Table.Th scope="col">{t('followUp.mentoring.topics')}</Table.Th>
                <Table.Th scope="col">{t('followUp.mentoring.attendees')}</Table.Th>
                <Table.Th scope="col">{t('followUp.mentoring.notes')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {q.data.map((s) => (
                <Table.Tr key={s.id} data-testid="mentoring-row">
                  <Table.Th scope="row" fw={500}>
                    {dates.day(s.date)}
                  </Table.Th>
                  <Table.Td>{s.topics.join('; ')}</Table.Td>
                  <Table.Td>{s.attendees.join(', ') || '—'}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{s.notes || '—'}</Text>
                    {s.items.length > 0 && (
                      <Text size="xs" c="dimmed">
                        {s.items.map((i) => i.indicator).join(', ')}
                      </Text>
                    )}
                    <Text size="xs" c="dimmed">
                      {t('followUp.mentoring.loggedBy', { name: s.loggedBy.name ?? '—' })}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
