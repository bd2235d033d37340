/**
 * A module the kiosk loads when it is first needed instead of up front (the screens after the scan
 * screen, the manager's exit flow), so the scan screen starts with less JavaScript. `value` is null
 * until it has loaded; `load()` starts loading (at most once at a time) and may be called early to warm
 * it up. The service worker precaches every built chunk, so this also works offline.
 */
export class LazyModule<T> {
  value = $state<T | null>(null);
  #loading: Promise<T> | null = null;
  readonly #import: () => Promise<T>;

  constructor(load: () => Promise<T>) {
    this.#import = load;
  }

  load(): Promise<T> {
    if (this.value) return Promise.resolve(this.value);
    this.#loading ??= this.#import().then(
      (loaded) => (this.value = loaded),
      (error: unknown) => {
        // A failed fetch (offline before the cache was filled) is tried again on the next call.
        this.#loading = null;
        throw error;
      },
    );
    return this.#loading;
  }
}

/** The default export of a component module, loaded on first use. */
export const lazyComponent = <C>(load: () => Promise<{ default: C }>): LazyModule<C> =>
  new LazyModule(() => load().then((module) => module.default));
