import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { allPages, MAX_PAGE_SIZE } from '../../api/allPages';
import { api } from '../../api/client';
import { fileNameFromResponse, saveBlob } from '../../api/download';
import { ApiError, toApiError, unwrap } from '../../api/errors';
import type { ResponseBody } from '../../api/types';

type RawAgenda = ResponseBody<'/api/v1/meetings/{id}/agenda', 'get'>;
type RawReview = ResponseBody<'/api/v1/meetings/{id}/agenda/review', 'get'>;
type RawAgendaItem = RawAgenda['items'][number];
/** The schema marks these required; the API sends null when absent. */
export type AgendaItem = Omit<RawAgendaItem, 'proposedByOrganization' | 'serviceRequest'> & {
  proposedByOrganization: RawAgendaItem['proposedByOrganization'] | null;
  serviceRequest: RawAgendaItem['serviceRequest'] | null;
};
export type ReviewItem = RawReview['items'][number];
export type Attendance = ResponseBody<'/api/v1/meetings/{id}/attendance', 'get'>;
type RawMinutes = ResponseBody<'/api/v1/meetings/{id}/minutes', 'get'>;
export type Minutes = Omit<RawMinutes, 'approvedBy'> & { approvedBy: RawMinutes['approvedBy'] | null };
export type AttendanceStatistics = ResponseBody<'/api/v1/meetings/attendance-statistics', 'get'>;

export const sessionKeys = {
  agenda: (id: string) => ['meetings', 'session', id, 'agenda'] as const,
  attendance: (id: string) => ['meetings', 'session', id, 'attendance'] as const,
  minutes: (id: string) => ['meetings', 'session', id, 'minutes'] as const,
};

const path = (id: string) => ({ params: { path: { id } } });

export function useAgenda(id: string) {
  return useQuery({
    queryKey: sessionKeys.agenda(id),
    queryFn: async () => {
      const page = (cursor: string | undefined) => ({
        params: { path: { id }, query: { limit: MAX_PAGE_SIZE, cursor } },
      });
      const [items, review] = await Promise.all([
        allPages((cursor) => unwrap(api.GET('/api/v1/meetings/{id}/agenda', page(cursor)))),
        allPages((cursor) => unwrap(api.GET('/api/v1/meetings/{id}/agenda/review', page(cursor)))),
      ]);
      return { items: items, review };
    },
  });
}

function useInvalidating<T>(key: readonly unknown[], run: (input: T) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: run, onSuccess: () => queryClient.invalidateQueries({ queryKey: key }) });
}

export function useProposeAgendaItem(id: string) {
  return useInvalidating(
    sessionKeys.agenda(id),
    (body: { title: string; description?: string; serviceRequestId?: string }) =>
      unwrap(api.POST('/api/v1/meetings/{id}/agenda', { ...path(id), body })),
  );
}

export function useDecideAgendaItem(id: string) {
  return useInvalidating(
    sessionKeys.agenda(id),
    ({ itemId, ...body }: { itemId: string; accept: boolean; note?: string }) =>
      unwrap(api.POST('/api/v1/meetings/{id}/agenda/{itemId}/decision', { params: { path: { id, itemId } }, body })),
  );
}

export function useCheckInCode(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['meetings', 'session', id, 'check-in-code'],
    queryFn: () => unwrap(api.GET('/api/v1/meetings/{id}/check-in-code', path(id))),
    enabled,
  });
}

export function useCheckIn(id: string) {
  return useInvalidating(sessionKeys.attendance(id), (code: string) =>
    unwrap(api.POST('/api/v1/meetings/{id}/check-in', { ...path(id), body: { code } })),
  );
}

export function useAttendance(id: string) {
  return useQuery({
    queryKey: sessionKeys.attendance(id),
    queryFn: () => unwrap(api.GET('/api/v1/meetings/{id}/attendance', path(id))),
  });
}

/** The minutes, or null before anyone has drafted them (the API answers 404). */
export function useMinutes(id: string) {
  return useQuery({
    queryKey: sessionKeys.minutes(id),
    queryFn: async () => {
      try {
        return await unwrap(api.GET('/api/v1/meetings/{id}/minutes', path(id)));
      } catch (error) {
        if (error instanceof ApiError && error.statusCode === 404) return null;
        throw error;
      }
    },
  });
}

export function useWriteMinutes(id: string) {
  return useInvalidating(sessionKeys.minutes(id), (content: string) =>
    unwrap(api.PUT('/api/v1/meetings/{id}/minutes', { ...path(id), body: { content } })),
  );
}

export function useCirculateMinutes(id: string) {
  return useInvalidating(sessionKeys.minutes(id), () =>
    unwrap(api.POST('/api/v1/meetings/{id}/minutes/circulate', path(id))),
  );
}

export function useApproveMinutes(id: string) {
  return useInvalidating(sessionKeys.minutes(id), () =>
    unwrap(api.POST('/api/v1/meetings/{id}/minutes/approve', path(id))),
  );
}

export function useCommentOnMinutes(id: string) {
  return useInvalidating(sessionKeys.minutes(id), (body: string) =>
    unwrap(api.POST('/api/v1/meetings/{id}/minutes/comments', { ...path(id), body: { body } })),
  );
}

/** The approved minutes as PDF; needs the bearer token, so fetch and save the blob. */
export function useDownloadMinutesPdf(id: string) {
  return useMutation({
    mutationFn: async () => {
      const { data, error, response } = await api.GET('/api/v1/meetings/{id}/minutes.pdf', {
        ...path(id),
        parseAs: 'blob',
      });
      if (!response.ok || !data) throw toApiError(error, response);
      saveBlob(data, fileNameFromResponse(response, 'minutes.pdf'));
    },
  });
}

export function useAttendanceStatistics(allianceId: string | undefined, from: string, to: string) {
  return useQuery({
    queryKey: ['meetings', 'attendance-statistics', allianceId ?? null, from, to],
    enabled: !!allianceId,
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/meetings/attendance-statistics', { params: { query: { allianceId: allianceId!, from, to } } }),
      ),
  });
}
