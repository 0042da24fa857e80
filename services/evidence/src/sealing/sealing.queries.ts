import { Injectable } from '@nestjs/common';
import { notFound } from '@qis/auth';
import { DataSource } from 'typeorm';
import { UnpackingSession } from '../unpacking/unpacking-session.entity';
import { Sealing } from './sealing.entity';

/** Reads of sealed samples for the sealing routes. */
@Injectable()
export class SealingQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** The sample's sealing and the unpacking it came from; 404 for an unknown sample code. */
  async sealedSample(sampleCode: string): Promise<{ sealing: Sealing; session: UnpackingSession }> {
    const sealing = await this.dataSource.manager.findOneBy(Sealing, { sampleCode });
    if (!sealing) throw notFound('sample', sampleCode);
    const session = await this.dataSource.manager.findOneByOrFail(UnpackingSession, {
      id: sealing.sessionId,
    });
    return { sealing, session };
  }
}
