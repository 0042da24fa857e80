import { ApiProperty } from '@nestjs/swagger';

/** The batch's buyer as the unpacking names them: by pseudonym only. */
export class BatchBuyerView {
  @ApiProperty({ example: 'HZ2026-000123' }) batchNumber!: string;
  @ApiProperty({ example: 'U-3F2A9C0D11E4B7A2', description: "the buyer's pseudonym, never a name" })
  pseudonym!: string;
}
