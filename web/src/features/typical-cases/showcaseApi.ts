import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { ResponseBody } from '../../api/types';

export type Showcase = ResponseBody<'/api/v1/public/alliances/{slug}/showcase', 'get'>;

/** The public showcase: no sign-in, no session. */
export function useShowcase(slug: string) {
  return useQuery({
    queryKey: ['public-showcase', slug],
    retry: false,
    queryFn: () => unwrap(api.GET('/api/v1/public/alliances/{slug}/showcase', { params: { path: { slug } } })),
  });
}

export const showcasePhotoUrl = (slug: string, photoId: string) =>
  `/api/v1/public/alliances/${encodeURIComponent(slug)}/showcase/photos/${photoId}`;
