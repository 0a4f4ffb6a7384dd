import { decideSoeRegister } from '@app/subsidies';
import { J1_CASES, P1_CASES, S1_BASE, S1_CASES, TEST_PARAMETERS } from '@app/subsidies/testing';
import { runCases } from '../testing/run-cases';

describe('P1 public-service posts: case file', () => runCases('P1', P1_CASES));
describe('J1 traineeship subsidy: case file', () => runCases('J1', J1_CASES));
describe('S1 SOE graduate-hire register: case file', () => {
  runCases('S1', S1_CASES);

  it('reports the quarter and whether the graduate left school in the year of the hire', () => {
    expect(decideSoeRegister(S1_BASE, TEST_PARAMETERS)).toMatchObject({ quarter: '2026-Q2', freshGraduate: false, payee: 'none' });
    expect(decideSoeRegister({ ...S1_BASE, graduate: { higherEducation: true, graduationDate: '2026-06-30' } }, TEST_PARAMETERS)).toMatchObject({ freshGraduate: true });
  });
});
