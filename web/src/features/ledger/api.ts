import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { RequestBody } from '../../api/types';
import { useCursorList } from '../../api/useCursorList';
import { jobKeys, rememberStartedJob } from '../../lib/jobs';

export type LedgerRequest = RequestBody<'/api/v1/alliances/{id}/ledgers', 'post'>;
export type LedgerFormat = LedgerRequest['format'];

const ledgerKeys = {
  list: (allianceId: string) => [...jobKeys.list(), 'ledgers', allianceId] as const,
};

/** The alliance's ledgers, newest first; the list looks again while one is being built. */
export function useLedgers(allianceId: string | undefined) {
  return useCursorList(
    ledgerKeys.list(allianceId ?? ''),
    (cursor) =>
      unwrap(
        api.GET('/api/v1/alliances/{id}/ledgers', {
          params: { path: { id: allianceId! }, query: { limit: 20, cursor } },
        }),
      ),
    { enabled: Boolean(allianceId) },
  );
}

/** Starts a ledger in the worker; the jobs feature follows it. */
export function useStartLedger(allianceId: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LedgerRequest) =>
      unwrap(api.POST('/api/v1/alliances/{id}/ledgers', { params: { path: { id: allianceId! } }, body })),
    onSuccess: (job) => {
      rememberStartedJob(queryClient, job);
      void queryClient.invalidateQueries({ queryKey: ledgerKeys.list(allianceId ?? '') });
    },
  });
}
