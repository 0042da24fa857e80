import { ApiProperty } from '@nestjs/swagger';
import type { Reseal } from './sample-custody.usecase';
import { SealingView } from './sealing.view';

/** The sealing after a re-seal, with the evidence object of its signed record (复检封样记录). */
export class ResealView extends SealingView {
  @ApiProperty({
    description:
      'evidence object (kind signed-work-order, file 复检封样记录.pdf) of the re-sealing record PDF',
  })
  resealRecordObjectId!: string;

  static ofReseal(r: Reseal): ResealView {
    return { ...SealingView.of(r.sealing), resealRecordObjectId: r.recordObjectId };
  }
}
