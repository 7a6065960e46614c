import { Injectable } from '@nestjs/common';
import type { OrganizationKind } from './entities/organization-kind';
import { OrganizationDirectoryRepository } from './organization-directory.repository';

/** An organisation as other modules see it (organization_directory). */
export interface DirectoryOrganization {
  id: string;
  name: string;
  kind: OrganizationKind;
}

/**
 * Organisations' names and kinds, for every other module. Runs in the caller's transaction and
 * under its township (row-level security): another township's organisation is not found.
 */
@Injectable()
export class OrganizationDirectory {
  constructor(private readonly directory: OrganizationDirectoryRepository) {}

  async find(id: string): Promise<DirectoryOrganization | null> {
    const [organization] = await this.findMany([id]);
    return organization ?? null;
  }

  /** The organisations among `ids` that exist, ordered by name. */
  findMany(ids: string[]): Promise<DirectoryOrganization[]> {
    const wanted = [...new Set(ids)];
    return wanted.length === 0 ? Promise.resolve([]) : this.directory.organizations(wanted);
  }

  async exists(id: string): Promise<boolean> {
    return (await this.find(id)) !== null;
  }

  async name(id: string): Promise<string | null> {
    return (await this.find(id))?.name ?? null;
  }

  /** Names by id, of those of `ids` that exist. */
  async names(ids: (string | null)[]): Promise<Map<string, string>> {
    const organizations = await this.findMany(ids.filter((id): id is string => !!id));
    return new Map(organizations.map((o) => [o.id, o.name]));
  }
}
