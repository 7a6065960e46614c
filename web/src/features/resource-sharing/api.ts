import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { allPages, MAX_PAGE_SIZE } from '../../api/allPages';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { QueryParams, RequestBody, ResponseBody } from '../../api/types';

export type Listing = ResponseBody<'/api/v1/listings/{id}', 'get'>;
export type Match = ResponseBody<'/api/v1/listings/{id}/matches', 'get'>['items'][number];
export type Interest = ResponseBody<'/api/v1/listing-interests/{id}', 'get'>;
export type InterestSummary = ResponseBody<'/api/v1/listing-interests', 'get'>['items'][number];
export type Talent = ResponseBody<'/api/v1/talents', 'get'>['items'][number];
export type ListingFilters = Omit<QueryParams<'/api/v1/listings', 'get'>, 'cursor' | 'limit'>;
export type CreateListingInput = RequestBody<'/api/v1/listings', 'post'>;
export type CreateTalentInput = RequestBody<'/api/v1/talents', 'post'>;

const keys = {
  all: ['resources'] as const,
  list: (filters: ListingFilters) => [...keys.all, 'list', filters] as const,
};

export function useListings(filters: ListingFilters) {
  return useQuery({
    queryKey: keys.list(filters),
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/listings', { params: { query: { ...filters, limit: 100 } } }))).items,
  });
}

export function useMatches(id: string | null) {
  return useQuery({
    queryKey: [...keys.all, 'matches', id],
    enabled: !!id,
    // The best 30, as the panel showed before the list took a cursor.
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/listings/{id}/matches', { params: { path: { id: id! }, query: { limit: 30 } } })))
        .items,
  });
}

export function useTalents() {
  return useQuery({
    queryKey: [...keys.all, 'talents'],
    queryFn: () =>
      allPages((cursor) => unwrap(api.GET('/api/v1/talents', { params: { query: { limit: MAX_PAGE_SIZE, cursor } } }))),
  });
}

export function useInterests() {
  return useQuery({
    queryKey: [...keys.all, 'interests'],
    queryFn: () =>
      allPages((cursor) =>
        unwrap(api.GET('/api/v1/listing-interests', { params: { query: { limit: MAX_PAGE_SIZE, cursor } } })),
      ),
  });
}

export function useInterest(id: string) {
  return useQuery({
    queryKey: [...keys.all, 'interest', id],
    queryFn: () => unwrap(api.GET('/api/v1/listing-interests/{id}', { params: { path: { id } } })),
  });
}

function useInvalidating<T, R>(fn: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }) });
}

export const useCreateListing = () =>
  useInvalidating((body: CreateListingInput) => unwrap(api.POST('/api/v1/listings', { body })));
export const useCreateTalent = () =>
  useInvalidating((body: CreateTalentInput) => unwrap(api.POST('/api/v1/talents', { body })));
export const useCloseListing = () =>
  useInvalidating((id: string) => unwrap(api.POST('/api/v1/listings/{id}/close', { params: { path: { id } } })));
export const useExpressInterest = () =>
  useInvalidating(({ id, message }: { id: string; message: string }) =>
    unwrap(api.POST('/api/v1/listings/{id}/interests', { params: { path: { id } }, body: { message } })),
  );
export const usePostMessage = () =>
  useInvalidating(({ id, body }: { id: string; body: string }) =>
    unwrap(api.POST('/api/v1/listing-interests/{id}/messages', { params: { path: { id } }, body: { body } })),
  );
