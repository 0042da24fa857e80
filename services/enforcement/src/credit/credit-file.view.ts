import { ApiProperty } from '@nestjs/swagger';
import { CreditEntryView } from './credit-entry.view';

/** A credit file (信用档案): every entry and the counts a reader needs first. */
export class CreditFileView {
  @ApiProperty() unifiedSocialCreditCode!: string;
  @ApiProperty() failures!: number;
  @ApiProperty() penalties!: number;
  @ApiProperty({ description: 'targeted follow-up samplings that passed' }) followUpsPassed!: number;
  @ApiProperty({ description: 'targeted follow-up samplings that failed again' }) followUpsFailed!: number;
  @ApiProperty({ type: CreditEntryView, isArray: true }) entries!: CreditEntryView[];
}
