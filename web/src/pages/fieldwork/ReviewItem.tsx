/** One answer as the reviewer sees it: the question, the level chosen and what it means, the note, the evidence, a note back. */
import { Anchor, Badge, Button, Group, Image, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FullIndicator, ServerItem } from '../../collect/schemas';
import { useLanguage } from '../../format';

/** A photo from the server; a PDF (which no <img> can show) becomes a link. */
export function EvidenceLink({ sha256, n }: { sha256: string; n: number }) {
  const { t } = useTranslation();
  const [broken, setBroken] = useState(false);
  const href = `/api/v1/evidence/${sha256}`;
  return (
    <Anchor
      href={href}
      target="_blank"
      rel="noopener"
      aria-label={t('review.openEvidence', { n })}
      data-testid="review-evidence"
    >
      {broken ? (
        <Text size="xs">{`${t('collect.item.document')} ${n}`}</Text>
      ) : (
        <Image src={href} alt="" w={96} h={72} fit="cover" radius="sm" onError={() => setBroken(true)} />
      )}
    </Anchor>
  );
}

interface Props {
  item: ServerItem;
  indicator: FullIndicator | undefined;
  canComment: boolean;
  comment: string;
  onComment(body: string): void;
}

export function ReviewItem({ item, indicator, canComment, comment, onComment }: Props) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [open, setOpen] = useState(comment !== '');
  const level = indicator?.scale.find((s) => s.value === item.value);
  return (
    <Paper withBorder p="sm" radius="md" component="article" data-testid={`review-item-${item.indicator}`}>
      <Stack gap={6}>
        <Group gap={6} wrap="nowrap" align="flex-start">
          <Badge variant="outline" color="dark" radius="sm" style={{ flexShrink: 0 }}>
            {item.indicator}
          </Badge>
          <Text size="sm" fw={600}>
            {indicator?.text[lang] ?? item.indicator}
          </Text>
        </Group>
        <Text size="sm" data-testid="review-value">
          <Text span fw={700}>
            {item.value === null ? t('collect.value.na') : item.value}
          </Text>
          {level && ` — ${level[lang]}`}
        </Text>
        {item.note && (
          <Text size="sm" c="dimmed">
            {t('review.note')}: {item.note}
          </Text>
        )}
        {item.evidence.length > 0 ? (
          <Group gap={6}>
            {item.evidence.map((sha, k) => (
              <EvidenceLink key={sha} sha256={sha} n={k + 1} />
            ))}
          </Group>
        ) : (
          indicator?.evidence !== 'none' && (
            <Text size="xs" c="dimmed">
              {t('review.noEvidence')}
            </Text>
          )
        )}
        {canComment &&
          (open ? (
            <Textarea
              label={t('review.comment', { code: item.indicator })}
              autosize
              minRows={2}
              maxLength={4000}
              value={comment}
              onChange={(e) => onComment(e.currentTarget.value)}
            />
          ) : (
            <Button size="xs" variant="subtle" onClick={() => setOpen(true)} style={{ alignSelf: 'flex-start' }}>
              {t('review.addComment')}
            </Button>
          ))}
      </Stack>
    </Paper>
  );
}
