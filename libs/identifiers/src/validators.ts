import { ValidateBy, ValidationOptions } from 'class-validator';
import { creditCodeCheckChar, isValidCreditCode } from './credit-code';
import { isMobileNumber } from './mobile-number';
import { isValidBirthDate, isValidResidentId, residentIdCheckChar } from './resident-id';

function residentIdProblem(value: unknown): string {
  if (typeof value !== 'string' || !/^\d{17}[\dX]$/.test(value)) {
    return '身份证号码应为18位，前17位为数字，最后一位为数字或大写X';
  }
  if (!isValidBirthDate(value.slice(6, 14))) return '身份证号码中的出生日期无效';
  if (residentIdCheckChar(value.slice(0, 17)) !== value[17]) return '身份证号码校验位不正确';
  return '身份证号码格式不正确';
}

function creditCodeProblem(value: unknown): string {
  if (typeof value !== 'string' || !/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(value)) {
    return '统一社会信用代码应为18位数字或大写字母（不含I、O、Z、S、V）';
  }
  if (creditCodeCheckChar(value.slice(0, 17)) !== value[17]) return '统一社会信用代码校验位不正确';
  return '统一社会信用代码格式不正确';
}

/** GB 11643 ID number: format, birth date and check digit, each with its own Chinese message. */
export function IsResidentId(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isResidentId',
      validator: {
        validate: (value) => isValidResidentId(value),
        defaultMessage: (args) => residentIdProblem(args?.value),
      },
    },
    options,
  );
}

/** GB 32100 unified social credit code. */
export function IsCreditCode(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCreditCode',
      validator: {
        validate: (value) => isValidCreditCode(value),
        defaultMessage: (args) => creditCodeProblem(args?.value),
      },
    },
    options,
  );
}

export function IsMobileNumber(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isMobileNumber',
      validator: {
        validate: (value) => isMobileNumber(value),
        defaultMessage: () => '手机号码格式不正确，应为1开头的11位数字',
      },
    },
    options,
  );
}
