/** Zone, category and data badges. Zone colours keep WCAG AA contrast with their text. */
import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Zone } from '../api/schemas';

/** Background and text colour per zone; each pair has a contrast ratio above 4.5:1. */
export const ZONE_COLOURS: Record<Zone, { bg: string; fg: string }> = {
  hijau: { bg: '#1e7b34', fg: '#ffffff' },
  kuning: { bg: '#f2c200', fg: '#1a1a1a' },
  merah: { bg: '#c0282d', fg: '#ffffff' },
};

export function ZoneBadge({ zone, size = 'md' }: { zone: Zone | null; size?: 'sm' | 'md' | 'lg' | 'xl' }) {
  const { t } = useTranslation();
  // from 2025 the opinion has no zone
  if (zone === null) return null;
  const c = ZONE_COLOURS[zone];
  return (
    <Badge size={size} radius="sm" variant="filled" style={{ background: c.bg, color: c.fg }} data-zone={zone}>
      {t(`zones.${zone}`)}
    </Badge>
  );
}

export function CategoryBadge({
  category,
  size = 'md',
}: {
  category: string | null;
  size?: 'sm' | 'md' | 'lg' | 'xl';
}) {
  const { t } = useTranslation();
  if (category === null) return <span>{t('common.none')}</span>;
  return (
    <Badge size={size} radius="sm" variant="outline" color="dark" aria-label={`${t('table.category')} ${category}`}>
      {category}
    </Badge>
  );
}

export function SyntheticBadge() {
  const { t } = useTranslation();
  return (
    <Tooltip label={t('common.syntheticHint')} multiline w={260} events={{ hover: true, focus: true, touch: true }}>
      <Badge color="grape" variant="filled" radius="sm" tabIndex={0} data-testid="synthetic-badge">
        {t('common.synthetic')}
      </Badge>
    </Tooltip>
  );
}

export function IncompleteBadge() {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" radius="sm" style={{ background: '#fff3bf', color: '#5c3c00', borderColor: '#8a5a00' }}>
      {t('common.incomplete')}
    </Badge>
  );
}

/** What to know before reading a result: its answers are made up, or some are missing. */
export function ResultFlags({ synthetic, complete }: { synthetic: boolean; complete: boolean }) {
  return (
    <>
      {synthetic && <SyntheticBadge />}
      {!complete && <IncompleteBadge />}
    </>
  );
}
