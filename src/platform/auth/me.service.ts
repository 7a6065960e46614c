import { Injectable } from '@nestjs/common';
import { DomainException } from '../errors/domain.exception';
import type { Actor } from '../tenancy/request-actor';
import { TenantContext } from '../tenancy/tenant-context.service';
import type { MeDto } from './dto/me.dto';

interface MeRow {
  id: string;
  email: string | null;
  mobile: string | null;
  display_name: string;
  role: MeDto['role'];
  locale: string;
  tenant: MeDto['tenant'];
  organization: MeDto['organization'];
}

@Injectable()
export class MeService {
  constructor(private readonly tenant: TenantContext) {}

  async describe(actor: Actor): Promise<MeDto> {
    const [row] = await this.tenant.manager.query<MeRow[]>(
      `SELECT u.id, u.email, u.mobile, u.display_name, u.role, u.locale,
              CASE WHEN t.id IS NULL THEN NULL ELSE json_build_object('id', t.id, 'name', t.name, 'slug', t.slug, 'timeZone', t.time_zone) END AS tenant,
              CASE WHEN o.id IS NULL THEN NULL ELSE json_build_object('id', o.id, 'name', o.name, 'kind', o.kind) END AS organization
         FROM users u
         LEFT JOIN tenants t ON t.id = u.tenant_id
         LEFT JOIN organizations o ON o.id = u.organization_id
        WHERE u.id = $1`,
      [actor.userId],
    );
    if (!row) throw DomainException.notFound();
    return {
      id: row.id,
      email: row.email,
      mobile: row.mobile,
      displayName: row.display_name,
      role: row.role,
      locale: row.locale,
      tenant: row.tenant,
      organization: row.organization,
    };
  }
}
