import { Body, Controller, Get, HttpCode, HttpStatus, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../platform/auth/access.decorators';
import { Role } from '../../platform/auth/entities/role';
import { IdParam } from '../../platform/http/id-param.decorator';
import {
  ArticleDraftView,
  KnowledgeArticlePage,
  KnowledgeArticleView,
  ListArticlesQuery,
  PublishArticleDto,
  SimilarArticlesDto,
  UpdateArticleDto,
} from './dto/knowledge-article.dto';
import { KnowledgeBaseService } from './knowledge-base.service';

const MEMBERS = [Role.TownshipAdmin, Role.DepartmentStaff, Role.EnterpriseContact];

@ApiTags('knowledge base')
@ApiBearerAuth()
@Controller('knowledge-base')
export class KnowledgeBaseController {
  constructor(private readonly knowledge: KnowledgeBaseService) {}

  @Roles(...MEMBERS)
  @ApiOperation({
    summary: 'List or search the knowledge base (政策问答库)',
    description:
      "Published questions and answers of the caller's alliances (an official's: every alliance of the township, with `status=all` the unpublished too); with `q`, those sharing the most segmented terms first.",
  })
  @Get('articles')
  list(@Query() query: ListArticlesQuery): Promise<KnowledgeArticlePage> {
    return this.knowledge.list(query);
  }

  @Roles(...MEMBERS)
  @ApiOperation({ summary: 'Get a question and answer of the knowledge base' })
  @Get('articles/:id')
  get(@IdParam() id: string): Promise<KnowledgeArticleView> {
    return this.knowledge.get(id);
  }

  @Roles(Role.TownshipAdmin, Role.DepartmentStaff)
  @ApiOperation({
    summary: 'Publish a question and answer to the alliance',
    description:
      "An edited copy of a resolved request (by an official or the department that served it), or an official's own article for an alliance. A text naming the enterprise that asked or its contacts (names, mobiles, emails) is refused with 400 naming the field.",
  })
  @ApiConflictResponse({ description: 'The request is not resolved, or is already published.' })
  @Post('articles')
  publish(@Body() body: PublishArticleDto): Promise<KnowledgeArticleView> {
    return this.knowledge.publish(body);
  }

  @Roles(Role.TownshipAdmin)
  @ApiOperation({ summary: 'Edit, unpublish or publish again a question and answer' })
  @Patch('articles/:id')
  update(@IdParam() id: string, @Body() body: UpdateArticleDto): Promise<KnowledgeArticleView> {
    return this.knowledge.update(id, body);
  }

  @Roles(Role.TownshipAdmin, Role.DepartmentStaff)
  @ApiOperation({
    summary: 'A resolved request as a draft to publish',
    description:
      "Its title, description and resolution with the enterprise's name and its contacts' names, mobiles and emails taken out; for an official or the department that served it.",
  })
  @ApiConflictResponse({ description: 'The request is not resolved.' })
  @Get('drafts/:id')
  draft(@IdParam() id: string): Promise<ArticleDraftView> {
    return this.knowledge.draft(id);
  }

  @Roles(...MEMBERS)
  @ApiOperation({
    summary: 'Published questions and answers similar to a request being written',
    description: "Up to five of the caller's alliances' published articles sharing the most segmented terms.",
  })
  @Post('similar')
  @HttpCode(HttpStatus.OK)
  similar(@Body() body: SimilarArticlesDto): Promise<KnowledgeArticleView[]> {
    return this.knowledge.similar(body);
  }
}
