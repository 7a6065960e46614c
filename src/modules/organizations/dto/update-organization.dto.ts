import { OmitType, PartialType } from '@nestjs/swagger';
import { CreateOrganizationDto } from './create-organization.dto';

/** The kind of an organisation is fixed once created. */
export class UpdateOrganizationDto extends PartialType(OmitType(CreateOrganizationDto, ['kind'] as const)) {}
