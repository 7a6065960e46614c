import { Module } from '@nestjs/common';
import { PublicShowcaseController } from './public-showcase.controller';
import { TypicalCasesController } from './typical-cases.controller';
import { PublicShowcaseService, TypicalCasesService } from './typical-cases.service';

@Module({
  controllers: [TypicalCasesController, PublicShowcaseController],
  providers: [TypicalCasesService, PublicShowcaseService],
})
export class TypicalCasesModule {}
