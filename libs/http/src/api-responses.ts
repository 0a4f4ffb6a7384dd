import { applyDecorators, Type } from '@nestjs/common';
import {
  ApiBadRequestResponse, ApiExtraModels, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiProperty, ApiPropertyOptional,
  ApiResponse, ApiTooManyRequestsResponse, ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { MESSAGES, MessageCode } from '@app/errors';
import type { ErrorBody } from './api-exception.filter';
import type { FieldProblem } from './validation';

/** One field's problem in a VALIDATION_FAILED error. */
export class FieldProblemResponse implements FieldProblem {
  @ApiProperty({ description: 'the field path, e.g. requiredSkills.0.level' }) field: string;
  @ApiProperty() message: string;
}

/** Every error body: `{ statusCode, code, message }`, in the caller's language (zh-CN unless Accept-Language asks for English). */
export class ErrorResponse implements ErrorBody {
  @ApiProperty({ example: 404 }) statusCode: number;
  @ApiProperty({ enum: Object.keys(MESSAGES), enumName: 'ErrorCode', description: 'a stable machine-readable code', example: 'NOT_FOUND' })
  code: MessageCode;
  @ApiProperty({ example: '未找到' }) message: string;
  @ApiPropertyOptional({ type: [FieldProblemResponse], description: 'only for VALIDATION_FAILED' }) details?: FieldProblemResponse[];
}

/**
 * The error answers every API route can give, documented once per controller: 400 bad input, 401 not signed in,
 * 403 wrong role, 404 missing or out of scope, 429 throttled, all with the ErrorResponse body.
 */
export function ApiErrorResponses(): ClassDecorator & MethodDecorator {
  return applyDecorators(
    ApiExtraModels(ErrorResponse),
    ApiBadRequestResponse({ type: ErrorResponse, description: 'invalid input (VALIDATION_FAILED …)' }),
    ApiUnauthorizedResponse({ type: ErrorResponse, description: 'not signed in' }),
    ApiForbiddenResponse({ type: ErrorResponse, description: 'the role may not do this' }),
    ApiNotFoundResponse({ type: ErrorResponse, description: 'not found or outside the caller’s scope' }),
    ApiTooManyRequestsResponse({ type: ErrorResponse }),
    ApiResponse({ status: 409, type: ErrorResponse, description: 'conflicts with the current state' }),
  );
}

const pages = new Map<Type<unknown>, Type<unknown>>();

/** A named page schema `<Item>Page` (`{ items, total, offset, limit }`) for a PageResponse of `item`. */
export function pageOf(item: Type<unknown>): Type<unknown> {
  let page = pages.get(item);
  if (!page) {
    class Page {
      @ApiProperty({ type: [item] }) items: unknown[];
      @ApiProperty() total: number;
      @ApiProperty() offset: number;
      @ApiProperty() limit: number;
    }
    Object.defineProperty(Page, 'name', { value: `${item.name.replace(/Response$/, '')}Page` });
    pages.set(item, (page = Page));
  }
  return page;
}

/** 200 with a page of `item` (what `PageResponse.of` returns). */
export function ApiPageResponse(item: Type<unknown>): MethodDecorator & ClassDecorator {
  return ApiOkResponse({ type: pageOf(item) });
}
