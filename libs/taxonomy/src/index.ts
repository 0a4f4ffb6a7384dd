export * from './taxonomy.types';
export * from './education';
export * from './occupation-code';
export * from './taxonomy-code.error';
export * from './taxonomy';
export * from './taxonomy-code.validators';
export * from './taxonomy.module';
export { HAINAN_PROVINCE_CODE, YANGPU_CODE } from './load-regions';
export { SKILL_CERTIFICATE_KIND, SPECIAL_OPERATION_CERTIFICATE_KIND } from './load-skills';
