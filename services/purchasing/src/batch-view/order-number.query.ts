import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Length } from 'class-validator';

/** An order number as the buyer recorded it (订单编号), to find its batch. */
export class OrderNumberQuery {
  @ApiProperty({ description: 'the order number on the platform, exactly', example: '3988123456789012345' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(1, 64)
  orderNumber!: string;
}
