import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { api, ApiError } from '../../api';
import { ConfirmButton } from '../../components/ConfirmButton';
import { notifyError, notifySuccess } from '../../components/errors';
import { useT } from '../../i18n';
import { activityQuery, statusColors, type ActivityDetail, type ActivityStatus, type Issue } from './types';

/** Title, year, status and the actions the user may take (status moves, copy, downloads, delete). */
export function ActivityHeader({ activity }: { activity: ActivityDetail }) {
  const t = useT();
  const a = t.activities;
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [blocked, setBlocked] = useState<{ message: string; issues: Issue[] } | null>(null);
  const key = activityQuery(activity.id).queryKey;

  const changeStatus = useMutation({
    mutationFn: (status: ActivityStatus) => api.post<ActivityDetail>(`/activities/${activity.id}/status`, { status, version: activity.version }),
    onMutate: () => setBlocked(null),
    onSuccess: (next) => {
      queryClient.setQueryData(key, next);
      queryClient.invalidateQueries({ queryKey: ['activities'] });
      notifySuccess(a.statusChanged(a.status[next.status]));
    },
    onError: (e) => {
      const issues = e instanceof ApiError ? (e.body.issues as Issue[] | undefined) : undefined;
      if (issues?.length) setBlocked({ message: e.message, issues });
      else notifyError(e, t);
      if (e instanceof ApiError && e.status === 409) queryClient.invalidateQueries({ queryKey: key });
    },
  });
  const copy = useMutation({
    mutationFn: () => api.post<ActivityDetail>(`/activities/${activity.id}/copy`),
    onSuccess: (next) => {
      queryClient.setQueryData(activityQuery(next.id).queryKey, next);
      queryClient.invalidateQueries({ queryKey: ['activities'] });
      notifySuccess(a.copied(next.fiscalYear));
      navigate(`/activities/${next.id}`);
    },
    onError: (e) => notifyError(e, t),
  });
  const remove = useMutation({
    mutationFn: () => api.del(`/activities/${activity.id}?version=${activity.version}`),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: key });
      queryClient.invalidateQueries({ queryKey: ['activities'] });
      notifySuccess(a.deleted);
      navigate(`/activities?year=${activity.fiscalYear}`);
    },
    onError: (e) => notifyError(e, t),
  });

  // What the server says this user may do with the activity in its status.
  const allowed = activity.can.moveTo.map((to) => [to] as const);

  return (
    <Stack gap="xs">
      <Anchor component={Link} to={`/activities?year=${activity.fiscalYear}`} size="sm">← {a.backToList}</Anchor>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4} style={{ minWidth: 0, flex: '1 1 320px' }}>
          <Title order={2} style={{ wordBreak: 'break-word' }}>{activity.title}</Title>
          <Group gap="xs">
            <Badge variant="outline" color="gray" data-testid="activity-year">{a.yearShort(activity.fiscalYear)}</Badge>
            <Badge color={statusColors[activity.status]} data-testid="activity-status">{a.status[activity.status]}</Badge>
            <Text size="sm" c="dimmed">{activity.orgUnit}</Text>
          </Group>
          {activity.copiedFromId ? <Anchor component={Link} to={`/activities/${activity.copiedFromId}`} size="xs">{a.copiedFrom}</Anchor> : null}
        </Stack>
        <Group gap="xs" justify="flex-end">
          {allowed.map(([to]) => (
            <Button key={to} size="sm" color={to === 'approved' ? 'teal' : undefined} variant={to === 'approved' ? 'filled' : 'light'}
              loading={changeStatus.isPending && changeStatus.variables === to} onClick={() => changeStatus.mutate(to)}>
              {a.transitions[`${activity.status}>${to}`] ?? a.status[to]}
            </Button>
          ))}
          {activity.can.copy ? (
            <ConfirmButton size="sm" variant="default" color="teal" question={a.copyQuestion(activity.fiscalYear + 1)} loading={copy.isPending} onConfirm={() => copy.mutate()}>
              {a.copyNextYear}
            </ConfirmButton>
          ) : null}
          <Button size="sm" variant="default" component="a" href={`/api/activities/${activity.id}/kak.docx`} download>{a.downloadDocx}</Button>
          <Button size="sm" variant="default" component="a" href={`/api/activities/${activity.id}/kak.pdf`} download>{a.downloadPdf}</Button>
          {activity.can.delete ? (
            <ConfirmButton size="sm" variant="subtle" color="red" question={a.deleteQuestion} loading={remove.isPending} onConfirm={() => remove.mutate()}>
              {a.deleteDraft}
            </ConfirmButton>
          ) : null}
        </Group>
      </Group>
      {blocked ? (
        <Alert color="red" role="alert" title={a.approvalBlocked} withCloseButton onClose={() => setBlocked(null)}>
          <List size="sm" spacing={2}>{blocked.issues.map((i, n) => <List.Item key={n}>{i.message}</List.Item>)}</List>
        </Alert>
      ) : null}
    </Stack>
  );
}
