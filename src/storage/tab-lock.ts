/**
 * One writer per draft across tabs. The first tab to open a draft owns it; a second tab gets it
 * read-only (it follows the owner's saves live) and may take over. Ownership uses the Web Locks API
 * when present (the browser releases a lock when its tab dies), else a small BroadcastChannel
 * protocol; with neither, every tab owns and the repository's version check still refuses to
 * overwrite silently.
 *
 * Taking over: the new tab asks the owner to step aside ('take-over'); the owner flushes its
 * unsaved changes (beforeHandOver), turns read-only and answers ('handed-over'); the new tab then
 * takes the lock (stealing it, so a frozen owner cannot hold the draft hostage after the timeout)
 * and must load the draft afresh from storage.
 */

export type TabLockState = 'acquiring' | 'owner' | 'read-only' | 'released';
export type LockMechanism = 'web-locks' | 'broadcast' | 'none';

/** The part of navigator.locks used here. */
export interface LockManagerLike {
  request(
    name: string,
    options: { ifAvailable?: boolean; steal?: boolean; signal?: AbortSignal },
    callback: (lock: unknown) => unknown,
  ): Promise<unknown>;
}

/** The part of BroadcastChannel used here. */
export interface ChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  close(): void;
}

type Message =
  | { type: 'probe'; draftId: string; tab: string }
  | { type: 'owner'; draftId: string; tab: string; takeover: boolean }
  | { type: 'take-over'; draftId: string; tab: string }
  | { type: 'handed-over'; draftId: string; tab: string; to: string }
  | { type: 'released'; draftId: string; tab: string }
  | { type: 'saved'; draftId: string; tab: string; version: number };

export const CHANNEL_NAME = 'nianbao-tool:drafts';
export const lockName = (draftId: string) => `nianbao-tool:draft:${draftId}`;

export interface TabLockOptions {
  draftId: string;
  /** Defaults to navigator.locks; null forces the BroadcastChannel protocol. */
  locks?: LockManagerLike | null;
  /** Defaults to `new BroadcastChannel(name)`; null when there is none. */
  openChannel?: ((name: string) => ChannelLike) | null;
  onState?: (state: TabLockState) => void;
  /** In a read-only tab: the owner saved this version; reload the draft to follow it live. */
  onRemoteSaved?: (version: number) => void;
  /** In the owner: another tab is taking over. Flush unsaved changes and stop saving. */
  beforeHandOver?: () => Promise<unknown> | undefined;
  /** How long a taking-over tab waits for the owner to flush and answer. */
  handOverTimeoutMs?: number;
  /** Without Web Locks: how long to wait for an owner to answer a probe. */
  probeMs?: number;
  tabId?: string;
}

function defaultLocks(): LockManagerLike | null {
  const nav = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator;
  return nav?.locks ?? null;
}

function defaultChannel(): ((name: string) => ChannelLike) | null {
  const Channel = (globalThis as { BroadcastChannel?: new (name: string) => ChannelLike }).BroadcastChannel;
  return Channel ? (name) => new Channel(name) : null;
}

function randomTabId(): string {
  return (
    globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`
  );
}

export class DraftTabLock {
  readonly tabId: string;
  readonly mechanism: LockMechanism;
  private readonly draftId: string;
  private readonly locks: LockManagerLike | null;
  private readonly channel: ChannelLike | null;
  private readonly options: TabLockOptions;
  private current: TabLockState = 'released';
  /** Web Locks: which request holds the lock now, and how to let it go. */
  private holding: number | null = null;
  private releaseHold: (() => void) | null = null;
  private generation = 0;
  private waiting: AbortController | null = null;
  /** BroadcastChannel protocol: replies awaited by a probe or a take-over. */
  private onReply: ((message: Message) => void) | null = null;

  constructor(options: TabLockOptions) {
    this.options = options;
    this.draftId = options.draftId;
    this.tabId = options.tabId ?? randomTabId();
    this.locks = options.locks === undefined ? defaultLocks() : options.locks;
    const open = options.openChannel === undefined ? defaultChannel() : options.openChannel;
    this.channel = open ? open(CHANNEL_NAME) : null;
    this.channel?.addEventListener('message', this.onMessage);
    this.mechanism = this.locks ? 'web-locks' : this.channel ? 'broadcast' : 'none';
  }

  get state(): TabLockState {
    return this.current;
  }

  private setState(state: TabLockState): void {
    if (state === this.current) return;
    this.current = state;
    this.options.onState?.(state);
  }

  private post(message: Message): void {
    try {
      this.channel?.postMessage(message);
    } catch {
      // a closed channel: nobody to tell
    }
  }

  /** Owner or read-only. */
  async acquire(): Promise<TabLockState> {
    this.setState('acquiring');
    if (this.mechanism === 'none') this.setState('owner');
    else if (this.mechanism === 'web-locks') await this.acquireLock();
    else await this.acquireByProbe();
    return this.current;
  }

  // ---------------------------------------------------------------- Web Locks

  /**
   * Requests the lock and holds it until release() or a steal. Resolves 'granted', 'busy' (held
   * elsewhere, or our wait was cancelled) or 'failed' (the Lock API itself refused).
   */
  private requestLock(options: {
    ifAvailable?: boolean;
    steal?: boolean;
    signal?: AbortSignal;
  }): Promise<'granted' | 'busy' | 'failed'> {
    const generation = ++this.generation;
    return new Promise((settle) => {
      const hold = (lock: unknown) => {
        if (!lock) {
          settle('busy');
          return undefined;
        }
        this.holding = generation;
        settle('granted');
        return new Promise<void>((release) => {
          this.releaseHold = release;
        });
      };
      const lost = (error: unknown) => {
        // Stolen by a tab taking over, or our own wait cancelled: both AbortError.
        if (this.holding === generation) this.lostLock();
        settle((error as { name?: string } | null)?.name === 'AbortError' ? 'busy' : 'failed');
      };
      try {
        this.locks!.request(lockName(this.draftId), options, hold).catch(lost);
      } catch (error) {
        lost(error);
      }
    });
  }

  private async acquireLock(): Promise<void> {
    const result = await this.requestLock({ ifAvailable: true });
    // A Lock API that refuses to work must not leave the clerk read-only: the version check
    // still keeps two writers from overwriting each other silently.
    if (result === 'busy') this.becomeReadOnly();
    else this.setState('owner');
  }

  /** Read-only: queue for the lock, so this tab takes over by itself when the owner closes. */
  private waitForLock(): void {
    if (this.mechanism !== 'web-locks' || this.waiting) return;
    const waiting = new AbortController();
    this.waiting = waiting;
    void this.requestLock({ signal: waiting.signal }).then((result) => {
      if (this.waiting === waiting) this.waiting = null;
      if (result === 'granted' && this.current !== 'released') this.setState('owner');
    });
  }

  private lostLock(): void {
    this.holding = null;
    this.releaseHold = null;
    if (this.current === 'released') return;
    this.becomeReadOnly();
  }

  private becomeReadOnly(): void {
    this.setState('read-only');
    this.waitForLock();
  }

  // ---------------------------------------------------------------- BroadcastChannel protocol

  private async acquireByProbe(): Promise<void> {
    let ownerSeen = false;
    await this.collectReplies(
      this.options.probeMs ?? 300,
      (message) => {
        if (message.type === 'owner') ownerSeen = true;
        return ownerSeen;
      },
      { type: 'probe', draftId: this.draftId, tab: this.tabId },
    );
    if (ownerSeen) {
      this.setState('read-only');
    } else {
      this.setState('owner');
      this.post({ type: 'owner', draftId: this.draftId, tab: this.tabId, takeover: false });
    }
  }

  /** Posts `message`, then passes replies to `accept` until it returns true or the time is up. */
  private collectReplies(ms: number, accept: (message: Message) => boolean, message: Message): Promise<void> {
    return new Promise((done) => {
      const finish = () => {
        clearTimeout(timer);
        this.onReply = null;
        done();
      };
      const timer = setTimeout(finish, ms);
      this.onReply = (reply) => {
        if (accept(reply)) finish();
      };
      this.post(message);
    });
  }

  private readonly onMessage = (event: MessageEvent): void => {
    const message = event.data as Message;
    if (!message || message.draftId !== this.draftId || message.tab === this.tabId) return;
    this.onReply?.(message);
    switch (message.type) {
      case 'probe':
        if (this.current === 'owner') {
          this.post({ type: 'owner', draftId: this.draftId, tab: this.tabId, takeover: false });
        }
        break;
      case 'owner':
        // Two tabs probed at once and both think they own: the smaller tab id keeps it.
        if (
          this.mechanism === 'broadcast' &&
          this.current === 'owner' &&
          (message.takeover || message.tab < this.tabId)
        ) {
          void this.stepAside(null);
        }
        break;
      case 'take-over':
        if (this.current === 'owner') void this.stepAside(message.tab);
        break;
      case 'released':
        if (this.mechanism === 'broadcast' && this.current === 'read-only') void this.acquire();
        break;
      case 'saved':
        if (this.current === 'read-only') this.options.onRemoteSaved?.(message.version);
        break;
      case 'handed-over':
        break;
    }
  };

  /** The owner lets another tab have the draft: flush, turn read-only, answer. */
  private async stepAside(to: string | null): Promise<void> {
    try {
      await this.options.beforeHandOver?.();
    } catch {
      // whatever could not be flushed stays on screen; the new owner's version check guards the rest
    }
    this.setState('read-only');
    if (to) this.post({ type: 'handed-over', draftId: this.draftId, tab: this.tabId, to });
  }

  // ---------------------------------------------------------------- both

  /** Makes this tab the owner. Load the draft afresh from storage afterwards. */
  async takeOver(): Promise<void> {
    if (this.current === 'owner') return;
    this.waiting?.abort();
    this.waiting = null;
    if (this.channel) {
      await this.collectReplies(
        this.options.handOverTimeoutMs ?? 2000,
        (reply) => reply.type === 'handed-over' && reply.to === this.tabId,
        { type: 'take-over', draftId: this.draftId, tab: this.tabId },
      );
    }
    if (this.mechanism === 'web-locks') await this.requestLock({ steal: true });
    this.setState('owner');
    this.post({ type: 'owner', draftId: this.draftId, tab: this.tabId, takeover: true });
  }

  /** The owner tells read-only tabs that it saved this version. */
  announceSaved(version: number): void {
    if (this.current === 'owner') {
      this.post({ type: 'saved', draftId: this.draftId, tab: this.tabId, version });
    }
  }

  /** Lets go of the draft (closing it, leaving the page). */
  release(): void {
    const wasOwner = this.current === 'owner';
    this.setState('released');
    this.waiting?.abort();
    this.waiting = null;
    this.holding = null;
    this.releaseHold?.();
    this.releaseHold = null;
    if (wasOwner) this.post({ type: 'released', draftId: this.draftId, tab: this.tabId });
    this.channel?.removeEventListener('message', this.onMessage);
    this.channel?.close();
  }
}
