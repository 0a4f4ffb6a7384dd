import { HttpStatus, Injectable, PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { AppError } from '@app/errors';

/** Route ids are UUIDs; anything else is a clear 400, never a database error, and the value is not echoed. */
@Injectable()
export class ParseIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!isUUID(value)) throw new AppError(HttpStatus.BAD_REQUEST, 'INVALID_ID');
    return value;
  }
}
