import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class SimilarRequestView {
  @ApiProperty() id: string;
  @ApiProperty({ description: 'FW-2026-000123' }) number: string;
  @ApiProperty() title: string;
  @ApiPropertyOptional({ nullable: true, description: 'The latest public resolution.' }) resolution: string | null;
  @ApiProperty() resolvedAt: string;
  @ApiProperty({ description: 'How much it shares with the request (ts_rank of the shared terms).' }) score: number;
}

/** The five closest, not a list to page through. */
export class SimilarRequestsView {
  @ApiProperty({ type: [SimilarRequestView] }) requests: SimilarRequestView[];
}
