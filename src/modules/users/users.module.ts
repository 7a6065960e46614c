import { Module } from '@nestjs/common';
import { AuthModule } from '../../platform/auth/auth.module';
import { AlliancesModule } from '../alliances/alliances.module';
import { OrganizationsModule } from '../organizations/organizations.module';
import { PeopleDirectoryModule } from './people-directory.module';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

@Module({
  imports: [AuthModule, OrganizationsModule, AlliancesModule, PeopleDirectoryModule],
  controllers: [UsersController],
  providers: [UsersService, UsersRepository],
  exports: [UsersService, PeopleDirectoryModule],
})
export class UsersModule {}
