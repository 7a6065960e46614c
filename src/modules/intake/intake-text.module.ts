import { Module } from '@nestjs/common';
import { TextTerms } from './text-terms.service';

/** The intake segmenter for other modules (the knowledge base's search), in the API and the worker. */
@Module({ providers: [TextTerms], exports: [TextTerms] })
export class IntakeTextModule {}
