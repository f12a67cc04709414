/**
 * Cooperative scheduling: long lists (2,000 rows) are processed in slices of a few milliseconds so
 * the page stays responsive; between slices we give the main thread back for one task.
 */
export const SLICE_MS = 8;

let channel: MessageChannel | null = null;
const waiting: (() => void)[] = [];

/** Resolves in a new task, sooner than setTimeout (which is clamped to 4 ms when nested). */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof MessageChannel === 'undefined') {
      setTimeout(resolve, 0);
      return;
    }
    if (!channel) {
      channel = new MessageChannel();
      channel.port1.onmessage = () => waiting.shift()?.();
    }
    waiting.push(resolve);
    channel.port2.postMessage(0);
  });
}

/**
 * Calls `each` on every item, yielding to the page whenever a slice has used its budget;
 * `afterSlice` runs at the end of every slice (to hand on what the slice produced).
 */
export async function forEachInSlices<T>(
  items: Iterable<T>,
  each: (item: T) => void,
  options: { sliceMs?: number; afterSlice?: () => void } = {},
): Promise<void> {
  const sliceMs = options.sliceMs ?? SLICE_MS;
  let sliceStart = performance.now();
  for (const item of items) {
    each(item);
    if (performance.now() - sliceStart >= sliceMs) {
      options.afterSlice?.();
      await nextTask();
      sliceStart = performance.now();
    }
  }
  options.afterSlice?.();
}

/**
 * Calls `flush` once per animation frame however many times the returned function is called
 * before it; falls back to a timer when no frame comes (hidden tab, throttled frame).
 */
export function frameBatcher(flush: () => void, win: Window = window): () => void {
  let pending = false;
  const run = () => {
    if (!pending) return;
    pending = false;
    flush();
  };
  return () => {
    if (pending) return;
    pending = true;
    if (typeof win.requestAnimationFrame === 'function' && win.document.visibilityState !== 'hidden') {
      win.requestAnimationFrame(run);
      win.setTimeout(run, 100);
    } else {
      win.setTimeout(run, 16);
    }
  };
}
