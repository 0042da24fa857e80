import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** A registered platform, and how it connects; the password only in the answer that issued it. */
export class FeedPlatformView {
  @ApiProperty({ example: 'taobao' })
  code!: string;

  @ApiProperty({ example: '淘宝' })
  name!: string;

  @ApiProperty({ description: 'SASL/SCRAM-SHA-256 user name', example: 'platform.taobao' })
  username!: string;

  @ApiPropertyOptional({
    description: 'the new password: shown once, never stored by QIS (the broker keeps a salted hash)',
  })
  password?: string;

  @ApiProperty({ example: '127.0.0.1:19094' })
  bootstrapServers!: string;

  @ApiProperty({ example: 'SASL_PLAINTEXT' })
  securityProtocol!: string;

  @ApiProperty({ example: 'SCRAM-SHA-256' })
  saslMechanism!: string;

  @ApiProperty({ description: 'read-only for the platform', example: 'feed.taobao.results.v1' })
  resultsTopic!: string;

  @ApiProperty({ description: 'write-only for the platform', example: 'feed.taobao.takedowns.v1' })
  takedownsTopic!: string;

  @ApiProperty({
    description: "the platform's consumer groups must start with this",
    example: 'feed.taobao.',
  })
  consumerGroupPrefix!: string;

  @ApiProperty()
  registeredAt!: string;

  @ApiProperty()
  credentialIssuedAt!: string;
}
