import { IsOptional } from 'class-validator';
import { Describe, IsDocumentCode, IsOneOf, IsUtcTimestamp } from '../conventions/decorators';
import {
  NOTICE_CHANNELS,
  NOTICE_RECIPIENTS,
  type NoticeChannel,
  type NoticeRecipient,
} from '../conventions/vocabulary';

/** One result notice sent (抽检结果通知书): to whom, how, when. */
export class NoticeDelivery {
  @IsOneOf(NOTICE_RECIPIENTS)
  recipient!: NoticeRecipient;

  @IsOneOf(NOTICE_CHANNELS)
  channel!: NoticeChannel;

  @IsDocumentCode()
  @Describe('notice number')
  noticeNumber!: string;

  @IsUtcTimestamp()
  sentAt!: string;

  @IsOptional()
  @IsUtcTimestamp()
  @Describe(
    'when the recipient received it (or the public notice was published): the objection clock starts here',
  )
  receivedAt?: string;
}
