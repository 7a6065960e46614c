import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../../platform/auth/access.decorators';
import { Role } from '../../../platform/auth/entities/role';
import { LibraryPage, LibraryQuery, LibraryTopics } from '../dto/library.dto';
import { LibraryService } from './library.service';

/** The library of published reports (成果库), open to everyone in the township. */
@ApiTags('think-tank')
@ApiBearerAuth()
@Controller('think-tank/library')
export class LibraryController {
  constructor(private readonly library: LibraryService) {}

  @Roles(Role.TownshipAdmin, Role.DepartmentStaff, Role.EnterpriseContact, Role.Expert)
  @ApiOperation({ summary: 'Search the report library' })
  @Get()
  search(@Query() query: LibraryQuery): Promise<LibraryPage> {
    return this.library.search(query);
  }

  @Roles(Role.TownshipAdmin, Role.DepartmentStaff, Role.EnterpriseContact, Role.Expert)
  @ApiOperation({ summary: 'Library topics' })
  @Get('topics')
  topics(): Promise<LibraryTopics> {
    return this.library.topics();
  }
}
