import access from '../api/route-access.json';
import type { Role } from '../lib/options';

/** An API route as the API declares it, e.g. `GET /meetings` (web/src/api/route-access.json, written by openapi:export). */
export type ApiRoute = keyof typeof access;

/** Whether the API admits `role` to `route`: the same declarations (@Roles) the API's access guard reads. */
export function mayCall(route: ApiRoute, role: Role): boolean {
  return (access[route] as readonly string[]).includes(role);
}
