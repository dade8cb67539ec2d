/**
 * Work that may wait one frame: a keystroke's own change is painted first, then what follows from it
 * (the editor's re-render with the 审核 panel, badge and marks; the save status) runs in a task of its
 * own. requestAnimationFrame fires just before the frame is painted; a timeout set there runs after it.
 * Not requestIdleCallback, which old Chromium may put off for long. A hidden tab paints no frames: a
 * plain timeout runs the work there.
 */
const HIDDEN_TAB_MS = 100;

/** Runs `work` once, in a task after the next paint. Returns a function that cancels it. */
export function afterPaint(work: () => void): () => void {
  let done = false;
  let task: ReturnType<typeof setTimeout> | undefined;
  const hasFrames = typeof requestAnimationFrame === 'function';
  const cancel = () => {
    done = true;
    if (hasFrames) cancelAnimationFrame(frame);
    clearTimeout(fallback);
    clearTimeout(task);
  };
  const run = () => {
    if (done) return;
    cancel();
    work();
  };
  const frame = hasFrames
    ? requestAnimationFrame(() => {
        task = setTimeout(run, 0);
      })
    : 0;
  const fallback = setTimeout(run, hasFrames ? HIDDEN_TAB_MS : 0);
  return cancel;
}

export interface AfterPaintOptions {
  /**
   * Wait until no new schedule() came for this long (a pause in typing): the work then runs between
   * keystrokes instead of in front of the next one. 0: right after the next paint.
   */
  quietMs?: number;
  /** With quietMs: run after the next paint anyway once the first schedule() is this old. */
  maxWaitMs?: number;
}

/**
 * One pending run of `work` at a time: asking again before it ran does not add another (ten
 * keystrokes re-render once). `now()` runs it at once when it is pending; `cancel()` drops it.
 */
export function afterPaintOnce(
  work: () => void,
  { quietMs = 0, maxWaitMs = Number.POSITIVE_INFINITY }: AfterPaintOptions = {},
): { schedule(): void; now(): void; cancel(): void } {
  let painted: (() => void) | null = null;
  let quiet: ReturnType<typeof setTimeout> | undefined;
  let firstAt: number | null = null;
  const stop = () => {
    painted?.();
    painted = null;
    clearTimeout(quiet);
    quiet = undefined;
    firstAt = null;
  };
  const run = () => {
    stop();
    work();
  };
  const afterNextPaint = () => {
    painted ??= afterPaint(run);
  };
  return {
    schedule() {
      if (quietMs <= 0) return afterNextPaint();
      const now = Date.now();
      firstAt ??= now;
      if (now - firstAt >= maxWaitMs) return afterNextPaint();
      clearTimeout(quiet);
      // Typing paused: the last keystroke's frame was painted long ago.
      quiet = setTimeout(run, quietMs);
    },
    now() {
      if (painted || quiet !== undefined) run();
    },
    cancel: stop,
  };
}
