import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { allPages, MAX_PAGE_SIZE } from '../../api/allPages';
import { fileNameFromResponse, saveBlob } from '../../api/download';
import { toApiError, unwrap } from '../../api/errors';
import type { ListItem, QueryParams, RequestBody, ResponseBody } from '../../api/types';

// The API's own types, from the generated schema: nothing here restates them.
export type Report = ResponseBody<'/api/v1/think-tank/reports/{id}', 'get'>;
export type ReportSummary = ListItem<'/api/v1/think-tank/reports'>;
export type LibraryEntry = ListItem<'/api/v1/think-tank/library'>;
export type Candidate = ListItem<'/api/v1/think-tank/reports/{id}/candidates'>;
export type Assignment = ResponseBody<'/api/v1/think-tank/reviews/{id}', 'get'>;
export type Expert = ResponseBody<'/api/v1/think-tank/experts/me', 'get'>;
export type Workload = ListItem<'/api/v1/think-tank/experts/workload'>;
export type HistoryEntry = ListItem<'/api/v1/think-tank/experts/me/reviews'>;
export type Version = Report['versions'][number];
export type Round = Report['rounds'][number];
/** A review as the viewer may see it; what the viewer may not see is null. */
export type Review = Round['reviews'][number];
export type Criterion = Round['rubric'][number];
export type Author = NonNullable<Report['authors']>[number];
export type NamedRef = Report['subjectOrganizations'][number];
export type Declaration = Expert['declarations'][number];

export type CreateReportInput = RequestBody<'/api/v1/think-tank/reports', 'post'>;
export type AssignInput = RequestBody<'/api/v1/think-tank/reports/{id}/reviewers', 'post'>;
export type DecisionInput = RequestBody<'/api/v1/think-tank/reports/{id}/decision', 'post'>;
export type RecommendationInput = RequestBody<'/api/v1/think-tank/reports/{id}/recommendations', 'post'>;
export type ReviewDraft = RequestBody<'/api/v1/think-tank/reviews/{id}', 'put'>;
export type SubmitReviewInput = RequestBody<'/api/v1/think-tank/reviews/{id}/submit', 'post'>;
export type UpdateExpertInput = RequestBody<'/api/v1/think-tank/experts/me', 'patch'>;
export type CreateExpertInput = RequestBody<'/api/v1/think-tank/experts', 'post'>;
export type DeclarationInput = RequestBody<'/api/v1/think-tank/experts/me/declarations', 'post'>;
export type RubricInput = RequestBody<'/api/v1/think-tank/rubrics/{allianceId}', 'put'>;
export type LibraryFilters = Omit<QueryParams<'/api/v1/think-tank/library', 'get'>, 'cursor' | 'limit'>;

export type ReportStatus = Report['status'];
export type Decision = DecisionInput['decision'];
export type BlindMode = Report['blindMode'];
export type Availability = Expert['availability'];
export type AssignmentStatus = Assignment['status'];
export type ViewerRole = Report['viewerRole'];

// The values in the order the pages offer them (the types above check that each one is the API's).
export const REPORT_STATUSES = [
  'draft',
  'under_review',
  'revision_requested',
  'accepted',
  'rejected',
  'published',
] as const satisfies readonly ReportStatus[];
export const DECISIONS = [
  'accept',
  'minor_revision',
  'major_revision',
  'reject',
] as const satisfies readonly Decision[];
export const BLIND_MODES = ['single', 'double'] as const satisfies readonly BlindMode[];
export const AVAILABILITIES = ['available', 'limited', 'unavailable'] as const satisfies readonly Availability[];

export const thinkTankKeys = {
  all: ['think-tank'] as const,
  reports: (status?: ReportStatus) => [...thinkTankKeys.all, 'reports', status ?? null] as const,
  report: (id: string) => [...thinkTankKeys.all, 'report', id] as const,
  candidates: (id: string) => [...thinkTankKeys.all, 'candidates', id] as const,
  recommendations: (id: string) => [...thinkTankKeys.all, 'recommendations', id] as const,
  queue: () => [...thinkTankKeys.all, 'queue'] as const,
  assignment: (id: string) => [...thinkTankKeys.all, 'assignment', id] as const,
  me: () => [...thinkTankKeys.all, 'me'] as const,
  myHistory: () => [...thinkTankKeys.all, 'me', 'history'] as const,
  experts: () => [...thinkTankKeys.all, 'experts'] as const,
  workload: () => [...thinkTankKeys.all, 'workload'] as const,
  rubric: (allianceId: string) => [...thinkTankKeys.all, 'rubric', allianceId] as const,
  library: (filters: LibraryFilters) => [...thinkTankKeys.all, 'library', filters] as const,
  libraryTopics: () => [...thinkTankKeys.all, 'library-topics'] as const,
};

/** Every think-tank mutation may change lists, the report, the queue and the workload: refresh them all. */
function useThinkTankMutation<T, R = unknown>(run: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: thinkTankKeys.all }),
  });
}

// ---- reports ----

export function useReports(status?: ReportStatus) {
  return useQuery({
    queryKey: thinkTankKeys.reports(status),
    queryFn: async () =>
      await allPages((cursor) =>
        unwrap(api.GET('/api/v1/think-tank/reports', { params: { query: { status, limit: MAX_PAGE_SIZE, cursor } } })),
      ),
  });
}

export function useReport(id: string) {
  return useQuery({
    queryKey: thinkTankKeys.report(id),
    queryFn: () => unwrap(api.GET('/api/v1/think-tank/reports/{id}', { params: { path: { id } } })),
  });
}

export function useCreateReport() {
  return useThinkTankMutation((body: CreateReportInput) => unwrap(api.POST('/api/v1/think-tank/reports', { body })));
}

export function useUploadVersion(id: string) {
  return useThinkTankMutation(async ({ file, response }: { file: File; response?: string }) => {
    const form = new FormData();
    if (response) form.append('response', response);
    form.append('file', file);
    return await unwrap(
      api.POST('/api/v1/think-tank/reports/{id}/versions', {
        params: { path: { id } },
        // openapi-fetch sends FormData as multipart; the schema type cannot describe a File.
        body: form as never,
      }),
    );
  });
}

export function useDownloadVersion(reportId: string) {
  return useMutation({
    mutationFn: async (version: Pick<Version, 'id' | 'fileName'> & { fileName?: string }) => {
      const { data, error, response } = await api.GET('/api/v1/think-tank/reports/{id}/versions/{versionId}/file', {
        params: { path: { id: reportId, versionId: version.id } },
        parseAs: 'blob',
      });
      if (!response.ok || !data) throw toApiError(error, response);
      saveBlob(data, fileNameFromResponse(response, version.fileName ?? 'report'));
    },
  });
}

export function useSubmitReport(id: string) {
  return useThinkTankMutation(() =>
    unwrap(api.POST('/api/v1/think-tank/reports/{id}/submit', { params: { path: { id } } })),
  );
}

export function useCandidates(id: string, enabled: boolean) {
  return useQuery({
    queryKey: thinkTankKeys.candidates(id),
    enabled,
    queryFn: async () =>
      await allPages((cursor) =>
        unwrap(
          api.GET('/api/v1/think-tank/reports/{id}/candidates', {
            params: { path: { id }, query: { limit: MAX_PAGE_SIZE, cursor } },
          }),
        ),
      ),
  });
}

export function useAssignReviewers(id: string) {
  return useThinkTankMutation((body: AssignInput) =>
    unwrap(api.POST('/api/v1/think-tank/reports/{id}/reviewers', { params: { path: { id } }, body })),
  );
}

export function useDecide(id: string) {
  return useThinkTankMutation((body: DecisionInput) =>
    unwrap(api.POST('/api/v1/think-tank/reports/{id}/decision', { params: { path: { id } }, body })),
  );
}

export function usePublish(id: string) {
  return useThinkTankMutation(() =>
    unwrap(api.POST('/api/v1/think-tank/reports/{id}/publish', { params: { path: { id } } })),
  );
}

export function useRecommendations(id: string, enabled: boolean) {
  return useQuery({
    queryKey: thinkTankKeys.recommendations(id),
    enabled,
    queryFn: async () =>
      await allPages((cursor) =>
        unwrap(
          api.GET('/api/v1/think-tank/reports/{id}/recommendations', {
            params: { path: { id }, query: { limit: MAX_PAGE_SIZE, cursor } },
          }),
        ),
      ),
  });
}

export function useAddRecommendation(id: string) {
  return useThinkTankMutation((body: RecommendationInput) =>
    unwrap(api.POST('/api/v1/think-tank/reports/{id}/recommendations', { params: { path: { id } }, body })),
  );
}

// ---- reviews (experts) ----

export function useReviewQueue() {
  return useQuery({
    queryKey: thinkTankKeys.queue(),
    queryFn: () =>
      allPages((cursor) =>
        unwrap(api.GET('/api/v1/think-tank/reviews', { params: { query: { limit: MAX_PAGE_SIZE, cursor } } })),
      ),
  });
}

export function useAssignment(id: string) {
  return useQuery({
    queryKey: thinkTankKeys.assignment(id),
    queryFn: () => unwrap(api.GET('/api/v1/think-tank/reviews/{id}', { params: { path: { id } } })),
  });
}

export function useRespondToInvitation() {
  return useThinkTankMutation(async ({ id, accept, reason }: { id: string; accept: boolean; reason?: string }) =>
    accept
      ? unwrap(api.POST('/api/v1/think-tank/reviews/{id}/accept', { params: { path: { id } } }))
      : unwrap(api.POST('/api/v1/think-tank/reviews/{id}/decline', { params: { path: { id } }, body: { reason } })),
  );
}

export function useSaveReview(id: string) {
  return useThinkTankMutation((body: ReviewDraft) =>
    unwrap(api.PUT('/api/v1/think-tank/reviews/{id}', { params: { path: { id } }, body })),
  );
}

export function useSubmitReview(id: string) {
  return useThinkTankMutation((body: SubmitReviewInput) =>
    unwrap(api.POST('/api/v1/think-tank/reviews/{id}/submit', { params: { path: { id } }, body })),
  );
}

// ---- experts ----

export function useMyExpertProfile() {
  return useQuery({
    queryKey: thinkTankKeys.me(),
    queryFn: () => unwrap(api.GET('/api/v1/think-tank/experts/me')),
  });
}

export function useMyReviewHistory() {
  return useQuery({
    queryKey: thinkTankKeys.myHistory(),
    queryFn: async () =>
      await allPages((cursor) =>
        unwrap(
          api.GET('/api/v1/think-tank/experts/me/reviews', { params: { query: { limit: MAX_PAGE_SIZE, cursor } } }),
        ),
      ),
  });
}

export function useUpdateMyProfile() {
  return useThinkTankMutation((body: UpdateExpertInput) =>
    unwrap(api.PATCH('/api/v1/think-tank/experts/me', { body })),
  );
}

export function useDeclare() {
  return useThinkTankMutation((body: DeclarationInput) =>
    unwrap(api.POST('/api/v1/think-tank/experts/me/declarations', { body })),
  );
}

export function useWithdrawDeclaration() {
  return useThinkTankMutation((id: string) =>
    unwrap(api.DELETE('/api/v1/think-tank/experts/me/declarations/{id}', { params: { path: { id } } })),
  );
}

export function useExperts() {
  return useQuery({
    queryKey: thinkTankKeys.experts(),
    queryFn: () =>
      allPages((cursor) =>
        unwrap(api.GET('/api/v1/think-tank/experts', { params: { query: { limit: MAX_PAGE_SIZE, cursor } } })),
      ),
  });
}

export function useWorkload() {
  return useQuery({
    queryKey: thinkTankKeys.workload(),
    queryFn: async () =>
      await allPages((cursor) =>
        unwrap(api.GET('/api/v1/think-tank/experts/workload', { params: { query: { limit: MAX_PAGE_SIZE, cursor } } })),
      ),
  });
}

export function useCreateExpert() {
  return useThinkTankMutation((body: CreateExpertInput) => unwrap(api.POST('/api/v1/think-tank/experts', { body })));
}

export function useUpdateExpert() {
  return useThinkTankMutation(({ id, ...body }: UpdateExpertInput & { id: string }) =>
    unwrap(api.PATCH('/api/v1/think-tank/experts/{id}', { params: { path: { id } }, body })),
  );
}

// ---- rubric and library ----

export function useRubric(allianceId: string | undefined) {
  return useQuery({
    queryKey: thinkTankKeys.rubric(allianceId ?? ''),
    enabled: Boolean(allianceId),
    queryFn: async () =>
      (
        await unwrap(
          api.GET('/api/v1/think-tank/rubrics/{allianceId}', { params: { path: { allianceId: allianceId! } } }),
        )
      ).criteria,
  });
}

export function useSaveRubric(allianceId: string) {
  return useThinkTankMutation((body: RubricInput) =>
    unwrap(api.PUT('/api/v1/think-tank/rubrics/{allianceId}', { params: { path: { allianceId } }, body })),
  );
}

export function useLibrary(filters: LibraryFilters) {
  return useQuery({
    queryKey: thinkTankKeys.library(filters),
    placeholderData: keepPreviousData,
    // The best 100 matches, as the page showed before the library took a cursor.
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/think-tank/library', { params: { query: { ...filters, limit: MAX_PAGE_SIZE } } })))
        .items,
  });
}

/** The library's topics, the most used first, to filter the search by. */
export function useLibraryTopics() {
  return useQuery({
    queryKey: thinkTankKeys.libraryTopics(),
    queryFn: async () => (await unwrap(api.GET('/api/v1/think-tank/library/topics'))).topics,
  });
}

/** Officials and department staff and enterprise contacts, searched by name (only officials may list users). */
export function useUserSearch(q: string, enabled: boolean) {
  return useQuery({
    queryKey: ['users', 'think-tank-options', q],
    enabled,
    placeholderData: keepPreviousData,
    queryFn: async () =>
      (
        await unwrap(
          api.GET('/api/v1/users', { params: { query: { q: q || undefined, status: 'active', limit: 50 } } }),
        )
      ).items as {
        id: string;
        displayName: string;
        organization: NamedRef | null;
      }[],
  });
}
