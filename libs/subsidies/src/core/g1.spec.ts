import { G1_CASES, runCases } from '@app/subsidies/testing';

describe('G1 graduate hiring reward: case file', () => runCases('G1', G1_CASES));
