import { T1_CASES, T2_CASES } from '@app/subsidies/testing';
import { runCases } from '../testing/run-cases';

describe('T1 training to job: case file', () => runCases('T1', T1_CASES));
describe('T2 order-based training: case file', () => runCases('T2', T2_CASES));
