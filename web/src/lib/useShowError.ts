import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { ApiError, applyFormErrors, errorMessage } from '../api/errors';

/**
 * Shows the API's localized message as a toast and, when a form is given, each
 * `details[].reason` next to its field. Details without a matching field join the toast.
 */
export function useShowError() {
  const { message } = App.useApp();
  return useCallback(
    (error: unknown, form?: FormInstance) => {
      const allPlaced = form ? applyFormErrors(form, error) : false;
      const extra =
        error instanceof ApiError && !allPlaced && error.details.length > 0
          ? `: ${error.details.map((d) => d.reason).join('; ')}`
          : '';
      void message.error(`${errorMessage(error)}${extra}`);
    },
    [message],
  );
}
