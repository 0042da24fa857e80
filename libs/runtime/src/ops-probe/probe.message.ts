import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, IsNotEmpty, IsString, IsUUID } from 'class-validator';

export class ProbeMessage {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  probeId!: string;

  @ApiProperty({ example: 'planning' })
  @IsString()
  @IsNotEmpty()
  from!: string;

  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true })
  sentAt!: string;
}

export class ProbeReceiptView {
  @ApiProperty({ format: 'uuid' })
  probeId!: string;

  @ApiProperty({ description: 'the service that sent the probe' })
  from!: string;

  @ApiProperty({ description: 'the service that received it (this one)' })
  receivedBy!: string;

  @ApiProperty({ format: 'date-time' })
  sentAt!: string;

  @ApiProperty({ format: 'date-time' })
  receivedAt!: string;
}
