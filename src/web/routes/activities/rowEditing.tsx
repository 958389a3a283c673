import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import type { UseFormReturnType } from '@mantine/form';
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '../../api';
import { ConfirmButton } from '../../components/ConfirmButton';
import { notifyError, notifySuccess } from '../../components/errors';
import { useT } from '../../i18n';
import { applyServerErrors } from './formErrors';
import { activityKey, type ActivityDetail } from './types';
import { useActivityRefresh } from './useActivityRefresh';

/** The rows an activity holds beside its KAK, by their API path. */
type Collection = 'budget-lines' | 'committee' | 'speakers';

/**
 * The activity version this screen read: every write of a row names it, so a save on top of someone else's
 * change is refused (409) instead of silently mixing the two.
 */
function versionRead(queryClient: QueryClient, activityId: string): number | undefined {
  return queryClient.getQueryData<ActivityDetail>(activityKey(activityId))?.version;
}

/** Deletes one row of an activity's list, says so, and reloads the activity (its checks change too). */
export function useRemoveRow<Row extends { id: string }>(activityId: string, collection: Collection, doneMessage: string) {
  const t = useT();
  const queryClient = useQueryClient();
  const refresh = useActivityRefresh(activityId);
  return useMutation({
    mutationFn: (row: Row) => api.del(`/activities/${activityId}/${collection}/${row.id}?version=${versionRead(queryClient, activityId) ?? ''}`),
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
export function RowActions({ label, question, onEdit, onRemove }: { label: string; question: string; onEdit: () => void; onRemove: () => void }) {
  const t = useT();
  return (
    <Group gap={4} wrap="nowrap">
      <Button size="compact-xs" variant="subtle" aria-label={`${t.activities.edit}: ${label}`} onClick={onEdit}>{t.activities.edit}</Button>
      <ConfirmButton size="compact-xs" variant="subtle" color="red" aria-label={`${t.activities.remove}: ${label}`} question={question} onConfirm={onRemove}>
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
      return rowId ? api.patch(`/activities/${activityId}/${collection}/${rowId}`, body) : api.post(`/activities/${activityId}/${collection}`, body);
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
