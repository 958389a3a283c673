import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import type { UseFormReturnType } from '@mantine/form';
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { call, client, type Body } from '../../api';
import { ConfirmButton } from '../../components/ConfirmButton';
import { notifyError, notifySuccess } from '../../components/errors';
import { useActivitiesT } from './i18n';
import { applyServerErrors } from './formErrors';
import { activityKey, type ActivityDetail } from './types';
import { useActivityRefresh } from './useActivityRefresh';

/** The rows an activity holds beside its KAK, by their API path. */
type Collection = 'budget-lines' | 'committee' | 'speakers';

/** Adds a row (POST), changes one (PATCH, rowId) or removes one (DELETE), each on its typed path of the API. */
function writeRow(collection: Collection, id: string, rowId: string | null, body: unknown): Promise<unknown> {
  switch (collection) {
    case 'budget-lines':
      return rowId
        ? call(
            client.PATCH('/api/activities/{id}/budget-lines/{lineId}', {
              params: { path: { id, lineId: rowId } },
              body: body as Body<'/api/activities/{id}/budget-lines/{lineId}', 'patch'>,
            }),
          )
        : call(
            client.POST('/api/activities/{id}/budget-lines', {
              params: { path: { id } },
              body: body as Body<'/api/activities/{id}/budget-lines', 'post'>,
            }),
          );
    case 'committee':
      return rowId
        ? call(
            client.PATCH('/api/activities/{id}/committee/{memberId}', {
              params: { path: { id, memberId: rowId } },
              body: body as Body<'/api/activities/{id}/committee/{memberId}', 'patch'>,
            }),
          )
        : call(
            client.POST('/api/activities/{id}/committee', {
              params: { path: { id } },
              body: body as Body<'/api/activities/{id}/committee', 'post'>,
            }),
          );
    case 'speakers':
      return rowId
        ? call(
            client.PATCH('/api/activities/{id}/speakers/{speakerId}', {
              params: { path: { id, speakerId: rowId } },
              body: body as Body<'/api/activities/{id}/speakers/{speakerId}', 'patch'>,
            }),
          )
        : call(
            client.POST('/api/activities/{id}/speakers', {
              params: { path: { id } },
              body: body as Body<'/api/activities/{id}/speakers', 'post'>,
            }),
          );
  }
}

function removeRow(collection: Collection, id: string, rowId: string, version: number | undefined): Promise<unknown> {
  // A missing version is sent as nothing: the server refuses it (400) rather than guessing.
  const query = { version: version as number };
  switch (collection) {
    case 'budget-lines':
      return call(client.DELETE('/api/activities/{id}/budget-lines/{lineId}', { params: { path: { id, lineId: rowId }, query } }));
    case 'committee':
      return call(client.DELETE('/api/activities/{id}/committee/{memberId}', { params: { path: { id, memberId: rowId }, query } }));
    case 'speakers':
      return call(client.DELETE('/api/activities/{id}/speakers/{speakerId}', { params: { path: { id, speakerId: rowId }, query } }));
  }
}

/**
 * The activity version this screen read: every write of a row names it, so a save on top of someone else's
 * change is refused (409) instead of silently mixing the two.
 */
function versionRead(queryClient: QueryClient, activityId: string): number | undefined {
  return queryClient.getQueryData<ActivityDetail>(activityKey(activityId))?.version;
}

/** Deletes one row of an activity's list, says so, and reloads the activity (its checks change too). */
export function useRemoveRow<Row extends { id: string }>(activityId: string, collection: Collection, doneMessage: string) {
  const t = useActivitiesT();
  const queryClient = useQueryClient();
  const refresh = useActivityRefresh(activityId);
  return useMutation({
    mutationFn: (row: Row) => removeRow(collection, activityId, row.id, versionRead(queryClient, activityId)),
    onSuccess: () => {
      notifySuccess(doneMessage);
      return refresh();
    },
    onError: (e) => {
      notifyError(e, t);
      return refresh();
    },
  });
}

/** Edit and remove buttons of one row; `label` names the row for screen readers, `question` confirms removal. */
export function RowActions({
  label,
  question,
  onEdit,
  onRemove,
}: {
  label: string;
  question: string;
  onEdit: () => void;
  onRemove: () => void;
}) {
  const t = useActivitiesT();
  return (
    <Group gap={4} wrap="nowrap">
      <Button size="compact-xs" variant="subtle" aria-label={`${t.activities.edit}: ${label}`} onClick={onEdit}>
        {t.activities.edit}
      </Button>
      <ConfirmButton
        size="compact-xs"
        variant="subtle"
        color="red"
        aria-label={`${t.activities.remove}: ${label}`}
        question={question}
        onConfirm={onRemove}
      >
        {t.activities.remove}
      </ConfirmButton>
    </Group>
  );
}

/**
 * Saves a row's form: PATCH when the row exists, POST when it is new. Server field errors land under the fields;
 * those no field shows come back as `unmapped`, for the form's alert.
 */
export function useSaveRow<Values extends Record<string, unknown>>(
  activityId: string,
  collection: Collection,
  rowId: string | null,
  form: UseFormReturnType<Values>,
  toBody: (v: Values) => unknown,
  onSaved: () => void,
) {
  const [unmapped, setUnmapped] = useState<string[]>([]);
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (v: Values) => {
      const body = { ...(toBody(v) as object), version: versionRead(queryClient, activityId) };
      return writeRow(collection, activityId, rowId, body);
    },
    onMutate: () => {
      form.clearErrors();
      setUnmapped([]);
    },
    onError: (e) => setUnmapped(applyServerErrors(form, e)),
    onSuccess: onSaved,
  });
  return { mutation, unmapped };
}
