import { Alert, List } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { ApiError } from '../../api';
import { errorMessage } from '../../components/errors';
import { useActivitiesT } from './i18n';

/**
 * Puts the server's per-field messages next to the fields of a (possibly nested) form: the path
 * "kak.schedule.2.endMonth" lands on the form path "schedule.2.endMonth" when `prefix` is "kak.".
 * Returns the messages that found no field (to show in an alert).
 */
export function applyServerErrors<T extends Record<string, unknown>>(form: UseFormReturnType<T>, err: unknown, prefix = ''): string[] {
  if (!(err instanceof ApiError)) return [];
  const known = new Set(Object.keys(form.getValues()));
  const mapped: Record<string, string> = {};
  const unmapped: string[] = [];
  for (const [path, message] of Object.entries(err.fields)) {
    const local = prefix && path.startsWith(prefix) ? path.slice(prefix.length) : path;
    if (known.has(local.split('.')[0]!)) mapped[local] ??= message;
    else unmapped.push(message);
  }
  form.setErrors(mapped);
  return unmapped;
}

/** The alert under a form: "check the marked fields" when every message sits at its field, else the server's message. */
export function FormErrorAlert({ error, unmapped }: { error: unknown; unmapped: string[] }) {
  const t = useActivitiesT();
  if (!error) return null;
  const fields = error instanceof ApiError ? Object.keys(error.fields).length : 0;
  if (fields && !unmapped.length)
    return (
      <Alert color="red" role="alert">
        {t.common.errors.checkFields}
      </Alert>
    );
  return (
    <Alert color="red" role="alert" title={t.common.errors.title}>
      {fields && unmapped.length ? (
        <List size="sm">
          {unmapped.map((m) => (
            <List.Item key={m}>{m}</List.Item>
          ))}
        </List>
      ) : (
        errorMessage(error, t)
      )}
    </Alert>
  );
}
