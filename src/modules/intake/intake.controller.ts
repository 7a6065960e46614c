import { Body, Controller, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../platform/auth/access.decorators';
import { Role } from '../../platform/auth/entities/role';
import { IntakeModelStatusView, IntakeSuggestionsView, IntakeTrainingView, SuggestIntakeDto } from './dto/intake.dto';
import { IdParam } from '../../platform/http/id-param.decorator';
import { SimilarRequestsView } from './dto/similar-request.dto';
import { IntakeService } from './intake.service';
import { SimilarRequests } from './similar-requests.service';

@ApiTags('smart intake')
@ApiBearerAuth()
@Controller('intake')
export class IntakeController {
  constructor(
    private readonly intake: IntakeService,
    private readonly similar: SimilarRequests,
  ) {}

  @Roles(Role.EnterpriseContact, Role.DepartmentStaff, Role.TownshipAdmin)
  @ApiOperation({
    summary: 'Suggest categories and departments for a request being written',
    description:
      "The township's model (trained on its own resolved requests) ranks the top three categories and serving departments; `preselect` is set only when the first passes the threshold measured on held-out requests.",
  })
  @Post('suggestions')
  @HttpCode(HttpStatus.OK)
  suggest(@Body() body: SuggestIntakeDto): Promise<IntakeSuggestionsView> {
    return this.intake.suggest(body);
  }

  @Roles(Role.DepartmentStaff, Role.TownshipAdmin)
  @ApiOperation({
    summary: 'Resolved requests similar to a request, with their resolutions',
    description:
      "Up to five of the township's resolved requests that share the most segmented terms with this one, for its handler: the department it is assigned to, or an official.",
  })
  @Get('similar-requests/:id')
  async similarRequests(@IdParam() id: string): Promise<SimilarRequestsView> {
    return { requests: await this.similar.forRequest(id) };
  }

  @Roles(Role.TownshipAdmin)
  @ApiOperation({
    summary: "The township's intake model: when it was trained and its measured accuracy",
    description: 'The model in use and the newest training (with its progress while it runs).',
  })
  @Get('model')
  status(): Promise<IntakeModelStatusView> {
    return this.intake.status();
  }

  @Roles(Role.TownshipAdmin)
  @ApiOperation({
    summary: 'Retrain the intake model now',
    description: 'Queues a training in the worker; while one is queued or running, answers that one.',
  })
  @Post('model/trainings')
  @HttpCode(HttpStatus.ACCEPTED)
  retrain(): Promise<IntakeTrainingView> {
    return this.intake.retrain();
  }
}
