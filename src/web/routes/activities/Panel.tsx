import { useId, type ReactNode } from 'react';
import { Alert, Card, Group, List, Stack, Title } from '@mantine/core';
import type { Issue } from './types';

export type PanelIssues = { errors: Issue[]; warnings: Issue[] };

/** The check results that concern one panel, right under its title. */
export function IssueList({ issues }: { issues: PanelIssues }) {
  return (
    <>
      {issues.errors.length ? (
        <Alert color="red" variant="light" p="xs" data-testid="panel-errors">
          <List size="sm" spacing={2}>
            {issues.errors.map((i, n) => (
              <List.Item key={n}>{i.message}</List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
      {issues.warnings.length ? (
        <Alert color="yellow" variant="light" p="xs" data-testid="panel-warnings">
          <List size="sm" spacing={2}>
            {issues.warnings.map((i, n) => (
              <List.Item key={n}>{i.message}</List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
    </>
  );
}

/** A card of the activity page (a landmark region named by its title, reachable by `#id`). */
export function Panel({
  id,
  title,
  issues,
  actions,
  children,
}: {
  id: string;
  title: ReactNode;
  issues?: PanelIssues;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const titleId = useId();
  return (
    <Card
      withBorder
      component="section"
      id={id}
      aria-labelledby={titleId}
      padding="md"
      style={{ scrollMarginTop: 72, overflow: 'visible' }}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Title order={3} size="h4" id={titleId}>
            {title}
          </Title>
          {actions ? <Group gap="xs">{actions}</Group> : null}
        </Group>
        {issues ? <IssueList issues={issues} /> : null}
        {children}
      </Stack>
    </Card>
  );
}
