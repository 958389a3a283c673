import { Link } from 'react-router';
import { Anchor, Badge, Button, Card, Group, List, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { memberTasks, type MemberTask } from '../../shared/memberTasks';
import { call, client } from '../api';
import { ErrorAlert } from '../components/errors';
import { categoryLabel } from '../format';
import { useLang, useT, type Messages } from '../i18n';
import { institutionKey, officersKey, type InstitutionDetail, type Officer } from './directory/types';
import { lazy, Suspense } from 'react';

// The phone formatting library (libphonenumber, ~25 KB compressed) loads after the home shows: the number
// appears as stored first, then grouped with its call and WhatsApp links.
const LazyPhoneLink = lazy(() => import('./directory/PhoneLink').then((m) => ({ default: m.PhoneLink })));
function PhoneLink({ value }: { value: string }) {
  return (
    <Suspense fallback={<Text size="sm">{value}</Text>}>
      <LazyPhoneLink value={value} />
    </Suspense>
  );
}
import { statusColors } from './activities/types';
import { MyFollowUps, myFollowUpsQuery } from './outcomes/MyFollowUps';

function taskText(task: MemberTask, t: Messages): string {
  const h = t.home.tasks;
  switch (task.kind) {
    case 'addOfficer':
      return h.addOfficer;
    case 'mainContact':
      return h.mainContact;
    case 'officerPhone':
      return h.officerPhone(task.officers.map((o) => o.name).join(', '));
    case 'officerEmail':
      return h.officerEmail(task.officers.map((o) => o.name).join(', '));
    case 'institutionContact':
      return h.institutionContact(task.missing.map((m) => h.fields[m]).join(', '));
  }
}

/** "Yang perlu Anda lakukan": computed from the institution's stored data; nothing made up. */
function Tasks({ institution, officers }: { institution: InstitutionDetail; officers: Officer[] }) {
  const t = useT();
  const tasks = memberTasks(institution, officers);
  return (
    <Card withBorder data-testid="member-tasks">
      <Title order={3} mb="xs">
        {t.home.tasksTitle}
      </Title>
      {tasks.length ? (
        <List spacing="xs">
          {tasks.map((task) => (
            <List.Item key={task.kind}>
              <Anchor component={Link} to={`/directory/${institution.id}`}>
                {taskText(task, t)}
              </Anchor>
            </List.Item>
          ))}
        </List>
      ) : (
        <Text c="dimmed">{t.home.tasksNone}</Text>
      )}
    </Card>
  );
}

const memberActivitiesQuery = {
  queryKey: ['activities', 'member-home'],
  queryFn: () => call(client.GET('/api/activities', { params: { query: { limit: 10 } } })),
};

function Activities() {
  const t = useT();
  const { data, error, isLoading } = useQuery(memberActivitiesQuery);
  return (
    <Card withBorder>
      <Title order={3} mb="xs">
        {t.home.memberActivities}
      </Title>
      <ErrorAlert error={error} />
      {isLoading ? <Skeleton h={40} /> : null}
      {data && !data.items.length ? <Text c="dimmed">{t.home.noActivities}</Text> : null}
      <Stack gap={6}>
        {data?.items.map((a) => (
          <Group key={a.id} justify="space-between" wrap="nowrap">
            <Anchor component={Link} to={`/activities/${a.id}`}>
              {a.title}
            </Anchor>
            <Group gap={6} wrap="nowrap">
              <Text size="sm" c="dimmed">
                {a.fiscalYear}
              </Text>
              <Badge color={statusColors[a.status]} variant="light">
                {t.activityStatus[a.status]}
              </Badge>
            </Group>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}

/** A member officer's home: their institution, its officers, what is asked of them, and the activities they can see. */
export function MemberHome({ institutionId }: { institutionId: string }) {
  const t = useT();
  const lang = useLang();
  const institution = useQuery({
    queryKey: institutionKey(institutionId),
    queryFn: () => call(client.GET('/api/institutions/{id}', { params: { path: { id: institutionId } } })),
  });
  const officers = useQuery({
    queryKey: officersKey(institutionId),
    queryFn: () => call(client.GET('/api/institutions/{id}/officers', { params: { path: { id: institutionId } } })),
  });
  // Every card's data is asked for at once, and the page shows when the institution and its officers are there:
  // cards appearing one after the other would push those below them down (layout shift, CLS).
  const followUps = useQuery(myFollowUpsQuery);
  const activities = useQuery(memberActivitiesQuery);
  const inst = institution.data;
  const settling = [institution, officers, followUps, activities].some((q) => q.isLoading);
  if (settling && !institution.error && !officers.error) return <Skeleton h={360} mt="md" data-testid="member-home-loading" />;
  return (
    <Stack mt="md">
      <ErrorAlert error={institution.error ?? officers.error} />
      {inst ? (
        <Card withBorder data-testid="my-institution">
          <Group justify="space-between" align="flex-start">
            <div>
              <Text size="sm" c="dimmed">
                {t.home.myInstitution}
              </Text>
              <Title order={3}>{inst.name}</Title>
              <Text size="sm" c="dimmed">
                {categoryLabel(inst.category, lang)}
                {inst.regionCode ? ` · ${inst.regionCode}` : ''}
              </Text>
            </div>
            <Button component={Link} to={`/directory/${inst.id}`} variant="light">
              {t.home.openInstitution}
            </Button>
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 3 }} mt="sm">
            <div>
              <Text size="xs" c="dimmed">
                {t.directory.phone}
              </Text>
              {inst.phone ? <PhoneLink value={inst.phone} /> : <Text size="sm">-</Text>}
            </div>
            <div>
              <Text size="xs" c="dimmed">
                {t.directory.email}
              </Text>
              <Text size="sm">{inst.email ?? '-'}</Text>
            </div>
            <div>
              <Text size="xs" c="dimmed">
                {t.directory.address}
              </Text>
              <Text size="sm">{inst.address ?? '-'}</Text>
            </div>
          </SimpleGrid>
        </Card>
      ) : institution.isLoading ? (
        <Skeleton h={120} />
      ) : null}
      {inst && officers.data ? <Tasks institution={inst} officers={officers.data.items} /> : null}
      {officers.data ? (
        <Card withBorder>
          <Title order={3} mb="xs">
            {t.directory.officers}
          </Title>
          {officers.data.items.length ? (
            <Stack gap={6}>
              {officers.data.items
                .filter((o) => o.active)
                .map((o) => (
                  <Group key={o.id} justify="space-between" wrap="wrap">
                    <div>
                      <Text fw={500}>
                        {o.name}{' '}
                        {o.isMainContact ? (
                          <Badge size="sm" color="teal" variant="light">
                            {t.directory.officer.mainContactBadge}
                          </Badge>
                        ) : null}
                      </Text>
                      {o.position ? (
                        <Text size="sm" c="dimmed">
                          {o.position}
                        </Text>
                      ) : null}
                    </div>
                    <Stack gap={0} align="flex-end">
                      {o.phone ? <PhoneLink value={o.phone} /> : null}
                      {o.email ? <Text size="sm">{o.email}</Text> : null}
                    </Stack>
                  </Group>
                ))}
            </Stack>
          ) : (
            <Text c="dimmed">{t.directory.officer.none}</Text>
          )}
        </Card>
      ) : null}
      {/* Its texts (outcomes) come with it; in English they are fetched once, showing a placeholder meanwhile. */}
      <Suspense fallback={<Skeleton h={80} />}>
        <MyFollowUps />
      </Suspense>
      <Activities />
    </Stack>
  );
}
