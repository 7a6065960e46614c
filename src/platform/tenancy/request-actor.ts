import { Role } from '../auth/entities/role';

/** Who is acting: the signed-in user of a request, or the user a job was started by. */
export interface Actor {
  userId: string;
  tenantId: string | null;
  role: Role;
  organizationId: string | null;
}

/** The township itself acting (a scheduled job, a reminder, a sweep): an official's reach, no user. */
export function systemActor(tenantId: string | null): Actor {
  return { userId: '', tenantId, role: Role.TownshipAdmin, organizationId: null };
}

/** The platform itself acting across townships (a sweep over every township, a backup): no user. */
export function platformActor(): Actor {
  return { userId: '', tenantId: null, role: Role.PlatformAdmin, organizationId: null };
}

/** A township's system actor, or the platform's when the work belongs to no township. */
export function jobActor(tenantId: string | null): Actor {
  return tenantId ? systemActor(tenantId) : platformActor();
}
