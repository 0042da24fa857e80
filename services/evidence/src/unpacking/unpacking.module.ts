import { Module } from '@nestjs/common';
import { OpenSessionUseCase } from './open-session.usecase';
import { UnpackingController } from './unpacking.controller';

@Module({ controllers: [UnpackingController], providers: [OpenSessionUseCase] })
export class UnpackingModule {}
