/**
 * One indicator on a sheet: the question, the four levels as the instrument
 * describes them (tap one, or "not applicable"), a note, and the evidence it asks
 * for. Big targets for one thumb; every change is saved on the device at once.
 */
import { Alert, Badge, Group, Paper, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../format';
import { EvidenceField } from './EvidenceField';
import type { Answer } from './model';
import type { Comment, FullIndicator } from './schemas';

const NA = 'na';

interface Props {
  indicator: FullIndicator;
  answer: Answer | undefined;
  comments: Comment[];
  disabled: boolean;
  userId: number;
  onChange(change: (a: Answer) => Answer): void;
}

/** A note saved shortly after typing stops, and when the field is left. */
function NoteField({ value, disabled, onSave }: { value: string; disabled: boolean; onSave(v: string): void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  const timer = useRef<number | undefined>(undefined);
  const latest = useRef(onSave);
  latest.current = onSave;
  useEffect(() => setText(value), [value]);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  const flush = (v: string) => {
    window.clearTimeout(timer.current);
    if (v !== value) latest.current(v);
  };
  return (
    <Textarea
      label={t('collect.item.note')}
      placeholder={t('collect.item.notePlaceholder')}
      autosize
      minRows={1}
      maxRows={6}
      maxLength={2000}
      value={text}
      disabled={disabled}
      onChange={(e) => {
        const v = e.currentTarget.value;
        setText(v);
        window.clearTimeout(timer.current);
        timer.current = window.setTimeout(() => flush(v), 500);
      }}
      onBlur={() => flush(text)}
    />
  );
}

export function ItemCard({ indicator, answer, comments, disabled, userId, onChange }: Props) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const value = answer?.value === undefined ? null : answer.value === null ? NA : String(answer.value);
  const id = `q-${indicator.code}`;
  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      component="article"
      aria-labelledby={id}
      data-testid={`item-${indicator.code}`}
      data-answered={answer?.value !== undefined ? 'yes' : 'no'}
      bg={comments.length > 0 ? 'orange.0' : undefined}
    >
      <Stack gap="xs">
        <Group gap={6} wrap="nowrap" align="flex-start">
          <Badge variant="outline" color="dark" radius="sm" style={{ flexShrink: 0 }}>
            {indicator.code}
          </Badge>
          <Text fw={600} size="sm" id={id}>
            {indicator.text[lang]}
          </Text>
        </Group>
        {comments.map((c) => (
          <Alert
            key={c.id}
            color="orange"
            variant="filled"
            p="xs"
            title={t('collect.item.reviewerSays')}
            data-testid="item-comment"
          >
            <Text size="sm">{c.body}</Text>
          </Alert>
        ))}
        <Radio.Group
          value={value}
          onChange={(v) => onChange((a) => ({ ...a, value: v === NA ? null : Number(v) }))}
          label={t('collect.item.levels', { code: indicator.code })}
          labelProps={{ className: 'visually-hidden' }}
        >
          <Stack gap={6}>
            {[...indicator.scale]
              .sort((a, b) => b.value - a.value)
              .map((level) => (
                <Radio.Card
                  key={level.value}
                  value={String(level.value)}
                  disabled={disabled}
                  p="xs"
                  radius="md"
                  aria-label={`${level.value} — ${level[lang]}`}
                >
                  <Group wrap="nowrap" gap="xs" align="flex-start">
                    <Radio.Indicator />
                    <Text size="sm" fw={700} w={14}>
                      {level.value}
                    </Text>
                    <Text size="sm">{level[lang]}</Text>
                  </Group>
                </Radio.Card>
              ))}
            <Radio.Card value={NA} disabled={disabled} p="xs" radius="md" aria-label={t('collect.item.na')}>
              <Group wrap="nowrap" gap="xs">
                <Radio.Indicator />
                <Text size="sm">{t('collect.item.na')}</Text>
              </Group>
            </Radio.Card>
          </Stack>
        </Radio.Group>
        <NoteField
          value={answer?.note ?? ''}
          disabled={disabled}
          onSave={(note) => onChange((a) => ({ ...a, note }))}
        />
        {indicator.evidence !== 'none' && (
          <EvidenceField
            code={indicator.code}
            kind={indicator.evidence}
            userId={userId}
            evidence={answer?.evidence ?? []}
            disabled={disabled}
            onAdd={(sha) => onChange((a) => ({ ...a, evidence: [...new Set([...a.evidence, sha])] }))}
            onRemove={(sha) => onChange((a) => ({ ...a, evidence: a.evidence.filter((e) => e !== sha) }))}
          />
        )}
      </Stack>
    </Paper>
  );
}
