import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';
import { Taxonomy } from './taxonomy';
import { TaxonomyCodeError, TaxonomyKind } from './taxonomy-code.error';
import { OccupationLevel } from './taxonomy.types';

/** The Chinese message for a bad value, or null when the value is a valid code. */
type Check = (value: unknown, taxonomy: Taxonomy) => string | null;

function unknownCode(kind: TaxonomyKind, value: unknown): string {
  return new TaxonomyCodeError(kind, shown(value)).message;
}

/** A bad value as the message may quote it: a short text or number as typed, never a long input or another non-text value. */
function shown(value: unknown): string {
  if (typeof value === 'number') return String(value).slice(0, 24);
  if (typeof value !== 'string') return Array.isArray(value) ? '[…]' : typeof value;
  return value.length <= 24 ? value : `${value.slice(0, 12)}…`;
}

function lookupCheck(kind: TaxonomyKind, exists: (taxonomy: Taxonomy, code: string) => boolean): Check {
  return (value, taxonomy) => (typeof value === 'string' && exists(taxonomy, value) ? null : unknownCode(kind, value));
}

/**
 * A property decorator validating taxonomy codes. With `{ each: true }` every element of an array is checked
 * and the message names the bad elements. The taxonomy is loaded at the first validation, not at import.
 */
function taxonomyCodeDecorator(name: string, check: Check, options?: ValidationOptions): PropertyDecorator {
  return (target, propertyKey) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: String(propertyKey),
      options,
      validator: {
        validate: (value: unknown) => check(value, Taxonomy.shared()) === null,
        defaultMessage: (args?: ValidationArguments) => {
          const values = options?.each && args && Array.isArray(args.value) ? args.value : [args?.value];
          return values
            .map((value) => check(value, Taxonomy.shared()))
            .filter((message) => message !== null)
            .join('；');
        },
      },
    });
}

/** A 职业分类大典 2022 code such as '4-10-01-05'; `level` also requires that level (4 = 细类). */
export function IsOccupationCode(options?: { level?: OccupationLevel } & ValidationOptions): PropertyDecorator {
  const { level, ...validationOptions } = options ?? {};
  const check: Check = (value, taxonomy) => {
    const occupation = typeof value === 'string' ? taxonomy.occupation(value) : undefined;
    if (!occupation) return unknownCode('occupation', value);
    if (level !== undefined && occupation.level !== level) {
      return new TaxonomyCodeError('occupation', occupation.code, level).message;
    }
    return null;
  };
  return taxonomyCodeDecorator('isOccupationCode', check, validationOptions);
}

/** A GB/T 4754-2017 code of any level: 'A', '01', '011' or '0111'. */
export function IsIndustryCode(options?: ValidationOptions): PropertyDecorator {
  return taxonomyCodeDecorator(
    'isIndustryCode',
    lookupCheck('industry', (t, code) => t.industry(code) !== undefined),
    options,
  );
}

/** A Hainan region code: the province, a city/county, a district or 洋浦 ('460400499'). */
export function IsRegionCode(options?: ValidationOptions): PropertyDecorator {
  return taxonomyCodeDecorator(
    'isRegionCode',
    lookupCheck('region', (t, code) => t.region(code) !== undefined),
    options,
  );
}

/** A certificate code such as 'SKL-4-10-01-05' or 'SPO-1.2'. */
export function IsCertificateCode(options?: ValidationOptions): PropertyDecorator {
  return taxonomyCodeDecorator(
    'isCertificateCode',
    lookupCheck('certificate', (t, code) => t.certificate(code) !== undefined),
    options,
  );
}
