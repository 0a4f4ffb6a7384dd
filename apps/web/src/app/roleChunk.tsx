import { ComponentType, lazy, LazyExoticComponent } from 'react';

export type RoleChunk = ComponentType & { load(): Promise<unknown> };

/**
 * A code-split component that renders straight away once its chunk is loaded (React.lazy would still suspend
 * once, and React holds a revealed Suspense boundary back by up to 300 ms); before that it falls back to lazy.
 */
export function roleChunk(load: () => Promise<{ default: ComponentType }>): RoleChunk {
  let loaded: ComponentType | undefined;
  let promise: Promise<unknown> | undefined;
  const start = () =>
    (promise ??= load().then((module) => {
      loaded = module.default;
    }));
  const Lazy: LazyExoticComponent<ComponentType> = lazy(() => start().then(() => ({ default: loaded! })));
  const Role = () => {
    const Loaded = loaded;
    return Loaded ? <Loaded /> : <Lazy />;
  };
  Role.load = start;
  return Role as RoleChunk;
}
