import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DomainException } from '../../platform/errors/domain.exception';
import type { Page, PageQueryDto } from '../../platform/pagination/page.dto';
import { FileStorage } from '../../platform/storage/file-storage';
import { StorageQuota } from '../../platform/storage/storage-quota';
import type { Actor } from '../../platform/tenancy/request-actor';
import { TenantContext } from '../../platform/tenancy/tenant-context.service';
import { cleanOpeningHours, openingHoursProblems } from './bookings/opening-hours';
import type {
  CreateVenueDto,
  CreateZoneDto,
  PhotoView,
  UpdateVenueDto,
  UpdateZoneDto,
  VenueView,
  ZoneView,
} from './dto/venue.dto';
import { VenuePhoto } from './entities/venue-photo.entity';
import { VenueZone } from './entities/venue-zone.entity';
import { Venue } from './entities/venue.entity';
import { VenuesRepository } from './venues.repository';

const MAX_PHOTOS_PER_VENUE = 30;

/** Venues, their zones (capacity, opening hours, approval) and photos. */
@Injectable()
export class VenuesService {
  constructor(
    private readonly tenant: TenantContext,
    private readonly venues: VenuesRepository,
    private readonly storage: FileStorage,
    private readonly quota: StorageQuota,
  ) {}

  /** By name; a page at a time. */
  async list(query: PageQueryDto): Promise<Page<VenueView>> {
    const page = await this.venues.page(query);
    return { items: await this.views(page.items), nextCursor: page.nextCursor };
  }

  async get(id: string): Promise<VenueView> {
    const venue = await this.venues.findVenue(id);
    if (!venue) throw DomainException.notFound();
    return (await this.views([venue]))[0];
  }

  async create(input: CreateVenueDto): Promise<VenueView> {
    const venue = await this.venues.saveVenue({
      tenantId: this.tenant.tenantId,
      name: input.name.trim(),
      address: input.address ?? null,
      description: input.description ?? null,
    });
    return this.get(venue.id);
  }

  async update(id: string, input: UpdateVenueDto): Promise<VenueView> {
    const venue = await this.venues.findVenue(id);
    if (!venue) throw DomainException.notFound();
    if (input.name !== undefined) {
      const name = input.name.trim();
      if (!name) throw DomainException.invalid([{ field: 'name', reason: 'isNotEmpty' }]);
      venue.name = name;
    }
    if (input.address !== undefined) venue.address = input.address.trim() || null;
    if (input.description !== undefined) venue.description = input.description.trim() || null;
    await this.venues.saveVenue(venue);
    return this.get(id);
  }

  async addZone(venueId: string, input: CreateZoneDto): Promise<ZoneView> {
    if (!(await this.venues.findVenue(venueId))) throw DomainException.notFound();
    const problems = openingHoursProblems(input.openingHours);
    if (problems.length > 0) throw DomainException.invalid(problems);
    const zone = await this.venues.saveZone({
      tenantId: this.tenant.tenantId,
      venueId,
      name: input.name.trim(),
      kind: input.kind,
      capacity: input.capacity,
      description: input.description ?? null,
      openingHours: cleanOpeningHours(input.openingHours),
      requiresApproval: input.requiresApproval ?? false,
    });
    return zoneView(zone);
  }

  async updateZone(venueId: string, zoneId: string, input: UpdateZoneDto): Promise<ZoneView> {
    const zone = await this.venues.findZone(venueId, zoneId);
    if (!zone) throw DomainException.notFound();
    const problems = openingHoursProblems(input.openingHours);
    if (problems.length > 0) throw DomainException.invalid(problems);
    if (input.name !== undefined) zone.name = input.name.trim();
    if (input.capacity !== undefined) zone.capacity = input.capacity;
    if (input.description !== undefined) zone.description = input.description || null;
    if (input.openingHours !== undefined) zone.openingHours = cleanOpeningHours(input.openingHours);
    if (input.requiresApproval !== undefined) zone.requiresApproval = input.requiresApproval;
    return zoneView(await this.venues.saveZone(zone));
  }

  async addPhoto(
    actor: Actor,
    venueId: string,
    zoneId: string | null,
    photo: { fileName: string; content: Buffer; mime: string },
  ): Promise<PhotoView> {
    if (!(await this.venues.findVenue(venueId))) throw DomainException.notFound();
    if (zoneId && !(await this.venues.findZone(venueId, zoneId)))
      throw DomainException.invalid([{ field: 'zoneId', reason: 'notFound' }]);
    if ((await this.venues.countPhotos(venueId)) >= MAX_PHOTOS_PER_VENUE)
      throw DomainException.conflict(undefined, [
        { field: 'file', reason: 'tooManyPhotos', args: [MAX_PHOTOS_PER_VENUE] },
      ]);
    await this.quota.reserve(photo.content.length);
    const storageKey = `${this.tenant.tenantId}/venues/${venueId}/${randomUUID()}`;
    await this.storage.put(storageKey, photo.content, photo.mime);
    const saved = await this.venues.savePhoto({
      tenantId: this.tenant.tenantId,
      venueId,
      zoneId,
      fileName: photo.fileName,
      contentType: photo.mime,
      size: photo.content.length,
      storageKey,
      uploadedById: actor.userId,
    });
    return photoView(saved);
  }

  async readPhoto(venueId: string, photoId: string): Promise<{ photo: VenuePhoto; content: Buffer }> {
    const photo = await this.venues.findPhoto(venueId, photoId);
    if (!photo) throw DomainException.notFound();
    return { photo, content: await this.storage.get(photo.storageKey) };
  }

  async removePhoto(venueId: string, photoId: string): Promise<void> {
    const photo = await this.venues.findPhoto(venueId, photoId);
    if (!photo) throw DomainException.notFound();
    await this.venues.deletePhoto(photoId);
    await this.storage.remove(photo.storageKey).catch(() => undefined);
  }

  private async views(venues: Venue[]): Promise<VenueView[]> {
    const ids = venues.map((v) => v.id);
    if (ids.length === 0) return [];
    const zones = await this.venues.zonesOf(ids);
    const photos = await this.venues.photosOf(ids);
    return venues.map((v) => ({
      id: v.id,
      name: v.name,
      address: v.address,
      description: v.description,
      zones: zones.filter((z) => z.venueId === v.id).map(zoneView),
      photos: photos.filter((p) => p.venueId === v.id).map(photoView),
    }));
  }
}

function zoneView(z: VenueZone): ZoneView {
  return {
    id: z.id,
    name: z.name,
    kind: z.kind,
    capacity: z.capacity,
    description: z.description,
    openingHours: z.openingHours,
    requiresApproval: z.requiresApproval,
  };
}

function photoView(p: VenuePhoto): PhotoView {
  return { id: p.id, fileName: p.fileName, contentType: p.contentType, size: p.size, zoneId: p.zoneId };
}
