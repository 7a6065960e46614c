import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

export class SuggestIntakeDto {
  @ApiPropertyOptional({ description: 'The alliance whose catalogue the categories are named from.' })
  @IsOptional()
  @IsUUID()
  allianceId?: string;

  @ApiPropertyOptional({
    description:
      "The enterprise the request is for, when an official or a department files it (an enterprise's own contact is taken from the session).",
  })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

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

export class CategorySuggestion {
  @ApiProperty({ description: 'The catalogue code, e.g. project_application.' })
  code: string;

  @ApiPropertyOptional({
    nullable: true,
    description: "The alliance's category of that code, when an alliance was given.",
  })
  categoryId: string | null;

  @ApiPropertyOptional({ nullable: true })
  name: string | null;

  @ApiProperty({ minimum: 0, maximum: 1 })
  probability: number;
}

export class DepartmentSuggestion {
  @ApiProperty()
  organizationId: string;

  @ApiPropertyOptional({ nullable: true })
  name: string | null;

  @ApiProperty({ minimum: 0, maximum: 1 })
  probability: number;
}

export class CategorySuggestions {
  @ApiProperty({ type: [CategorySuggestion], description: 'Up to three, most likely first.' })
  suggestions: CategorySuggestion[];

  @ApiPropertyOptional({ nullable: true, description: 'The code to preselect: only when the model is confident.' })
  preselect: string | null;
}

export class DepartmentSuggestions {
  @ApiProperty({ type: [DepartmentSuggestion], description: 'Up to three, most likely first.' })
  suggestions: DepartmentSuggestion[];

  @ApiPropertyOptional({ nullable: true })
  preselect: string | null;
}

export class IntakeSuggestionsView {
  @ApiPropertyOptional({ nullable: true, description: 'When the model that suggested was trained; null: none yet.' })
  modelTrainedAt: string | null;

  @ApiProperty({ type: [String], description: 'The words that weighed most for the first category.' })
  reasons: string[];

  @ApiProperty({ type: CategorySuggestions })
  categories: CategorySuggestions;

  @ApiProperty({ type: DepartmentSuggestions })
  departments: DepartmentSuggestions;
}

export class HeadFiguresView {
  @ApiProperty() top1: number;
  @ApiProperty() top3: number;
  @ApiProperty({ description: 'Always the most frequent label.' }) baselineTop1: number;
  @ApiProperty() baselineTop3: number;
  @ApiProperty() labels: number;
}

export class EvaluationView {
  @ApiProperty() trained: number;
  @ApiProperty() heldOut: number;
  @ApiProperty({ type: HeadFiguresView }) category: HeadFiguresView;
  @ApiProperty({ type: HeadFiguresView }) department: HeadFiguresView;
}

export class IntakeTrainingView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['queued', 'running', 'ready', 'failed'] }) status: string;
  @ApiProperty({ minimum: 0, maximum: 100 }) progress: number;
  @ApiPropertyOptional({ nullable: true }) trainedAt: string | null;
  @ApiProperty() sampleCount: number;
  @ApiPropertyOptional({ type: EvaluationView, nullable: true }) accuracy: EvaluationView | null;
  @ApiPropertyOptional({
    nullable: true,
    description: 'Why it failed: not_enough_history, training_failed, abandoned.',
  })
  error: string | null;
  @ApiProperty() createdAt: string;
}

export class IntakeModelStatusView {
  @ApiPropertyOptional({
    type: IntakeTrainingView,
    nullable: true,
    description: 'The model in use: the newest ready one.',
  })
  current: IntakeTrainingView | null;

  @ApiPropertyOptional({
    type: IntakeTrainingView,
    nullable: true,
    description: 'The newest training, whatever its state.',
  })
  latest: IntakeTrainingView | null;
}
