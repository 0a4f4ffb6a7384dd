import { decideGraduateHiring, GraduateHiringFacts } from './graduate-hiring';
import { BusinessHiringFacts, decideBusinessHiring, decideFirstBusiness, FirstBusinessFacts } from './individual-business';
import { ParameterBook } from './parameters';
import { decidePublicServicePost, PublicServicePostFacts } from './public-service-post';
import { decideSoeRegister, SoeRegisterFacts } from './soe-register';
import { decideTrainee, TraineeFacts } from './trainee';
import { decideOrderTraining, decideTrainingToJob, OrderTrainingFacts, TrainingToJobFacts } from './training';
import { Decision, RuleCode } from './types';

/** Each rule's facts. */
export interface RuleFacts {
  G1: GraduateHiringFacts;
  I1: FirstBusinessFacts;
  I2: BusinessHiringFacts;
  T1: TrainingToJobFacts;
  T2: OrderTrainingFacts;
  P1: PublicServicePostFacts;
  J1: TraineeFacts;
  S1: SoeRegisterFacts;
}

export const RULES: { [R in RuleCode]: (facts: RuleFacts[R], book: ParameterBook) => Decision } = {
  G1: decideGraduateHiring,
  I1: decideFirstBusiness,
  I2: decideBusinessHiring,
  T1: decideTrainingToJob,
  T2: decideOrderTraining,
  P1: decidePublicServicePost,
  J1: decideTrainee,
  S1: decideSoeRegister,
};

/** Decides a claim under its rule. */
export function decide<R extends RuleCode>(rule: R, facts: RuleFacts[R], book: ParameterBook): Decision {
  return (RULES[rule] as (facts: RuleFacts[R], book: ParameterBook) => Decision)(facts, book);
}
