import { IsEnum, IsObject, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { AuthorView, CriterionView, ReviewView } from './report.dto';
import { BlindMode } from '../entities/research-report.entity';
import { AssignmentStatus } from '../entities/review-assignment-status';
import { EditorDecision } from '../entities/review-round.entity';

export class DeclineDto {
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

/** A draft of the review; everything optional until submitted. */
export class ReviewDraftDto {
  /** Criterion key to score, within the rubric's range. */
  @IsOptional()
  @IsObject()
  scores?: Record<string, number>;

  @IsOptional()
  @IsEnum(EditorDecision)
  recommendation?: EditorDecision;

  @IsOptional()
  @IsString()
  @MaxLength(20000)
  commentsToAuthors?: string;

  @IsOptional()
  @IsString()
  @MaxLength(20000)
  confidentialComments?: string;
}

export class SubmitReviewDto extends ReviewDraftDto {
  @IsObject()
  declare scores: Record<string, number>;

  @IsEnum(EditorDecision)
  declare recommendation: EditorDecision;

  @IsString()
  @MinLength(10)
  @MaxLength(20000)
  declare commentsToAuthors: string;
}

/** A reviewer's assignment with the report as the reviewer may see it. */
export class AssignmentView {
  id: string;
  status: AssignmentStatus;
  ordinal: number;
  round: number;
  respondBy: Date;
  dueAt: Date;
  invitedAt: Date;
  report: {
    id: string;
    title: string;
    abstract: string;
    topics: string[];
    blindMode: BlindMode;
    /** Null under double-blind review. */
    authors: AuthorView[] | null;
    versionId: string;
    versionNumber: number;
    response: string | null;
  };
  rubric: CriterionView[];
  mine: ReviewView;
  /** The other reviews of the round: empty until this review is submitted. */
  others: ReviewView[];
}

export class AssignmentPage {
  items: AssignmentView[];
  nextCursor: string | null;
}
