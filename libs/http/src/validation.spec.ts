import { IsInt, IsString, Max, validate } from 'class-validator';
import { keepRuleLookups } from './validation';

describe('keepRuleLookups', () => {
  class Person {
    @IsString() name: unknown;
  }

  beforeAll(() => keepRuleLookups());

  it('answers as class-validator does, inherited rules included, also for a class defined after a lookup and a rule added later', async () => {
    const failed = async (value: object) => (await validate(value)).map((error) => error.property).sort();
    expect(await failed(Object.assign(new Person(), { name: 1 }))).toEqual(['name']);
    expect(await failed(Object.assign(new Person(), { name: 'a' }))).toEqual([]);

    class Worker extends Person {
      @IsInt() years: unknown;
    }
    expect(await failed(Object.assign(new Worker(), { name: 1, years: 'x' }))).toEqual(['name', 'years']);
    expect(await failed(Object.assign(new Worker(), { name: 'a', years: 30 }))).toEqual([]);

    Max(20)(Worker.prototype, 'years');
    expect(await failed(Object.assign(new Worker(), { name: 'a', years: 30 }))).toEqual(['years']);
  });
});
