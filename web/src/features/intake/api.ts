import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { ResponseBody } from '../../api/types';

export type IntakeSuggestions = ResponseBody<'/api/v1/intake/suggestions', 'post'>;
export type IntakeModelStatus = ResponseBody<'/api/v1/intake/model', 'get'>;
export type IntakeTraining = NonNullable<IntakeModelStatus['latest']>;

const keys = {
  model: ['intake', 'model'] as const,
  suggestions: (allianceId: string, title: string, description: string) =>
    ['intake', 'suggestions', allianceId, title, description] as const,
};

/** How long the enterprise must stop typing before the form asks for suggestions. */
export const SUGGEST_DEBOUNCE_MS = 400;
/** A training queued or running is polled until it ends. */
const POLL_MS = 2000;

/** `value`, once it has not changed for `ms`. */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** The township model's top categories for the text being typed, asked for once typing pauses. */
export function useIntakeSuggestions(allianceId: string | undefined, title: string, description: string) {
  const text = useDebounced({ title: title.trim(), description: description.trim() }, SUGGEST_DEBOUNCE_MS);
  const enough = `${text.title}${text.description}`.length >= 2;
  return useQuery({
    queryKey: keys.suggestions(allianceId ?? '', text.title, text.description),
    queryFn: () =>
      unwrap(
        api.POST('/api/v1/intake/suggestions', {
          body: { allianceId, title: text.title, description: text.description },
        }),
      ),
    enabled: Boolean(allianceId) && enough,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export function useIntakeModel() {
  return useQuery({
    queryKey: keys.model,
    queryFn: () => unwrap(api.GET('/api/v1/intake/model')),
    refetchInterval: (query) => {
      const status = query.state.data?.latest?.status;
      return status === 'queued' || status === 'running' ? POLL_MS : false;
    },
  });
}

export function useRetrainIntakeModel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/intake/model/trainings')),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.model }),
  });
}

export type SimilarArticle = ResponseBody<'/api/v1/knowledge-base/similar', 'post'>[number];

/** Up to five published Q&As of the knowledge base close to the text being typed, asked for once typing pauses. */
export function useSimilarArticles(allianceId: string | undefined, title: string, description: string) {
  const text = useDebounced({ title: title.trim(), description: description.trim() }, SUGGEST_DEBOUNCE_MS);
  const enough = `${text.title}${text.description}`.length >= 2;
  return useQuery({
    queryKey: ['knowledge-base', 'similar', allianceId ?? '', text.title, text.description] as const,
    queryFn: () =>
      unwrap(
        api.POST('/api/v1/knowledge-base/similar', {
          body: { allianceId, title: text.title, description: text.description },
        }),
      ),
    enabled: Boolean(allianceId) && enough,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
