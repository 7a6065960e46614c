import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../../platform/auth/access.decorators';
import { DomainException } from '../../platform/errors/domain.exception';
import { IdParam } from '../../platform/http/id-param.decorator';
import { ShowcaseView } from './dto/typical-case.view';
import { PublicShowcaseService } from './public-showcase.service';
import { sendImage } from './typical-cases.controller';

const SLUG = /^[A-Za-z0-9_-]{8,64}$/;

/** The alliance's showcase for anyone, without signing in: published cases and aggregate figures only. */
@ApiTags('public')
@Controller('public/alliances')
export class PublicShowcaseController {
  constructor(private readonly showcases: PublicShowcaseService) {}

  @Public()
  @ApiOperation({ summary: "An alliance's public showcase" })
  @Get(':slug/showcase')
  showcase(@Param('slug') slug: string): Promise<ShowcaseView> {
    if (!SLUG.test(slug)) throw DomainException.notFound();
    return this.showcases.showcase(slug);
  }

  @ApiProduces('image/jpeg', 'image/png', 'image/webp')
  @Public()
  @ApiOperation({ summary: 'A photo on the public showcase' })
  @Get(':slug/showcase/photos/:photoId')
  async photo(
    @Param('slug') slug: string,
    @IdParam('photoId') photoId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    if (!SLUG.test(slug)) throw DomainException.notFound();
    const { contentType, content } = await this.showcases.photo(slug, photoId);
    await sendImage(reply, contentType, content, 'public, max-age=3600');
  }
}
