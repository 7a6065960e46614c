import type { paths } from './schema';

// Types are derived from `paths` (not component names) so the generated schema can drop in.
type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';
type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M & keyof paths[P]]>;
type SuccessStatus = 200 | 201 | 202 | 203 | '2XX';
type JsonContent<R> = R extends { content: { 'application/json': infer B } } ? B : never;

export type ResponseBody<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { responses: infer R } ? JsonContent<R[Extract<keyof R, SuccessStatus>]> : never;

export type RequestBody<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { requestBody?: infer B } ? JsonContent<NonNullable<B>> : never;

export type QueryParams<P extends keyof paths, M extends Method> =
  Operation<P, M> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

/** Element type of a cursor-paginated list response. */
export type ListItem<P extends keyof paths> = ResponseBody<P, 'get'> extends { items: (infer T)[] } ? T : never;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
