import { Code, Table, Text } from '@mantine/core';
import { useT } from '../../i18n';

function show(value: unknown): string {
  if (value === undefined) return '';
  if (value === null) return 'null';
  if (typeof value === 'string') return value;
  return JSON.stringify(value, null, 1);
}

/** Before/after of one audit entry side by side, one row per field, changed fields highlighted. */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const t = useT();
  const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
  if (!isObject(before) && !isObject(after)) {
    if (before == null && after == null)
      return (
        <Text size="sm" c="dimmed">
          {t.audit.noDetails}
        </Text>
      );
    return (
      <Code block>
        {show(before)} → {show(after)}
      </Code>
    );
  }
  const b = isObject(before) ? before : {};
  const a = isObject(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return (
    <Table.ScrollContainer minWidth={500}>
      <Table withTableBorder withColumnBorders fz="xs" layout="fixed" aria-label={t.audit.diff}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="22%">{t.audit.field}</Table.Th>
            <Table.Th>{t.audit.before}</Table.Th>
            <Table.Th>{t.audit.after}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {keys.map((k) => {
            const changed = isObject(before) && isObject(after) ? show(b[k]) !== show(a[k]) : true;
            return (
              <Table.Tr key={k} bg={changed ? 'yellow.0' : undefined} data-changed={changed || undefined}>
                <Table.Td ff="monospace">{k}</Table.Td>
                <Table.Td ff="monospace" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                  {show(b[k])}
                </Table.Td>
                <Table.Td ff="monospace" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                  {show(a[k])}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
