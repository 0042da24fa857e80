import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LabScopeDto } from './lab-scope.dto';
import type { Lab } from './lab.entity';

export class LabView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  address!: string;

  @ApiProperty()
  cmaNumber!: string;

  @ApiProperty({ example: '2028-06-30' })
  cmaExpiresOn!: string;

  @ApiPropertyOptional()
  cnasNumber?: string;

  @ApiPropertyOptional()
  cnasExpiresOn?: string;

  @ApiProperty()
  qualificationLevel!: number;

  @ApiProperty({ type: [LabScopeDto] })
  scopes!: LabScopeDto[];

  @ApiProperty()
  capacity!: number;

  @ApiProperty()
  turnaroundWorkingDays!: number;

  @ApiProperty()
  active!: boolean;

  @ApiProperty({ description: "an integrator's sandbox lab: never drawn for real samples" })
  sandbox!: boolean;

  static of(lab: Lab): LabView {
    return {
      id: lab.id,
      name: lab.name,
      address: lab.address,
      cmaNumber: lab.cmaNumber,
      cmaExpiresOn: lab.cmaExpiresOn,
      ...(lab.cnasNumber ? { cnasNumber: lab.cnasNumber } : {}),
      ...(lab.cnasExpiresOn ? { cnasExpiresOn: lab.cnasExpiresOn } : {}),
      qualificationLevel: lab.qualificationLevel,
      scopes: lab.scopes,
      capacity: lab.capacity,
      turnaroundWorkingDays: lab.turnaroundWorkingDays,
      active: lab.active,
      sandbox: lab.sandbox,
    };
  }
}
