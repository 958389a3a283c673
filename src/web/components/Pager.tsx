import { Group, Pagination, Text } from '@mantine/core';
import { useLang, useT } from '../i18n';
import { formatNumber } from '../format';

/** "Showing 21-40 of 57" and page buttons, for offset/limit lists. */
export function Pager({
  total,
  limit,
  offset,
  onChange,
}: {
  total: number;
  limit: number;
  offset: number;
  onChange: (offset: number) => void;
}) {
  const t = useT();
  const lang = useLang();
  const pages = Math.max(1, Math.ceil(total / limit));
  const page = Math.floor(offset / limit) + 1;
  const from = total === 0 ? 0 : offset + 1;
  const to = Math.min(offset + limit, total);
  return (
    <Group justify="space-between" mt="md" gap="xs">
      <Text size="sm" c="dimmed">
        {t.common.showing(formatNumber(from, lang), formatNumber(to, lang), formatNumber(total, lang))}
      </Text>
      {pages > 1 ? (
        <Pagination
          size="sm"
          total={pages}
          value={page}
          onChange={(p) => onChange((p - 1) * limit)}
          getControlProps={(c) => ({ 'aria-label': c === 'next' ? t.common.nextPage : c === 'previous' ? t.common.previousPage : c })}
        />
      ) : null}
    </Group>
  );
}
