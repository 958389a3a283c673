import { Alert } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { UseFormReturnType } from '@mantine/form';
import { ApiError } from '../api';
import { useT, type Messages } from '../i18n';

/** The message a user should read for any error (server messages are already in Indonesian). */
export function errorMessage(err: unknown, t: Messages): string {
  if (err instanceof ApiError) {
    if (err.code === 'network') return t.common.errors.network;
    return err.message;
  }
  return t.common.errors.generic;
}

/**
 * Puts the server's per-field messages (`error.fields`) next to the form's fields.
 * Returns true when every field message found a field, so no other alert is needed.
 */
export function applyFieldErrors<T extends Record<string, unknown>>(form: UseFormReturnType<T>, err: unknown): boolean {
  if (!(err instanceof ApiError)) return false;
  const entries = Object.entries(err.fields);
  if (!entries.length) return false;
  const known = new Set(Object.keys(form.getValues()));
  const mapped: Record<string, string> = {};
  let unmapped = 0;
  for (const [path, message] of entries) {
    const top = path.split('.')[0]!;
    if (known.has(top)) mapped[top] ??= message;
    else unmapped++;
  }
  form.setErrors(mapped);
  return unmapped === 0;
}

/** An alert with the error's message; `fieldsShown` switches to a short "check the marked fields". */
export function ErrorAlert({ error, fieldsShown = false }: { error: unknown; fieldsShown?: boolean }) {
  const t = useT();
  if (!error) return null;
  return (
    <Alert color="red" role="alert" title={fieldsShown ? undefined : t.common.errors.title}>
      {fieldsShown ? t.common.errors.checkFields : errorMessage(error, t)}
    </Alert>
  );
}

export function notifyError(err: unknown, t: Messages) {
  notifications.show({ color: 'red', title: t.common.errors.title, message: errorMessage(err, t) });
}

export function notifySuccess(message: string) {
  notifications.show({ color: 'green', message });
}
