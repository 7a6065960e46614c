import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsEnum,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { NamedRef, PersonRef } from '../../../platform/http/references.view';
import { PageQueryDto } from '../../../platform/pagination/page.dto';
import { ActionItemView } from '../../action-items/dto/action-item.dto';
import { ExpertAvailability } from '../entities/expert.entity';
import { BlindMode, ReportStatus } from '../entities/research-report.entity';
import { AssignmentStatus } from '../entities/review-assignment-status';
import { EditorDecision } from '../entities/review-round.entity';

export class CreateReportDto {
  @IsUUID()
  allianceId: string;

  @IsString()
  @MinLength(2)
  @MaxLength(300)
  title: string;

  @IsString()
  @MinLength(10)
  @MaxLength(10000)
  abstract: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  topics?: string[];

  /** Co-authors besides the submitter, users of the tenant, in byline order. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  coAuthorIds?: string[];

  /** The organisations the report is about. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  subjectOrganizationIds?: string[];

  @IsOptional()
  @IsEnum(BlindMode)
  blindMode?: BlindMode;
}

export class UpdateReportDto {
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(300)
  title?: string;

  @IsOptional()
  @IsString()
  @MinLength(10)
  @MaxLength(10000)
  abstract?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  topics?: string[];
}

export class ListReportsQuery extends PageQueryDto {
  @IsOptional()
  @IsEnum(ReportStatus)
  status?: ReportStatus;

  @IsOptional()
  @IsIn(['authored', 'all'])
  scope?: 'authored' | 'all';
}

export class AuthorView {
  id: string;
  displayName: string;
  organization: NamedRef | null;
}

export class VersionView {
  id: string;
  number: number;
  fileName: string;
  contentType: string;
  size: number;
  response: string | null;
  createdAt: Date;
}

export class CriterionView {
  key: string;
  label: string;
  description: string | null;
  maxScore: number;
}

/** A review as the viewer may see it; the fields the viewer may not see are null. */
export class ReviewView {
  assignmentId: string | null;
  /** "Reviewer N"; the only name authors and other reviewers get. */
  ordinal: number;
  /** The reviewer's identity: for the editor, and for the reviewer's own review. */
  reviewer: PersonRef | null;
  status: AssignmentStatus;
  respondBy: Date | null;
  dueAt: Date | null;
  submittedAt: Date | null;
  scores: Record<string, number> | null;
  recommendation: EditorDecision | null;
  commentsToAuthors: string | null;
  confidentialComments: string | null;
}

export class ReviewRoundView {
  number: number;
  versionNumber: number;
  rubric: CriterionView[];
  decision: EditorDecision | null;
  decisionLetter: string | null;
  decidedAt: Date | null;
  reviews: ReviewView[];
}

export class RecommendationSummary {
  total: number;
  done: number;
}

export class ReportView {
  id: string;
  allianceId: string;
  title: string;
  abstract: string;
  topics: string[];
  subjectOrganizations: NamedRef[];
  blindMode: BlindMode;
  status: ReportStatus;
  currentRound: number;
  /** Null when the viewer may not know who wrote it (a reviewer under double-blind review). */
  authors: AuthorView[] | null;
  /** How the viewer stands to the report; decides what the view holds. */
  viewerRole: 'editor' | 'author' | 'reviewer' | 'reader';
  versions: VersionView[];
  rounds: ReviewRoundView[];
  recommendations: RecommendationSummary;
  publishedAt: Date | null;
  createdAt: Date;
}

export class ReportSummary {
  id: string;
  title: string;
  topics: string[];
  status: ReportStatus;
  blindMode: BlindMode;
  currentRound: number;
  authors: AuthorView[] | null;
  publishedAt: Date | null;
  createdAt: Date;
}

export class ReportPage {
  items: ReportSummary[];
  nextCursor: string | null;
}

export class AssignReviewersDto {
  /** Experts to invite; leave out with `sameAsPreviousRound` to go back to the last round's reviewers. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsUUID('all', { each: true })
  expertIds?: string[];

  @IsOptional()
  @IsBoolean()
  sameAsPreviousRound?: boolean;

  @IsDateString({ strict: true })
  respondBy: string;

  @IsDateString({ strict: true })
  dueAt: string;
}

export class DecisionDto {
  @IsEnum(EditorDecision)
  decision: EditorDecision;

  @IsString()
  @MinLength(10)
  @MaxLength(20000)
  letter: string;
}

export class CandidateConflict {
  /** authorOfReport, affiliatedWithAuthor, affiliatedWithSubject, declaredOrganization, declaredPerson */
  rule: string;
  /** The organisation or person the conflict is with, for the editor. */
  with: string;
}

export class ReviewerCandidate {
  expertId: string;
  displayName: string;
  fields: string[];
  availability: ExpertAvailability;
  openReviews: number;
  conflicts: CandidateConflict[];
}

export class ReviewerCandidateList {
  items: ReviewerCandidate[];
  nextCursor: string | null;
}

export class RecommendationDto {
  @IsString()
  @MinLength(2)
  @MaxLength(300)
  title: string;

  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @IsUUID()
  ownerOrganizationId: string;

  @IsDateString({ strict: true })
  dueOn: string;
}

/** A report's recommendations, the action items made of it. */
export class RecommendationPage {
  items: ActionItemView[];
  nextCursor: string | null;
}
