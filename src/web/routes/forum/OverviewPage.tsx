import { lazy, Suspense, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { Alert, Anchor, Button, Card, Group, Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { call, client } from '../../api';
import { ErrorAlert } from '../../components/errors';
import { PageHeader } from '../../components/PageHeader';
import { formatNumber } from '../../format';
import { useLang } from '../../i18n';
import { useForumT } from './i18n';
import { useSession } from '../../session';
import { AgendaModal } from './AgendaModal';
import { forumAbility, forumKeys, type TopicSummary } from './api';
import { StatusBadge } from './parts';

// The chart (recharts) loads after the figures, in its own chunk.
const OverviewChart = lazy(() => import('./OverviewChart').then((m) => ({ default: m.OverviewChart })));

const dayMs = 24 * 60 * 60 * 1000;

function Section({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={id}>
      <Title order={3} size="h4" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

/** The bureau's overview: open topics by category and age, unanswered ones, the most voted (onto an agenda), active institutions. */
export function OverviewPage() {
  const t = useForumT();
  const f = t.forum;
  const lang = useLang();
  const { can } = useSession();
  const [agenda, setAgenda] = useState<TopicSummary | null>(null);
  const allowed = can(forumAbility.moderate);
  const overview = useQuery({
    queryKey: forumKeys.overview,
    queryFn: () => call(client.GET('/api/forum/overview')),
    enabled: allowed,
  });
  if (!allowed) return <Alert color="yellow">{t.common.errors.forbidden}</Alert>;
  const o = overview.data;
  const n = (x: number) => formatNumber(x, lang);
  const age = (iso: string) => f.ageDays(n(Math.floor((Date.now() - new Date(iso).getTime()) / dayMs)));

  return (
    <>
      <PageHeader title={f.overviewTitle} description={f.overviewDescription} />
      <ErrorAlert error={overview.error} />
      {!o ? (
        overview.error ? null : (
          <Loader role="status" aria-label={t.common.loading} />
        )
      ) : (
        <Stack gap="md">
          <Section title={f.openByCategory} id="forum-by-category">
            <Table.ScrollContainer minWidth={420}>
              <Table striped aria-label={f.openByCategory}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{f.category}</Table.Th>
                    <Table.Th ta="right">{f.age.lt7}</Table.Th>
                    <Table.Th ta="right">{f.age.d7to30}</Table.Th>
                    <Table.Th ta="right">{f.age.gt30}</Table.Th>
                    <Table.Th ta="right">{f.total}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {o.openByCategory.map((r) => (
                    <Table.Tr key={r.categoryId}>
                      <Table.Td>
                        <Anchor component={Link} to={`/forum?categoryId=${r.categoryId}&status=open`}>
                          {r.name}
                        </Anchor>
                      </Table.Td>
                      <Table.Td ta="right">{n(r.lt7)}</Table.Td>
                      <Table.Td ta="right">{n(r.d7to30)}</Table.Td>
                      <Table.Td ta="right">{n(r.gt30)}</Table.Td>
                      <Table.Td ta="right" fw={600}>
                        {n(r.total)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {o.openByCategory.some((r) => r.total > 0) ? (
              <Suspense fallback={<Loader size="sm" mt="sm" role="status" aria-label={t.common.loading} />}>
                <Text size="sm" fw={500} mt="md" mb="xs">
                  {f.chartTitle}
                </Text>
                <OverviewChart rows={o.openByCategory} />
              </Suspense>
            ) : null}
          </Section>

          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <Section title={f.mostVoted} id="forum-most-voted">
              {o.mostVoted.length ? (
                <Stack gap="xs">
                  {o.mostVoted.map((topic) => (
                    <Group key={topic.id} justify="space-between" wrap="wrap" gap="xs" data-testid="most-voted">
                      <Stack gap={0} style={{ flex: '1 1 200px', minWidth: 0 }}>
                        <Anchor component={Link} to={`/forum/topics/${topic.id}`} fw={500} style={{ wordBreak: 'break-word' }}>
                          {topic.title}
                        </Anchor>
                        <Group gap={6}>
                          <Text size="sm" fw={600}>
                            {f.votes(n(topic.voteCount))}
                          </Text>
                          <StatusBadge status={topic.status} size="sm" />
                        </Group>
                      </Stack>
                      <Button size="compact-sm" variant="light" onClick={() => setAgenda(topic)}>
                        {f.addToAgenda}
                      </Button>
                    </Group>
                  ))}
                </Stack>
              ) : (
                <Text c="dimmed">{f.none}</Text>
              )}
            </Section>

            <Section title={f.unanswered} id="forum-unanswered">
              {o.unanswered.length ? (
                <Stack gap="xs">
                  {o.unanswered.map((topic) => (
                    <div key={topic.id}>
                      <Anchor component={Link} to={`/forum/topics/${topic.id}`} fw={500} style={{ wordBreak: 'break-word' }}>
                        {topic.title}
                      </Anchor>
                      <Text size="sm" c="dimmed">
                        {topic.category.name} · {age(topic.createdAt)}
                      </Text>
                    </div>
                  ))}
                </Stack>
              ) : (
                <Text c="dimmed">{f.none}</Text>
              )}
            </Section>
          </SimpleGrid>

          <Section title={f.activeInstitutions} id="forum-institutions">
            {o.activeInstitutions.length ? (
              <Table.ScrollContainer minWidth={360}>
                <Table striped aria-label={f.activeInstitutions}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{f.institution}</Table.Th>
                      <Table.Th ta="right">{f.topics}</Table.Th>
                      <Table.Th ta="right">{f.repliesTitle}</Table.Th>
                      <Table.Th ta="right">{f.posts}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {o.activeInstitutions.map((i) => (
                      <Table.Tr key={i.institutionId}>
                        <Table.Td>{i.name}</Table.Td>
                        <Table.Td ta="right">{n(i.topics)}</Table.Td>
                        <Table.Td ta="right">{n(i.replies)}</Table.Td>
                        <Table.Td ta="right" fw={600}>
                          {n(i.posts)}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            ) : (
              <Text c="dimmed">{f.none}</Text>
            )}
          </Section>
        </Stack>
      )}
      <AgendaModal opened={!!agenda} topics={agenda ? [{ id: agenda.id, title: agenda.title }] : []} onClose={() => setAgenda(null)} />
    </>
  );
}
