import { Module } from '@nestjs/common';
import { IntakeTextModule } from '../intake/intake-text.module';
import { KnowledgeBaseController } from './knowledge-base.controller';
import { KnowledgeBaseRepository } from './knowledge-base.repository';
import { KnowledgeBaseService } from './knowledge-base.service';

/** The knowledge base (政策问答库): resolved requests' questions and answers for the alliance's members. */
@Module({
  imports: [IntakeTextModule],
  controllers: [KnowledgeBaseController],
  providers: [KnowledgeBaseService, KnowledgeBaseRepository],
})
export class KnowledgeBaseModule {}
