import { Module } from '@nestjs/common';
import { PeopleDirectoryRepository } from './people-directory.repository';
import { PeopleDirectory } from './people-directory.service';

/**
 * The users module's directory alone, with no controllers and no imports: any module (and the
 * worker) imports it to look people up; UsersModule re-exports it.
 */
@Module({
  providers: [PeopleDirectory, PeopleDirectoryRepository],
  exports: [PeopleDirectory],
})
export class PeopleDirectoryModule {}
