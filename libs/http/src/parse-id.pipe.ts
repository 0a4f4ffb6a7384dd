import { HttpStatus, Injectable, PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { AppError } from '@app/errors';

/** Route ids are UUIDs; anything else is a clear 400, never a database error. */
@Injectable()
export class ParseIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!isUUID(value)) throw new AppError(HttpStatus.BAD_REQUEST, 'INVALID_ID', { value: String(value).slice(0, 64) });
    return value;
  }
}
