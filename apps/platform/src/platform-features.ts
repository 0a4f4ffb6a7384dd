import { DemandApiModule } from '../../demand-api/src/demand-api.module';
import { MatcherModule } from '../../matcher/src/matcher.module';
import { SeekerApiModule } from '../../seeker-api/src/seeker-api.module';

/** The services that serve HTTP. */
export const HTTP_FEATURES = [DemandApiModule, SeekerApiModule];

/** Everything `npm start` runs in one process. */
export const PLATFORM_FEATURES = [...HTTP_FEATURES, MatcherModule];
