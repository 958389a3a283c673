import { useRef, useState, type ReactNode } from 'react';
import { Alert, Button, CopyButton, Group, Stack, Text, Textarea } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, call, client } from '../../api';
import { notifySuccess } from '../../components/errors';
import { useActivitiesT } from './i18n';
import { applyServerErrors, FormErrorAlert } from './formErrors';
import { Panel, type PanelIssues } from './Panel';
import { activityQuery, type ActivityDetail } from './types';
import { FormButtons } from '../../components/FormButtons';

type Values = Record<string, unknown>;

export type SectionConfig<V extends Values> = {
  /** The panel's form values, read from the activity. */
  values: (a: ActivityDetail) => V;
  /** The PATCH body for the values (the version is added). */
  patch: (v: V) => Record<string, unknown>;
  /** Server field paths of this panel start with it, e.g. "kak.". */
  prefix?: string;
};

/** Values as plain text (one item a line), so that unsaved input stays readable and copyable after a conflict. */
export function valuesAsText(v: unknown, depth = 0): string {
  if (v === null || v === undefined || v === '') return '';
  if (Array.isArray(v))
    return v
      .map((x) => valuesAsText(x, depth + 1))
      .filter(Boolean)
      .join(depth > 1 ? ', ' : '\n');
  if (typeof v === 'object') {
    return Object.values(v as Record<string, unknown>)
      .map((x) => valuesAsText(x, depth + 1))
      .filter(Boolean)
      .join(depth === 0 ? '\n\n' : ' | ');
  }
  return String(v);
}

/**
 * Edit mode of one panel: a form started from the activity, saved with PATCH and the version read.
 * A 409 keeps the typed values; "reload" loads the latest activity into the form and keeps the typed text visible.
 */
export function useSectionEditor<V extends Values>(activity: ActivityDetail, config: SectionConfig<V>) {
  const t = useActivitiesT();
  const queryClient = useQueryClient();
  const form = useForm<V>({ initialValues: config.values(activity) });
  const [editing, setEditing] = useState(false);
  const [unmapped, setUnmapped] = useState<string[]>([]);
  const [conflict, setConflict] = useState<{ message: string; draft: string; reloaded: boolean } | null>(null);
  const base = useRef({ version: activity.version, snapshot: '' });

  const load = (a: ActivityDetail) => {
    const v = config.values(a);
    form.setValues(v);
    form.resetDirty(v);
    form.clearErrors();
    base.current = { version: a.version, snapshot: JSON.stringify(v) };
  };

  const mutation = useMutation({
    mutationFn: (v: V) => {
      // Saves elsewhere since editing began (e.g. another panel) are harmless unless they changed this panel's data.
      const unchanged = JSON.stringify(config.values(activity)) === base.current.snapshot;
      const version = unchanged ? activity.version : base.current.version;
      return call(client.PATCH('/api/activities/{id}', { params: { path: { id: activity.id } }, body: { ...config.patch(v), version } }));
    },
    onMutate: () => {
      form.clearErrors();
      setUnmapped([]);
    },
    onError: (e, v) => {
      if (e instanceof ApiError && e.status === 409) setConflict({ message: e.message, draft: valuesAsText(v), reloaded: false });
      else setUnmapped(applyServerErrors(form, e, config.prefix));
    },
    onSuccess: (next) => {
      queryClient.setQueryData(activityQuery(activity.id).queryKey, next);
      void queryClient.invalidateQueries({ queryKey: ['activities'] });
      setEditing(false);
      setConflict(null);
      notifySuccess(t.activities.saved);
    },
  });

  const reload = useMutation({
    mutationFn: () => queryClient.fetchQuery({ ...activityQuery(activity.id), staleTime: 0 }),
    onSuccess: (fresh) => {
      load(fresh);
      mutation.reset();
      setConflict((c) => (c ? { ...c, reloaded: true } : c));
    },
  });

  return {
    form,
    editing,
    mutation,
    conflict,
    unmapped,
    reload,
    begin: () => {
      load(activity);
      mutation.reset();
      setConflict(null);
      setEditing(true);
    },
    cancel: () => {
      setEditing(false);
      setConflict(null);
      mutation.reset();
    },
    submit: form.onSubmit((v) => mutation.mutate(v)),
  };
}

export type SectionEditor<V extends Values> = ReturnType<typeof useSectionEditor<V>>;

/** The edit form of a panel: fields, conflict or error alert, Cancel/Save. */
export function SectionEditorForm<V extends Values>({ ed, children }: { ed: SectionEditor<V>; children: ReactNode }) {
  const t = useActivitiesT();
  const { conflict } = ed;
  return (
    <form onSubmit={ed.submit} noValidate>
      <Stack gap="sm">
        {children}
        {conflict ? (
          <Alert color="orange" role="alert" title={t.activities.conflict.title}>
            <Stack gap="xs">
              <Text size="sm">{conflict.reloaded ? t.activities.conflict.reloaded : conflict.message}</Text>
              {!conflict.reloaded ? (
                <Group>
                  <Button size="xs" color="orange" loading={ed.reload.isPending} onClick={() => ed.reload.mutate()}>
                    {t.activities.conflict.reload}
                  </Button>
                </Group>
              ) : null}
              {conflict.draft ? (
                <>
                  <Textarea label={t.activities.conflict.yourText} value={conflict.draft} readOnly autosize minRows={2} maxRows={10} />
                  <Group>
                    <CopyButton value={conflict.draft}>
                      {({ copied, copy }) => (
                        <Button size="xs" variant="default" onClick={copy}>
                          {copied ? t.activities.conflict.copiedText : t.activities.conflict.copy}
                        </Button>
                      )}
                    </CopyButton>
                  </Group>
                </>
              ) : null}
            </Stack>
          </Alert>
        ) : (
          <FormErrorAlert error={ed.mutation.error} unmapped={ed.unmapped} />
        )}
        <FormButtons onCancel={ed.cancel} saving={ed.mutation.isPending} />
      </Stack>
    </form>
  );
}

/** A KAK panel with a read view and an Edit mode. */
export function SectionCard<V extends Values>({
  id,
  title,
  activity,
  issues,
  canEdit,
  config,
  view,
  editor,
}: {
  id: string;
  title: string;
  activity: ActivityDetail;
  issues: PanelIssues;
  canEdit: boolean;
  config: SectionConfig<V>;
  view: ReactNode;
  editor: (form: UseFormReturnType<V>) => ReactNode;
}) {
  const t = useActivitiesT();
  const ed = useSectionEditor(activity, config);
  return (
    <Panel
      id={id}
      title={title}
      issues={issues}
      actions={
        canEdit && !ed.editing ? (
          <Button size="xs" variant="light" onClick={ed.begin}>
            {t.activities.edit}
          </Button>
        ) : null
      }
    >
      {ed.editing ? <SectionEditorForm ed={ed}>{editor(ed.form)}</SectionEditorForm> : view}
    </Panel>
  );
}
