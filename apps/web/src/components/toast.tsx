import { App } from 'antd';
import { useMemo } from 'react';
import { ApiError } from '../app/api';

/** Toasts: the API's own (localized) message for errors. */
export function useToast() {
  const { message } = App.useApp();
  return useMemo(
    () => ({
      success: (text: string) => void message.success(text),
      info: (text: string) => void message.info(text),
      error: (error: unknown) => void message.error(error instanceof ApiError || error instanceof Error ? error.message : String(error), 6),
      /** Runs a change: on success shows `done` (if given) and returns true; on failure shows the API's message and returns false. */
      attempt: async (action: () => Promise<unknown>, done?: string): Promise<boolean> => {
        try {
          await action();
          if (done) void message.success(done);
          return true;
        } catch (error) {
          void message.error(error instanceof ApiError || error instanceof Error ? error.message : String(error), 6);
          return false;
        }
      },
    }),
    [message],
  );
}
