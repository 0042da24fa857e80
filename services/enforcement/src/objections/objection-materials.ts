import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';

/** Each item of the applicant's materials: received, or missing. */
export const MATERIAL_STATES = ['received', 'missing'] as const;
export type MaterialState = (typeof MATERIAL_STATES)[number];

/**
 * The materials the approver decides on (operating rules §6: 检验结果通知书回执、书面复检申请书、
 * 复检申请人的主体资格证明、授权委托书、被授权人身份证明), in the order the rules name them.
 */
export const MATERIAL_ITEMS = [
  'noticeReceipt',
  'writtenApplication',
  'proofOfStanding',
  'powerOfAttorney',
  'authorisedPersonId',
] as const;
export type MaterialItem = (typeof MATERIAL_ITEMS)[number];

/** The items' names as the rules and the checklist print them. */
export const MATERIAL_LABELS: Readonly<Record<MaterialItem, string>> = {
  noticeReceipt: '检验结果通知书回执',
  writtenApplication: '书面复检申请书',
  proofOfStanding: '复检申请人的主体资格证明',
  powerOfAttorney: '授权委托书',
  authorisedPersonId: '被授权人身份证明',
};

/** Only an application filed through an agent (被授权人) needs the power of attorney and the agent's ID. */
const AGENT_ITEMS: readonly MaterialItem[] = ['powerOfAttorney', 'authorisedPersonId'];

/** Whether the approver needs `item` before approving a re-inspection. */
export const materialRequired = (item: MaterialItem, filedByAgent: boolean): boolean =>
  filedByAgent || !AGENT_ITEMS.includes(item);

/** One item of the checklist as recorded: its state, when it was received, who recorded it and when. */
export interface MaterialRecord {
  state: MaterialState;
  /** When the bureau received it (ISO-8601 UTC); null while missing. */
  receivedAt: string | null;
  recordedBy: string;
  recordedAt: string;
}

export type MaterialsChecklist = Record<MaterialItem, MaterialRecord>;

/** The required items still missing, in the rules' order. */
export const missingMaterials = (checklist: MaterialsChecklist, filedByAgent: boolean): MaterialItem[] =>
  MATERIAL_ITEMS.filter(
    (item) => materialRequired(item, filedByAgent) && checklist[item].state !== 'received',
  );

/** The applicant's materials as registered with the application, each received or missing. */
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

  @ApiProperty({
    enum: MATERIAL_STATES,
    description: 'power of attorney (授权委托书); required only when an agent files (agentName)',
  })
  @IsIn([...MATERIAL_STATES])
  powerOfAttorney!: MaterialState;

  @ApiProperty({
    enum: MATERIAL_STATES,
    description:
      'ID of the authorised person (被授权人身份证明); required only when an agent files (agentName)',
  })
  @IsIn([...MATERIAL_STATES])
  authorisedPersonId!: MaterialState;
}
