import type { UseFormReturnType } from '@mantine/form';
import { ApiError } from '../api/client.ts';

/**
 * Puts a server error on the form field it names, when the form has that field; answers
 * whether it did. Errors naming no field of the form are left to the caller to show.
 */
export function setServerFieldError<T extends Record<string, unknown>>(form: UseFormReturnType<T>, error: unknown): boolean {
  if (!(error instanceof ApiError) || !error.field || !(error.field in form.values)) return false;
  form.setFieldError(error.field, error.message);
  return true;
}
