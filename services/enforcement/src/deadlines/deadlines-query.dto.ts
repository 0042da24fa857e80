import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

/** `soon`: what the home queue shows (the desk's horizons); `all`: every open deadline. */
export class DeadlinesQuery {
  @ApiPropertyOptional({
    enum: ['soon', 'all'],
    default: 'all',
    description:
      'soon: result notices due within 5 working days, objection windows closing within 5, re-inspection procedures due within 7, overdue cases — and anything overdue',
  })
  @IsOptional()
  @IsIn(['soon', 'all'])
  due?: 'soon' | 'all';
}
