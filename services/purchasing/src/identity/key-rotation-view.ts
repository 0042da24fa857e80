import { ApiProperty } from '@nestjs/swagger';

export class KeyRotationView {
  @ApiProperty({ description: 'the key every value is now sealed with' })
  activeKeyId!: string;

  @ApiProperty({ description: 'values re-encrypted by this run' })
  reencrypted!: number;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'object', additionalProperties: { type: 'integer' } },
    description: 'values per key id after the run, per column',
    example: { 'buyer.real_name_enc': { k2: 12 } },
  })
  keysInUse!: Record<string, Record<string, number>>;

  @ApiProperty({
    description:
      'values still sealed in the v1 envelope (bound to their field only, not their row); a rotation re-encrypts them',
    example: 0,
  })
  unboundValues!: number;
}
