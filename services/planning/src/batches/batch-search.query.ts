import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';

/** Find batches by batch number, seller (name or credit code) or listing URL. */
export class BatchSearchQuery {
  @ApiProperty({
    description:
      'a batch number (or its start), part of a seller name, a seller credit code or a listing URL',
    minLength: 2,
    maxLength: 300,
    example: '丝韵家纺',
  })
  @IsString()
  @Length(2, 300)
  q!: string;

  @ApiPropertyOptional({ type: 'integer', default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === undefined ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  @Max(100)
  limit = 20;
}
