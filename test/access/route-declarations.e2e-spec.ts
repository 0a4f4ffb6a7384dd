import { Controller, Get, Module } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { ACCESS_METADATA } from '@app/auth';
import { createTestApp, HttpClient, TestApp } from '@app/testing';
import { HTTP_FEATURES } from '../../apps/platform/src/platform-features';

/** Deliberately undeclared, to show the guard denies it at run time. */
@Controller('undeclared-probe')
class UndeclaredController {
  @Get()
  probe() {
    return { leaked: true };
  }
}

@Module({ controllers: [UndeclaredController] })
class UndeclaredProbeModule {}

describe('deny by default', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp([...HTTP_FEATURES, UndeclaredProbeModule]);
  });
  afterAll(() => t.close());

  it('every route of every service declares who may call it', () => {
    const reflector = t.app.get(Reflector);
    const scanner = t.app.get(MetadataScanner);
    const routes: string[] = [];
    const undeclared: string[] = [];
    for (const wrapper of t.app.get(DiscoveryService).getControllers()) {
      const controller = wrapper.metatype as new (...args: never[]) => object;
      if (!controller || controller === UndeclaredController) continue;
      const prototype = controller.prototype;
      for (const method of scanner.getAllMethodNames(prototype)) {
        const handler = prototype[method as keyof typeof prototype] as () => unknown;
        if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
        const name = `${controller.name}.${method}`;
        routes.push(name);
        if (!reflector.getAllAndOverride(ACCESS_METADATA, [handler, controller])) undeclared.push(name);
      }
    }
    expect(routes.length).toBeGreaterThan(5);
    expect(undeclared).toEqual([]);
  });

  it('an undeclared route is refused even to a signed-in admin', async () => {
    const anonymous = await new HttpClient(t.app).get('/api/undeclared-probe');
    expect(anonymous.status).toBe(403);
    expect(anonymous.body.code).toBe('ROUTE_UNDECLARED');
    expect(anonymous.body.leaked).toBeUndefined();
  });
});
