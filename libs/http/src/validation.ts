import { ArgumentMetadata, HttpStatus, ValidationError, ValidationPipe } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
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

/**
 * class-validator's IsOptional lets `null` through as well as a missing field, so `{"education": null}` in a PATCH
 * reached a NOT NULL column as a database error (a 500). Here `null` is refused, naming the field, unless the
 * request DTO declares the field nullable in its OpenAPI metadata (`@ApiPropertyOptional({ nullable: true })`):
 * one rule for every body DTO, nested DTOs included, so the document says exactly where null is accepted.
 */
class ApiValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && typeof metadata.metatype === 'function') {
      const problems = nullProblems(value, metadata.metatype);
      if (problems.length) throw new RequestValidationError(problems);
    }
    return super.transform(value, metadata);
  }
}

const API_MODEL_PROPERTIES = 'swagger/apiModelProperties';
const API_MODEL_PROPERTIES_ARRAY = 'swagger/apiModelPropertiesArray';

function nullProblems(value: unknown, dto: abstract new (...args: never[]) => unknown, depth = 0): ValidationError[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || depth > 8) return [];
  if (!Reflect.hasMetadata(API_MODEL_PROPERTIES_ARRAY, dto.prototype)) return [];
  const problems: ValidationError[] = [];
  for (const [property, inner] of Object.entries(value)) {
    const declared = Reflect.getMetadata(API_MODEL_PROPERTIES, dto.prototype, property) as { nullable?: boolean; type?: unknown } | undefined;
    if (!declared) continue; // unknown fields are refused by the whitelist
    if (inner === null) {
      if (!declared.nullable) problems.push(nullProblem(property));
      continue;
    }
    const nested = nestedDto(declared.type);
    if (!nested) continue;
    const children = Array.isArray(inner)
      ? inner.flatMap((item, index) => {
          const itemProblems = nullProblems(item, nested, depth + 1);
          return itemProblems.length ? [{ property: String(index), children: itemProblems, constraints: {} } as ValidationError] : [];
        })
      : nullProblems(inner, nested, depth + 1);
    if (children.length) problems.push({ property, children, constraints: {} } as ValidationError);
  }
  return problems;
}

const nullProblem = (property: string): ValidationError =>
  ({ property, constraints: { isNotNull: `${property} must not be null; leave it out to keep the current value` }, children: [] }) as ValidationError;

/** The DTO class of a nested property (`type: SomeDto`, `type: [SomeDto]` or `type: () => SomeDto`), if it is one. */
function nestedDto(type: unknown): (abstract new (...args: never[]) => unknown) | undefined {
  let candidate = Array.isArray(type) ? type[0] : type;
  if (typeof candidate === 'function' && !candidate.prototype) {
    try {
      candidate = (candidate as () => unknown)();
    } catch {
      return undefined;
    }
    if (Array.isArray(candidate)) candidate = candidate[0];
  }
  return typeof candidate === 'function' && candidate.prototype && Reflect.hasMetadata(API_MODEL_PROPERTIES_ARRAY, candidate.prototype)
    ? (candidate as abstract new (...args: never[]) => unknown)
    : undefined;
}

/**
 * class-validator finds a class's rules, on every validation, by testing the class against every class that has rules
 * (for the inherited ones), and Nest's pipe asks once more for nested binaries: with this API's DTO classes that was
 * ~4% of a job search's CPU (B14 profile). A class's rules are fixed once it is defined, so the answer is kept per class
 * and arguments, and all answers are forgotten when any rule is added (a class defined later).
 */
export function keepRuleLookups(storage = getMetadataStorage()): void {
  const kept = storage as typeof storage & { [RULES_KEPT]?: true };
  if (kept[RULES_KEPT]) return;
  kept[RULES_KEPT] = true;
  const lookup = storage.getTargetValidationMetadatas.bind(storage);
  const add = storage.addValidationMetadata.bind(storage);
  const answers = new Map<object, Map<string, ValidationMetadata[]>>();
  storage.addValidationMetadata = (metadata) => {
    answers.clear();
    add(metadata);
  };
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    if (schema) return lookup(target, schema, always, strictGroups, groups);
    const key = `${always}|${strictGroups}|${groups?.join('\u0000') ?? ''}`;
    let byArguments = answers.get(target);
    if (!byArguments) answers.set(target, (byArguments = new Map()));
    let rules = byArguments.get(key);
    if (!rules) byArguments.set(key, (rules = lookup(target, schema, always, strictGroups, groups)));
    return rules;
  };
}

const RULES_KEPT = Symbol('rule lookups kept');

/** Whitelist with unknown fields rejected, types converted, `null` only where declared, every problem reported. */
export function createValidationPipe(): ValidationPipe {
  keepRuleLookups();
  return new ApiValidationPipe({
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
  isNotNull: () => '不能为 null（不修改请省略该字段）',
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
  equals: () => '必须同意（true）',
  isMobilePhone: () => '手机号码格式不正确，应为 1 开头的 11 位数字',
  isSmsCode: () => '验证码应为 6 位数字',
  isNotMobileNumber: () => '用户名不能是手机号码（可直接用手机号登录）',
  isYearMonth: () => '必须是年月，格式 YYYY-MM',
};

const after = (text: string, separator: string) => text.slice(text.lastIndexOf(separator) + 1).trim();
const lastNumber = (text: string) => text.match(/(-?\d+(\.\d+)?)(?!.*\d)/)?.[1] ?? '';

/**
 * At most this many problems are reported for one request: a body with thousands of bad elements (an array where an
 * object belongs, 2,000 wrong codes) gets a readable answer of bounded size, not one line per element.
 */
export const MAX_REPORTED_PROBLEMS = 50;

/** The request's problems in the user's language, the first MAX_REPORTED_PROBLEMS of them. */
export function describeRequestProblems(errors: ValidationError[], language: Language): FieldProblem[] {
  return describeValidationErrors(errors, language).slice(0, MAX_REPORTED_PROBLEMS);
}

function describeValidationErrors(errors: ValidationError[], language: Language, parentPath = ''): FieldProblem[] {
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
