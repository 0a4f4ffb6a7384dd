import { I1_CASES, I2_CASES } from '@app/subsidies/testing';
import { runCases } from '../testing/run-cases';

describe('I1 first individual business: case file', () => runCases('I1', I1_CASES));
describe('I2 individual business employing 3 or more: case file', () => runCases('I2', I2_CASES));
