import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import type { UseFormReturnType } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../api';
import { ConfirmButton } from '../../components/ConfirmButton';
import { notifyError, notifySuccess } from '../../components/errors';
import { useT } from '../../i18n';
import { applyServerErrors } from './formErrors';
import { useActivityRefresh } from './useActivityRefresh';

/** The rows an activity holds beside its KAK, by their API path. */
type Collection = 'budget-lines' | 'committee' | 'speakers';

/** Deletes one row of an activity's list, says so, and reloads the activity (its checks change too). */
export function useRemoveRow<Row extends { id: string }>(activityId: string, collection: Collection, doneMessage: string) {
  const t = useT();
  const refresh = useActivityRefresh(activityId);
  return useMutation({
    mutationFn: (row: Row) => api.del(`/activities/${activityId}/${collection}/${row.id}`),
    onSuccess: () => {
      notifySuccess(doneMessage);
      return refresh();
    },
    onError: (e) => notifyError(e, t),
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
  const mutation = useMutation({
    mutationFn: (v: Values) =>
      rowId ? api.patch(`/activities/${activityId}/${collection}/${rowId}`, toBody(v)) : api.post(`/activities/${activityId}/${collection}`, toBody(v)),
    onMutate: () => {
      form.clearErrors();
      setUnmapped([]);
    },
    onError: (e) => setUnmapped(applyServerErrors(form, e)),
    onSuccess: onSaved,
  });
  return { mutation, unmapped };
}
