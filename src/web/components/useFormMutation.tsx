import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import type { UseFormReturnType } from '@mantine/form';
import { applyFieldErrors, ErrorAlert } from './errors';

/**
 * A mutation bound to a Mantine form: server field errors land next to the fields, anything else
 * in an alert (`alert` to render above the buttons), `submit` for the form's onSubmit.
 */
export function useFormMutation<T extends Record<string, unknown>, R>(
  form: UseFormReturnType<T>,
  mutationFn: (values: T) => Promise<R>,
  onSuccess?: (result: R, values: T) => void,
) {
  const [fieldsShown, setFieldsShown] = useState(false);
  const mutation = useMutation({
    mutationFn,
    onMutate: () => form.clearErrors(),
    onError: (e) => setFieldsShown(applyFieldErrors(form, e)),
    onSuccess,
  });
  return {
    mutation,
    submit: form.onSubmit((values) => mutation.mutate(values)),
    alert: <ErrorAlert error={mutation.error} fieldsShown={fieldsShown} />,
  };
}
