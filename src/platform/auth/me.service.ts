import { Injectable } from '@nestjs/common';
import { DomainException } from '../errors/domain.exception';
import type { Actor } from '../tenancy/request-actor';
import { AuthRepository } from './auth.repository';
import type { MeDto } from './dto/me.dto';

@Injectable()
export class MeService {
  constructor(private readonly repository: AuthRepository) {}

  async describe(actor: Actor): Promise<MeDto> {
    const row = await this.repository.describeUser(actor.userId);
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
