import { lazy, Suspense } from 'react';
import { Link, useParams } from 'react-router';
import { Anchor, Badge, Button, Card, Group, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiHref, call, client } from '../../api';
import { ErrorAlert, notifyError, notifySuccess } from '../../components/errors';
import { PageHeader } from '../../components/PageHeader';
import { formatNumber } from '../../format';
import { useLang } from '../../i18n';
import type { SurveyResults } from '../../../shared/schemas/survey';
import { useSurveyT } from './i18n';

const SurveyResultsChart = lazy(() => import('./ResultsChart').then((m) => ({ default: m.SurveyResultsChart })));
const resultsKey = (id: string) => ['survey', id];

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Card withBorder padding="sm">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl">
        {value}
      </Text>
    </Card>
  );
}

/** The committee's view of a meeting's feedback survey: figures, a chart and table per session, the suggestions. */
export function SurveyResultsPage() {
  const { id = '' } = useParams();
  const t = useSurveyT();
  const r = t.survey.results;
  const lang = useLang();
  const qc = useQueryClient();
  const { data, error, isLoading } = useQuery({
    queryKey: resultsKey(id),
    queryFn: () => call(client.GET('/api/meetings/{id}/survey', { params: { path: { id } } })) as Promise<SurveyResults>,
  });
  const forward = useMutation({
    mutationFn: (responseId: string) =>
      call(client.POST('/api/survey-responses/{id}/forward', { params: { path: { id: responseId } }, body: {} })),
    onSuccess: () => {
      notifySuccess(r.forwardDone);
      void qc.invalidateQueries({ queryKey: resultsKey(id) });
    },
    onError: (e) => notifyError(e, t),
  });
  if (error) return <ErrorAlert error={error} />;
  if (isLoading || !data) return <Skeleton h={300} />;
  const avg = (n: number | null) => (n === null ? '–' : formatNumber(n, lang));
  const rate = data.attendees ? `${Math.round((data.responses / data.attendees) * 100)}%` : '–';
  const withText = data.answers.filter((a) => a.suggestions || a.topicsWanted);
  return (
    <Stack>
      <Anchor component={Link} to={`/meetings/${id}`} size="sm">
        ← {data.meeting.title}
      </Anchor>
      <PageHeader
        title={r.title}
        description={data.meeting.title}
        actions={
          <Button component="a" variant="default" href={apiHref('/api/meetings/{id}/survey.xlsx', { path: { id } })}>
            {r.download}
          </Button>
        }
      />
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Figure label={r.responses} value={formatNumber(data.responses, lang)} />
        <Figure label={r.attendees} value={formatNumber(data.attendees, lang)} />
        <Figure label={r.responseRate} value={rate} />
        <Figure label={`${r.usefulness} (${r.average})`} value={avg(data.usefulness.average)} />
      </SimpleGrid>
      <Text size="sm" data-testid="survey-count">
        {r.ofAttendees(data.responses, data.attendees)}
      </Text>
      {data.responses === 0 ? (
        <Text c="dimmed">{r.noAnswers}</Text>
      ) : (
        <Card withBorder padding="sm">
          <Title order={3} size="h4" mb="xs">
            {r.sessionsTitle}
          </Title>
          <Suspense fallback={<Skeleton h={200} />}>
            <SurveyResultsChart results={data} />
          </Suspense>
          <Table.ScrollContainer minWidth={520} mt="sm">
            <Table aria-label={r.distributionTable} striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{r.session}</Table.Th>
                  <Table.Th>{r.count}</Table.Th>
                  <Table.Th>{r.average}</Table.Th>
                  {[1, 2, 3, 4, 5].map((n) => (
                    <Table.Th key={n}>{r.score(n)}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {[{ id: 'usefulness', title: r.usefulness, time: '', count: data.responses, ...data.usefulness }, ...data.sessions].map(
                  (s) => (
                    <Table.Tr key={s.id}>
                      <Table.Td>
                        {s.time ? `${s.time} ` : ''}
                        {s.title}
                      </Table.Td>
                      <Table.Td>{s.count}</Table.Td>
                      <Table.Td>{avg(s.average)}</Table.Td>
                      {s.distribution.map((n, i) => (
                        <Table.Td key={i}>{n}</Table.Td>
                      ))}
                    </Table.Tr>
                  ),
                )}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
      <Title order={3} size="h4">
        {r.suggestionsTitle}
      </Title>
      {withText.length === 0 && <Text c="dimmed">{r.noSuggestions}</Text>}
      {withText.map((a, i) => (
        <Card withBorder padding="sm" key={a.id}>
          <Stack gap={6}>
            <Group justify="space-between" gap="xs">
              <Text size="sm" c="dimmed">
                {i + 1}. {a.institution ?? r.anonymous}
              </Text>
              {a.forwardedAt && <Badge color="teal.9">{r.forwarded}</Badge>}
            </Group>
            {a.suggestions && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                <b>{r.suggestions}:</b> {a.suggestions}
              </Text>
            )}
            {a.topicsWanted && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                <b>{r.topicsWanted}:</b> {a.topicsWanted}
              </Text>
            )}
            {data.can.forward && !a.forwardedAt && (
              <Group>
                <Button
                  size="xs"
                  variant="light"
                  aria-label={r.forwardFor(i + 1)}
                  loading={forward.isPending && forward.variables === a.id}
                  onClick={() => forward.mutate(a.id)}
                >
                  {r.forward}
                </Button>
              </Group>
            )}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
