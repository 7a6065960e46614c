import type { Role } from '../auth/entities/role';

/** Who is acting: the signed-in user of a request, or the user a job was started by. */
export interface Actor {
  userId: string;
  tenantId: string | null;
  role: Role;
  organizationId: string | null;
}
