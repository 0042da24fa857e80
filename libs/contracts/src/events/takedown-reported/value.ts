import { IsPlatformCode } from '../../conventions/decorators';
import { PlatformTakedownReportValue } from '../../feeds/platform-takedown-report';

/**
 * A platform's report on the listing of a failed batch (下架反馈); enforcement attaches it to the
 * case. It is what the platform wrote to its own takedown topic, with the platform of that topic.
 */
export class TakedownReportedValue extends PlatformTakedownReportValue {
  @IsPlatformCode()
  platform!: string;
}
