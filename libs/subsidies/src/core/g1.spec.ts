import { G1_CASES } from '@app/subsidies/testing';
import { runCases } from '../testing/run-cases';

describe('G1 graduate hiring reward: case file', () => runCases('G1', G1_CASES));
