import { Module } from '@nestjs/common';
import { DemoDataLoader } from './demo-data.loader';

@Module({ providers: [DemoDataLoader], exports: [DemoDataLoader] })
export class DemoDataModule {}
