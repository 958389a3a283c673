import { Badge, Group, Text, type BadgeProps } from '@mantine/core';
import { useForumT } from './i18n';
import { statusColors, statusLabel } from './model';

/** A topic's status: colour AND words (colour alone tells nothing to a screen reader or a colour-blind reader). */
export function StatusBadge({ status, ...props }: { status: string } & BadgeProps) {
  const t = useForumT();
  return (
    <Badge color={statusColors[status] ?? 'gray'} variant="light" {...props}>
      {statusLabel(t, status)}
    </Badge>
  );
}

/** Locked / hidden / type badges next to the status. */
export function TopicFlags({ type, locked, hidden }: { type?: string; locked?: boolean; hidden?: boolean }) {
  const t = useForumT();
  return (
    <>
      {type ? (
        <Badge color="gray" variant="outline">
          {t.forum.types[type] ?? type}
        </Badge>
      ) : null}
      {locked ? (
        <Badge color="yellow" variant="light">
          {t.forum.locked}
        </Badge>
      ) : null}
      {hidden ? (
        <Badge color="red" variant="light">
          {t.forum.hidden}
        </Badge>
      ) : null}
    </>
  );
}

/** "Ani · Dinas Kominfo Padang" in dimmed small text. */
export function Byline({
  name,
  institution,
  extra,
}: {
  name: string;
  institution?: { name: string; shortName: string | null } | null;
  extra?: string;
}) {
  const t = useForumT();
  return (
    <Group gap={4} wrap="wrap">
      <Text size="sm" c="dimmed">
        {t.forum.byline(name, institution ? (institution.shortName ?? institution.name) : '')}
        {extra ? ` · ${extra}` : ''}
      </Text>
    </Group>
  );
}
