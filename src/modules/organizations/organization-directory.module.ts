import { Module } from '@nestjs/common';
import { OrganizationDirectoryRepository } from './organization-directory.repository';
import { OrganizationDirectory } from './organization-directory.service';
import { OrganizationFigureChanges } from './organization-figure-changes.service';

/**
 * The organizations module's directory alone, with no controllers and no imports: any module (and
 * the worker) imports it to look organisations up; OrganizationsModule re-exports it.
 */
@Module({
  providers: [OrganizationDirectory, OrganizationDirectoryRepository, OrganizationFigureChanges],
  exports: [OrganizationDirectory, OrganizationFigureChanges],
})
export class OrganizationDirectoryModule {}
