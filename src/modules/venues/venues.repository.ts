import { Injectable } from '@nestjs/common';
import { type EntityManager, In } from 'typeorm';
import { keysetPage } from '../../platform/pagination/keyset';
import type { Page } from '../../platform/pagination/page.dto';
import { TenantContext } from '../../platform/tenancy/tenant-context.service';
import { VenuePhoto } from './entities/venue-photo.entity';
import { VenueZone } from './entities/venue-zone.entity';
import { Venue } from './entities/venue.entity';

/** Venues, their zones and photos. Queries only. */
@Injectable()
export class VenuesRepository {
  constructor(private readonly tenant: TenantContext) {}

  private get manager(): EntityManager {
    return this.tenant.manager;
  }

  /** A page of venues by name. */
  page(page: { limit?: number; cursor?: string }): Promise<Page<Venue>> {
    const qb = this.manager.getRepository(Venue).createQueryBuilder('v');
    return keysetPage(qb, { column: 'v.name', kind: 'text', idColumn: 'v.id', direction: 'ASC' }, page);
  }

  findVenue(id: string): Promise<Venue | null> {
    return this.manager.getRepository(Venue).findOneBy({ id });
  }

  saveVenue(venue: Partial<Venue>): Promise<Venue> {
    return this.manager.getRepository(Venue).save(venue);
  }

  findZone(venueId: string, zoneId: string): Promise<VenueZone | null> {
    return this.manager.getRepository(VenueZone).findOneBy({ id: zoneId, venueId });
  }

  saveZone(zone: Partial<VenueZone>): Promise<VenueZone> {
    return this.manager.getRepository(VenueZone).save(zone);
  }

  /** The zones of the venues, by name. */
  zonesOf(venueIds: string[]): Promise<VenueZone[]> {
    return this.manager.getRepository(VenueZone).find({ where: { venueId: In(venueIds) }, order: { name: 'ASC' } });
  }

  countPhotos(venueId: string): Promise<number> {
    return this.manager.getRepository(VenuePhoto).count({ where: { venueId } });
  }

  savePhoto(photo: Partial<VenuePhoto>): Promise<VenuePhoto> {
    return this.manager.getRepository(VenuePhoto).save(photo);
  }

  findPhoto(venueId: string, photoId: string): Promise<VenuePhoto | null> {
    return this.manager.getRepository(VenuePhoto).findOneBy({ id: photoId, venueId });
  }

  async deletePhoto(id: string): Promise<void> {
    await this.manager.getRepository(VenuePhoto).delete({ id });
  }

  /** The photos of the venues, oldest first. */
  photosOf(venueIds: string[]): Promise<VenuePhoto[]> {
    return this.manager
      .getRepository(VenuePhoto)
      .find({ where: { venueId: In(venueIds) }, order: { createdAt: 'ASC' } });
  }
}
