import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Group, List, NumberInput, Popover, Stack, Switch, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { ApiError, call, client } from '../../api';
import { ConfirmButton } from '../../components/ConfirmButton';
import { notifyError, notifySuccess } from '../../components/errors';
import { useActivitiesT } from './i18n';
import { useSession } from '../../session';
import { activityQuery, statusColors, type ActivityDetail, type ActivityStatus, type Issue } from './types';

/** Title, year, status and the actions the user may take (status moves, copy, downloads, delete). */
export function ActivityHeader({ activity }: { activity: ActivityDetail }) {
  const t = useActivitiesT();
  const a = t.activities;
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [blocked, setBlocked] = useState<{ message: string; issues: Issue[] } | null>(null);
  const key = activityQuery(activity.id).queryKey;

  const changeStatus = useMutation({
    mutationFn: (status: ActivityStatus) =>
      call(
        client.POST('/api/activities/{id}/status', { params: { path: { id: activity.id } }, body: { status, version: activity.version } }),
      ),
    onMutate: () => setBlocked(null),
    onSuccess: (next) => {
      queryClient.setQueryData(key, next);
      void queryClient.invalidateQueries({ queryKey: ['activities'] });
      notifySuccess(a.statusChanged(a.status[next.status]));
    },
    onError: (e) => {
      const issues = e instanceof ApiError ? (e.body.issues as Issue[] | undefined) : undefined;
      if (issues?.length) setBlocked({ message: e.message, issues });
      else notifyError(e, t);
      if (e instanceof ApiError && e.status === 409) void queryClient.invalidateQueries({ queryKey: key });
    },
  });
  const copy = useMutation({
    mutationFn: (fiscalYear: number) =>
      call(client.POST('/api/activities/{id}/copy', { params: { path: { id: activity.id } }, body: { fiscalYear } })),
    onSuccess: (next) => {
      queryClient.setQueryData(activityQuery(next.id).queryKey, next);
      void queryClient.invalidateQueries({ queryKey: ['activities'] });
      notifySuccess(a.copied(next.fiscalYear));
      void navigate(`/activities/${next.id}`);
    },
    onError: (e) => notifyError(e, t),
  });
  const share = useMutation({
    mutationFn: (sharedWithMembers: boolean) =>
      call(
        client.PUT('/api/activities/{id}/sharing', {
          params: { path: { id: activity.id } },
          body: { sharedWithMembers, version: activity.version },
        }),
      ),
    onSuccess: (next) => {
      queryClient.setQueryData(key, next);
      notifySuccess(next.sharedWithMembers ? a.sharedOn : a.sharedOff);
    },
    onError: (e) => {
      notifyError(e, t);
      if (e instanceof ApiError && e.status === 409) void queryClient.invalidateQueries({ queryKey: key });
    },
  });
  const { can } = useSession();
  const remove = useMutation({
    mutationFn: () =>
      call(client.DELETE('/api/activities/{id}', { params: { path: { id: activity.id }, query: { version: activity.version } } })),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: key });
      void queryClient.invalidateQueries({ queryKey: ['activities'] });
      notifySuccess(a.deleted);
      void navigate(`/activities?year=${activity.fiscalYear}`);
    },
    onError: (e) => notifyError(e, t),
  });

  // What the server says this user may do with the activity in its status.
  const allowed = activity.can.moveTo.map((to) => [to] as const);

  return (
    <Stack gap="xs">
      <Anchor component={Link} to={`/activities?year=${activity.fiscalYear}`} size="sm">
        ← {a.backToList}
      </Anchor>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4} style={{ minWidth: 0, flex: '1 1 320px' }}>
          <Title order={2} style={{ wordBreak: 'break-word' }}>
            {activity.title}
          </Title>
          <Group gap="xs">
            <Badge variant="outline" color="gray" data-testid="activity-year">
              {a.yearShort(activity.fiscalYear)}
            </Badge>
            <Badge color={statusColors[activity.status]} data-testid="activity-status">
              {a.status[activity.status]}
            </Badge>
            <Text size="sm" c="dimmed">
              {activity.orgUnit}
            </Text>
          </Group>
          {activity.copiedFromId ? (
            <Anchor component={Link} to={`/activities/${activity.copiedFromId}`} size="xs">
              {a.copiedFrom}
            </Anchor>
          ) : null}
          {can('activity.readPersonal') ? (
            <Switch
              size="xs"
              mt={4}
              label={a.shareWithMembers}
              description={a.shareWithMembersHint}
              checked={activity.sharedWithMembers}
              disabled={share.isPending}
              onChange={(e) => share.mutate(e.currentTarget.checked)}
            />
          ) : null}
        </Stack>
        <Group gap="xs" justify="flex-end">
          {allowed.map(([to]) => (
            <Button
              key={to}
              size="sm"
              color={to === 'approved' ? 'teal' : undefined}
              variant={to === 'approved' ? 'filled' : 'light'}
              loading={changeStatus.isPending && changeStatus.variables === to}
              onClick={() => changeStatus.mutate(to)}
            >
              {a.transitions[`${activity.status}>${to}`] ?? a.status[to]}
            </Button>
          ))}
          {activity.can.copy ? <CopyButton activity={activity} loading={copy.isPending} onCopy={(year) => copy.mutate(year)} /> : null}
          <DownloadButton activity={activity} format="docx" label={a.downloadDocx} />
          <DownloadButton activity={activity} format="pdf" label={a.downloadPdf} />
          {activity.can.delete ? (
            <ConfirmButton
              size="sm"
              variant="subtle"
              color="red"
              question={a.deleteQuestion}
              loading={remove.isPending}
              onConfirm={() => remove.mutate()}
            >
              {a.deleteDraft}
            </ConfirmButton>
          ) : null}
        </Group>
      </Group>
      {activity.personalDataHidden ? (
        <Alert color="gray" variant="light" data-testid="personal-data-hidden">
          {a.personalDataHidden}
        </Alert>
      ) : null}
      {blocked ? (
        <Alert color="red" role="alert" title={a.approvalBlocked} withCloseButton onClose={() => setBlocked(null)}>
          <List size="sm" spacing={2}>
            {blocked.issues.map((i, n) => (
              <List.Item key={n}>{i.message}</List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
    </Stack>
  );
}

/** Copy into a new draft: the fiscal year is asked for (next year by default), with what the copy does to years. */
function CopyButton({ activity, loading, onCopy }: { activity: ActivityDetail; loading: boolean; onCopy: (year: number) => void }) {
  const t = useActivitiesT();
  const a = t.activities;
  const [opened, setOpened] = useState(false);
  const [year, setYear] = useState<number | string>(activity.fiscalYear + 1);
  const target = typeof year === 'number' && Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : null;
  return (
    <Popover opened={opened} onChange={setOpened} withArrow trapFocus position="bottom-end" width={320}>
      <Popover.Target>
        <Button size="sm" variant="default" color="teal" loading={loading} onClick={() => setOpened((o) => !o)}>
          {a.copyNextYear}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <NumberInput
            label={a.copyYear}
            value={year}
            onChange={setYear}
            min={2000}
            max={2100}
            allowDecimal={false}
            allowNegative={false}
            thousandSeparator=""
            size="sm"
          />
          <Text size="sm">{target !== null ? a.copyQuestion(target) : null}</Text>
          <Text size="xs" c="dimmed">
            {a.copyYearsNote}
          </Text>
          <Group justify="flex-end" gap="xs">
            <Button size="xs" variant="default" onClick={() => setOpened(false)}>
              {t.common.cancel}
            </Button>
            <Button
              size="xs"
              color="teal"
              disabled={target === null}
              onClick={() => {
                setOpened(false);
                if (target !== null) onCopy(target);
              }}
            >
              {t.common.yes}
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

/**
 * A KAK download. A final KAK (approved, no check errors) downloads at once; a draft or one with blocking check
 * errors first says that the document carries the DRAF mark and why, then offers the download.
 */
function DownloadButton({ activity, format, label }: { activity: ActivityDetail; format: 'docx' | 'pdf'; label: string }) {
  const t = useActivitiesT();
  const a = t.activities;
  const [opened, setOpened] = useState(false);
  const href = `/api/activities/${activity.id}/kak.${format}`;
  const draft = activity.status === 'draft';
  const errors = activity.checks.errors.length;
  if (!draft && !errors)
    return (
      <Button size="sm" variant="default" component="a" href={href} download>
        {label}
      </Button>
    );
  return (
    <Popover opened={opened} onChange={setOpened} withArrow position="bottom-end" width={300}>
      <Popover.Target>
        <Button size="sm" variant="default" onClick={() => setOpened((o) => !o)}>
          {label}
        </Button>
      </Popover.Target>
      <Popover.Dropdown data-testid="download-notice">
        <Stack gap="xs">
          <Text size="sm" fw={600}>
            {a.downloadNotFinal}
          </Text>
          {draft ? <Text size="sm">{a.downloadDraft}</Text> : null}
          {errors ? (
            <Text size="sm" c="red">
              {a.downloadErrors(errors)}
            </Text>
          ) : null}
          <Group justify="flex-end" gap="xs">
            <Button size="xs" variant="default" onClick={() => setOpened(false)}>
              {t.common.cancel}
            </Button>
            <Button
              size="xs"
              component="a"
              href={href}
              download
              onClick={() => setOpened(false)}
            >{`${a.downloadAnyway} (${format.toUpperCase()})`}</Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
