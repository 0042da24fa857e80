import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

/** What the proposing officer writes; the product, producer and failing items come from the batch. */
export class ProposeRiskWarningCommand {
  @ApiPropertyOptional({
    description: 'title of the warning; by default 关于<brand>牌<sample name>的消费风险警示',
    example: '关于示例牌桑蚕丝被的消费风险警示',
  })
  @IsOptional()
  @IsString()
  @MinLength(4)
  @MaxLength(300)
  title?: string;

  @ApiProperty({
    description: 'the risk, in plain Chinese (风险提示)',
    example: '标称100%桑蚕丝，实测蚕丝含量不足，保暖性和透气性达不到宣称水平。',
  })
  @IsString()
  @MinLength(10, { message: 'risk must describe the risk in at least 10 characters' })
  @MaxLength(2000)
  risk!: string;

  @ApiProperty({
    description: 'advice to consumers (消费提示)',
    example: '购买蚕丝被时请查看标签和合格证，保留购物凭证；已购买的消费者可要求经营者退换。',
  })
  @IsString()
  @MinLength(10, { message: 'advice must give consumers advice in at least 10 characters' })
  @MaxLength(2000)
  advice!: string;
}
