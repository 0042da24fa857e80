import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';

/** Each item of the applicant's materials: received, or missing. */
export const MATERIAL_STATES = ['received', 'missing'] as const;
export type MaterialState = (typeof MATERIAL_STATES)[number];

/**
 * The materials the approver decides on (operating rules §6: 检验结果通知书回执、书面复检申请书、
 * 复检申请人的主体资格证明、授权委托书、被授权人身份证明), each recorded as received or missing.
 */
export class ObjectionMaterials {
  @ApiProperty({ enum: MATERIAL_STATES, description: 'the result notice receipt (检验结果通知书回执)' })
  @IsIn([...MATERIAL_STATES])
  noticeReceipt!: MaterialState;

  @ApiProperty({ enum: MATERIAL_STATES, description: 'the written application (书面复检申请书)' })
  @IsIn([...MATERIAL_STATES])
  writtenApplication!: MaterialState;

  @ApiProperty({ enum: MATERIAL_STATES, description: "proof of the applicant's standing (主体资格证明)" })
  @IsIn([...MATERIAL_STATES])
  proofOfStanding!: MaterialState;

  @ApiProperty({ enum: MATERIAL_STATES, description: 'power of attorney (授权委托书)' })
  @IsIn([...MATERIAL_STATES])
  powerOfAttorney!: MaterialState;

  @ApiProperty({ enum: MATERIAL_STATES, description: 'ID of the authorised person (被授权人身份证明)' })
  @IsIn([...MATERIAL_STATES])
  authorisedPersonId!: MaterialState;
}
