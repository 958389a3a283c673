import { Alert, Anchor, Badge, Group, List, Stack, Text } from '@mantine/core';
import { useActivitiesT, type ActivitiesMessages } from './i18n';
import { issuesUnder, panelOf, panels, type ActivityDetail, type Issue, type PanelId } from './types';

export function panelTitle(id: PanelId, t: ActivitiesMessages): string {
  const s = t.activities.section;
  const titles: Record<PanelId, string> = {
    general: s.general,
    'section-a': s.a,
    'section-b': s.b,
    'section-c': s.c,
    'section-d': s.d,
    schedule: s.schedule,
    'section-e': s.e,
    'section-f': s.f,
    'section-g': s.g,
    budget: s.budget,
    committee: s.committee,
    speakers: s.speakers,
  };
  return titles[id];
}

function IssueLinks({ issues }: { issues: Issue[] }) {
  const t = useActivitiesT();
  return (
    <List size="sm" spacing={2}>
      {issues.map((i, n) => {
        const panel = panelOf(i.path);
        return (
          <List.Item key={n}>
            {i.message}
            {panel ? (
              <>
                {' '}
                ·{' '}
                <Anchor href={`#${panel}`} size="sm">
                  {panelTitle(panel, t)}
                </Anchor>
              </>
            ) : null}
          </List.Item>
        );
      })}
    </List>
  );
}

/** The result of the KAK checks (errors block approval, warnings do not), each linked to its panel. */
export function ChecksSummary({ activity }: { activity: ActivityDetail }) {
  const t = useActivitiesT();
  const c = t.activities.checks;
  const { errors, warnings } = activity.checks;
  return (
    <Stack gap="xs" data-testid="checks-summary">
      {!errors.length ? (
        <Alert color="teal" variant="light" p="xs">
          <Text size="sm">{c.ok}</Text>
        </Alert>
      ) : (
        <Alert color="red" variant="light" title={c.errors(errors.length)} p="sm">
          <IssueLinks issues={errors} />
        </Alert>
      )}
      {warnings.length ? (
        <Alert color="yellow" variant="light" title={c.warnings(warnings.length)} p="sm">
          <IssueLinks issues={warnings} />
        </Alert>
      ) : null}
    </Stack>
  );
}

/** Jump links to the panels, red or yellow where the checks found something. */
export function PanelNav({ activity }: { activity: ActivityDetail }) {
  const t = useActivitiesT();
  const { errors, warnings } = activity.checks;
  return (
    <Group gap={6} component="nav" aria-label={t.activities.checks.goTo}>
      {panels.map((p) => {
        const e = issuesUnder(errors, p.prefixes).length;
        const w = issuesUnder(warnings, p.prefixes).length;
        return (
          <Badge
            key={p.id}
            component="a"
            href={`#${p.id}`}
            variant={e || w ? 'light' : 'outline'}
            color={e ? 'red' : w ? 'yellow' : 'gray'}
            tt="none"
            style={{ cursor: 'pointer' }}
          >
            {panelTitle(p.id, t)}
          </Badge>
        );
      })}
    </Group>
  );
}
