import { Command, CommandRunner } from 'nest-commander';
import { DemoDataLoader } from '@app/demo-setup';

@Command({ name: 'demo:load', description: 'Load the demo data set and the five demo accounts into an empty database' })
export class LoadDemoCommand extends CommandRunner {
  constructor(private readonly loader: DemoDataLoader) {
    super();
  }

  async run(): Promise<void> {
    const report = await this.loader.loadIfEmpty();
    console.log(report.loaded ? `loaded: ${JSON.stringify(report.counts)}` : 'the database already holds data; nothing loaded');
  }
}
