import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { KnowledgeArticleStatus } from '../entities/knowledge-article.entity';

export class PublishArticleDto {
  @ApiPropertyOptional({ description: 'The resolved request it is an edited copy of.' })
  @IsOptional()
  @IsUUID()
  sourceRequestId?: string;

  @ApiPropertyOptional({ description: "Required without a request (an official's own article)." })
  @IsOptional()
  @IsUUID()
  allianceId?: string;

  @ApiPropertyOptional({ description: "A category of the alliance's catalogue." })
  @IsOptional()
  @IsUUID()
  categoryId?: string;

  @ApiProperty({ minLength: 2, maxLength: 200 })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  title: string;

  @ApiProperty({ minLength: 2, maxLength: 10_000 })
  @IsString()
  @MinLength(2)
  @MaxLength(10_000)
  question: string;

  @ApiProperty({ minLength: 2, maxLength: 10_000 })
  @IsString()
  @MinLength(2)
  @MaxLength(10_000)
  answer: string;
}

export class UpdateArticleDto {
  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsUUID()
  categoryId?: string | null;

  @ApiPropertyOptional({ minLength: 2, maxLength: 200 })
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ minLength: 2, maxLength: 10_000 })
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(10_000)
  question?: string;

  @ApiPropertyOptional({ minLength: 2, maxLength: 10_000 })
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(10_000)
  answer?: string;

  @ApiPropertyOptional({ enum: KnowledgeArticleStatus, description: 'Unpublish, or publish again.' })
  @IsOptional()
  @IsIn(Object.values(KnowledgeArticleStatus))
  status?: KnowledgeArticleStatus;
}

export class ListArticlesQuery {
  @ApiPropertyOptional({ maxLength: 10_000, description: 'Words to search for, ranked by the terms they share.' })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  q?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  allianceId?: string;

  @ApiPropertyOptional({ description: 'Officials: `all` lists unpublished articles too.', enum: ['published', 'all'] })
  @IsOptional()
  @IsIn(['published', 'all'])
  status?: 'published' | 'all';

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ description: 'The nextCursor of the previous page (lists without q).' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{1,200}$/)
  cursor?: string;
}

export class SimilarArticlesDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  allianceId?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ maxLength: 10_000 })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  description?: string;
}

export class KnowledgeArticleView {
  @ApiProperty() id: string;
  @ApiProperty() allianceId: string;
  @ApiPropertyOptional({ nullable: true }) allianceName: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'Officials and the serving department only.' })
  sourceRequestId: string | null;
  @ApiPropertyOptional({ nullable: true }) categoryId: string | null;
  @ApiPropertyOptional({ nullable: true }) categoryName: string | null;
  @ApiProperty() title: string;
  @ApiProperty() question: string;
  @ApiProperty() answer: string;
  @ApiProperty({ enum: KnowledgeArticleStatus }) status: KnowledgeArticleStatus;
  @ApiProperty() publishedAt: string;
  @ApiProperty() updatedAt: string;
  @ApiPropertyOptional({ nullable: true, description: 'How well it matches the search (ts_rank).' })
  score: number | null;
}

export class KnowledgeArticlePage {
  @ApiProperty({ type: [KnowledgeArticleView] }) items: KnowledgeArticleView[];
  @ApiProperty({ type: String, nullable: true, description: 'Null with `q`: a search answers its best `limit` only.' })
  nextCursor: string | null;
}

export class ArticleDraftView {
  @ApiProperty() sourceRequestId: string;
  @ApiProperty() allianceId: string;
  @ApiPropertyOptional({ nullable: true }) categoryId: string | null;
  @ApiProperty() title: string;
  @ApiProperty() question: string;
  @ApiProperty() answer: string;
  @ApiPropertyOptional({ nullable: true, description: 'The article already published from this request.' })
  articleId: string | null;
}
