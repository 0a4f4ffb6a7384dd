import { Command, CommandRunner } from 'nest-commander';
import { PostingRescreenService } from '@app/employer-demand';

/** The startup check, by hand: a rule-set version not adopted yet queues a new screen of the published postings. */
@Command({
  name: 'screen:rescreen',
  description: 'Compare the posting-screen rule-set version with the last adopted one; on a change, queue a new screen of the published postings (the matcher does it)',
})
export class RescreenPostingsCommand extends CommandRunner {
  constructor(private readonly rescreen: PostingRescreenService) {
    super();
  }

  async run(): Promise<void> {
    const check = await this.rescreen.adoptCurrentRuleSet();
    console.log(
      check.rescreenRequested
        ? `rule set ${check.current} adopted (was ${check.previous ?? 'none'}): published postings queued for a new screen`
        : `rule set ${check.current} already adopted: nothing to do`,
    );
  }
}
