import { Injectable } from '@nestjs/common';
import { type Role, UserStatus } from '../../platform/auth/entities/role';
import { PeopleDirectoryRepository, type PersonRow } from './people-directory.repository';

/** A person as other modules see them (people_directory). */
export interface DirectoryPerson {
  id: string;
  tenantId: string | null;
  displayName: string;
  organizationId: string | null;
  role: Role;
  status: UserStatus;
  isLeader: boolean;
}

/**
 * Who is who, for every other module: names, organisations' active staff, the township's officials.
 * Runs in the caller's transaction and under its township (row-level security): a person of another
 * township is not found.
 */
@Injectable()
export class PeopleDirectory {
  constructor(private readonly directory: PeopleDirectoryRepository) {}

  async person(id: string): Promise<DirectoryPerson | null> {
    const [person] = await this.people([id]);
    return person ?? null;
  }

  /** The people among `ids` that exist, in no particular order. */
  async people(ids: string[]): Promise<DirectoryPerson[]> {
    const wanted = [...new Set(ids)];
    return wanted.length === 0 ? [] : (await this.directory.people(wanted)).map(toPerson);
  }

  async exists(id: string): Promise<boolean> {
    return (await this.person(id)) !== null;
  }

  async displayName(id: string): Promise<string | null> {
    return (await this.person(id))?.displayName ?? null;
  }

  /** Display names by id, of those of `ids` that exist. */
  async displayNames(ids: string[]): Promise<Map<string, string>> {
    return new Map((await this.people(ids)).map((p) => [p.id, p.displayName]));
  }

  /**
   * Whether the person's account is active; with `organizationId`, also that they belong to it
   * (`null`: to no organisation).
   */
  async isActive(id: string, options: { organizationId?: string | null } = {}): Promise<boolean> {
    const person = await this.person(id);
    if (person?.status !== UserStatus.Active) return false;
    return options.organizationId === undefined || person.organizationId === options.organizationId;
  }

  /**
   * The ids of the active people of the organisation(s) (department staff, enterprise contacts),
   * oldest account first; only the leaders with `leadersOnly`, only those of `role` with it.
   */
  activeStaff(
    organizationIds: string | string[],
    options: { leadersOnly?: boolean; role?: Role } = {},
  ): Promise<string[]> {
    const ids = typeof organizationIds === 'string' ? [organizationIds] : [...new Set(organizationIds)];
    if (ids.length === 0) return Promise.resolve([]);
    return this.directory.activeStaff(ids, options.role ?? null, options.leadersOnly ?? false);
  }

  /**
   * The ids of the township's active officials, leaders first; with `leadersOrAll`, only the
   * leaders, or all of them when none is marked a leader.
   */
  async activeOfficials(options: { leadersOrAll?: boolean } = {}): Promise<string[]> {
    const officials = await this.directory.activeOfficials();
    const leaders = officials.filter((o) => o.is_leader);
    return (options.leadersOrAll && leaders.length > 0 ? leaders : officials).map((o) => o.id);
  }
}

function toPerson(row: PersonRow): DirectoryPerson {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    displayName: row.display_name,
    organizationId: row.organization_id,
    role: row.role,
    status: row.status,
    isLeader: row.is_leader,
  };
}
