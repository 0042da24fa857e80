import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class RecordShipmentCommand {
  @ApiProperty({ example: '中通快递' })
  @IsString()
  @MinLength(1)
  @MaxLength(60)
  carrier!: string;

  @ApiProperty({ example: '78312345678901' })
  @IsString()
  @MinLength(1)
  @MaxLength(60)
  trackingNumber!: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'defaults to now' })
  @IsOptional()
  @IsISO8601({ strict: true })
  shippedAt?: string;
}
