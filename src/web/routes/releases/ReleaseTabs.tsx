import { Link } from 'react-router';
import { Button, Group } from '@mantine/core';
import { useT } from './texts';
import { useReleaseMeta } from './shared';

/** "Rilis" and, for editors, "Antrean tinjauan": two links styled as tabs (the current one marked for screen readers). */
export function ReleaseTabs({ current }: { current: 'list' | 'review' }) {
  const t = useT();
  const meta = useReleaseMeta();
  if (!meta.data?.isEditor) return null;
  const tab = (to: string, name: 'list' | 'review', label: string) => (
    <Button
      component={Link}
      to={to}
      variant={current === name ? 'filled' : 'default'}
      size="sm"
      aria-current={current === name ? 'page' : undefined}
    >
      {label}
    </Button>
  );
  return (
    <Group gap="xs" mb="md" component="nav" aria-label={t.releases.title}>
      {tab('/rilis', 'list', t.releases.title)}
      {tab('/rilis/tinjauan', 'review', t.releases.reviewQueue)}
    </Group>
  );
}
