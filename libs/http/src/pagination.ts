import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** `?offset=&limit=` on every list route; limit defaults to 20 and never exceeds 200. */
export class PageQuery {
  @ApiPropertyOptional({ default: 0, minimum: 0 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0)
  offset: number = 0;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 200 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  limit: number = 20;
}

export class PageResponse<T> {
  @ApiProperty({ isArray: true }) items: T[];
  @ApiProperty() total: number;
  @ApiProperty() offset: number;
  @ApiProperty() limit: number;

  static of<T>(items: T[], total: number, page: { offset: number; limit: number }): PageResponse<T> {
    return Object.assign(new PageResponse<T>(), { items, total, offset: page.offset, limit: page.limit });
  }
}
