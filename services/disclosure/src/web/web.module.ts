import { Module } from '@nestjs/common';
import { PublicPageController } from './public-page.controller';

/** The public web page; its data comes from the anonymous JSON API of the other modules. */
@Module({ controllers: [PublicPageController] })
export class WebModule {}
