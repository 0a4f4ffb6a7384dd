import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';

import { shanghaiDate } from '@app/clock';

const today = () => shanghaiDate();

/** A YYYY-MM-DD date that is today (Asia/Shanghai) or later. */
export function IsTodayOrLater(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isTodayOrLater',
      target: target.constructor,
      propertyName,
      options: { message: (args: ValidationArguments) => `${args.property}：日期 ${args.value} 已过去，不能早于今天`, ...options },
      validator: { validate: (value: unknown) => typeof value !== 'string' || value >= today() },
    });
}

/** A number or date not below another field of the same object (e.g. wageMax ≥ wageMin, deadline ≥ startDate). */
export function IsNotBelow(otherProperty: string, options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isNotBelow',
      target: target.constructor,
      propertyName,
      constraints: [otherProperty],
      options: { message: (args: ValidationArguments) => `${args.property}：不能小于 ${otherProperty}`, ...options },
      validator: {
        validate: (value: unknown, args: ValidationArguments) => {
          const other = (args.object as Record<string, unknown>)[otherProperty];
          return value === undefined || other === undefined || other === null || (value as number | string) >= (other as number | string);
        },
      },
    });
}
