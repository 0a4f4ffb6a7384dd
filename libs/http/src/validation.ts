import { HttpStatus, ValidationError, ValidationPipe } from '@nestjs/common';
import { AppError, Language } from '@app/errors';

export interface FieldProblem {
  field: string;
  message: string;
}

/** Thrown by the ValidationPipe; the exception filter renders the problems in the caller's language. */
export class RequestValidationError extends AppError {
  constructor(readonly errors: ValidationError[]) {
    super(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED');
  }
}

/** Whitelist with unknown fields rejected, types converted, every problem reported. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new RequestValidationError(errors),
  });
}

// class-validator's default (English) messages, rendered in Chinese. Custom messages pass through unchanged.
const ZH_BY_CONSTRAINT: Record<string, (english: string) => string> = {
  whitelistValidation: () => '不允许的字段',
  isDefined: () => '必填',
  isNotEmpty: () => '不能为空',
  isString: () => '必须是文本',
  isInt: () => '必须是整数',
  isNumber: () => '必须是数字',
  isBoolean: () => '必须是 true 或 false',
  isUuid: () => '必须是有效的 ID',
  isDateString: () => '必须是日期，格式 YYYY-MM-DD',
  isIso8601: () => '必须是日期，格式 YYYY-MM-DD',
  isDate: () => '必须是日期',
  isArray: () => '必须是数组',
  isObject: () => '必须是对象',
  isEnum: (en) => `必须是以下值之一：${after(en, ':')}`,
  isIn: (en) => `必须是以下值之一：${after(en, ':')}`,
  min: (en) => `不能小于 ${lastNumber(en)}`,
  max: (en) => `不能大于 ${lastNumber(en)}`,
  minLength: (en) => `长度不能少于 ${lastNumber(en)} 个字符`,
  maxLength: (en) => `长度不能超过 ${lastNumber(en)} 个字符`,
  arrayMinSize: (en) => `至少需要 ${lastNumber(en)} 项`,
  arrayMaxSize: (en) => `最多 ${lastNumber(en)} 项`,
  arrayUnique: () => '不能有重复项',
  isLatitude: () => '必须是有效的纬度',
  isLongitude: () => '必须是有效的经度',
  isPositive: () => '必须是正数',
  matches: () => '格式不正确',
  nestedValidation: () => '格式不正确',
};

const after = (text: string, separator: string) => text.slice(text.lastIndexOf(separator) + 1).trim();
const lastNumber = (text: string) => text.match(/(-?\d+(\.\d+)?)(?!.*\d)/)?.[1] ?? '';

export function describeValidationErrors(errors: ValidationError[], language: Language, parentPath = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parentPath ? `${parentPath}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, english]) => ({
      field,
      message: renderConstraint(constraint, english, field, language),
    }));
    return [...own, ...describeValidationErrors(error.children ?? [], language, field)];
  });
}

function renderConstraint(constraint: string, english: string, field: string, language: Language): string {
  const isDefaultMessage = english.startsWith(`${field.split('.').pop()} `) || english.startsWith('property ') || english.startsWith('each value');
  if (!isDefaultMessage) return english;
  if (language === 'en') return english;
  const zh = ZH_BY_CONSTRAINT[constraint];
  return zh ? `${field}：${zh(english)}` : english;
}
