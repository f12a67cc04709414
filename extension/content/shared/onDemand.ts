/**
 * A part of an overlay loaded on demand (a packaged UI file): asked for once (again after a
 * failure), preloaded when the page is idle, so that a person's first click works at once.
 */
export class OnDemand<T> {
  /** Loaded: what callers use without waiting. */
  ready: T | null = null;
  private loading: Promise<T> | null = null;
  private stopped = false;

  constructor(
    private readonly doc: Document,
    private readonly importUi: () => Promise<T>,
  ) {}

  load(): Promise<T> {
    this.loading ??= this.importUi().then(
      (ui) => {
        this.ready = ui;
        return ui;
      },
      (error: unknown) => {
        this.loading = null; // try again next time
        throw error;
      },
    );
    return this.loading;
  }

  /** Loads when the page has nothing better to do; a failure is the caller's to report. */
  preload(onError: (error: unknown) => void): void {
    if (this.loading || this.stopped) return;
    const win = this.doc.defaultView;
    const load = () => {
      if (!this.stopped) this.load().catch(onError);
    };
    if (win?.requestIdleCallback) win.requestIdleCallback(load, { timeout: 2000 });
    else win?.setTimeout(load, 500);
  }

  /** No more loading; what is loaded, or still on its way, is handed to `release`. */
  stop(release?: (loaded: T) => void): void {
    this.stopped = true;
    if (release) void this.loading?.then(release, () => {});
  }

  get isStopped(): boolean {
    return this.stopped;
  }
}
