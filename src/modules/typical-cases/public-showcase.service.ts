import { Injectable } from '@nestjs/common';
import { Clock } from '../../platform/clock/clock';
import { DomainException } from '../../platform/errors/domain.exception';
import { FileStorage } from '../../platform/storage/file-storage';
import type { ShowcaseView } from './dto/typical-case.view';
import { TypicalCasesRepository } from './typical-cases.repository';

/** The public side: no tenant, no actor; only what the SECURITY DEFINER functions return. */
@Injectable()
export class PublicShowcaseService {
  constructor(
    private readonly cases: TypicalCasesRepository,
    private readonly clock: Clock,
    private readonly storage: FileStorage,
  ) {}

  async showcase(slug: string): Promise<ShowcaseView> {
    const showcase = await this.cases.publicShowcase(slug, this.clock.now());
    if (!showcase) throw DomainException.notFound();
    return showcase;
  }

  async photo(slug: string, photoId: string): Promise<{ contentType: string; content: Buffer }> {
    const photo = await this.cases.publicPhoto(slug, photoId);
    if (!photo) throw DomainException.notFound();
    return { contentType: photo.content_type, content: await this.storage.get(photo.storage_key) };
  }
}
