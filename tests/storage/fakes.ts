/**
 * Fakes of the browser pieces the tab lock uses, shared by several "tabs" in one test:
 * an exclusive LockManager (ifAvailable, steal, signal) and a BroadcastChannel bus.
 */
import type { ChannelLike, LockManagerLike } from '../../src/storage/tab-lock.ts';

interface Waiter {
  grant: () => void;
}

export class FakeLockManager implements LockManagerLike {
  private readonly held = new Map<string, { reject: (e: unknown) => void }>();
  private readonly queues = new Map<string, Waiter[]>();

  isHeld(name: string): boolean {
    return this.held.has(name);
  }

  request(
    name: string,
    options: { ifAvailable?: boolean; steal?: boolean; signal?: AbortSignal },
    callback: (lock: unknown) => unknown,
  ): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const queue = this.queues.get(name) ?? [];
      this.queues.set(name, queue);
      const grant = () => {
        const entry = { reject };
        this.held.set(name, entry);
        Promise.resolve()
          .then(() => callback({ name }))
          .then(
            (value) => {
              this.releaseIf(name, entry);
              resolve(value);
            },
            (error) => {
              this.releaseIf(name, entry);
              reject(error);
            },
          );
      };
      if (options.steal) {
        const current = this.held.get(name);
        this.held.delete(name);
        current?.reject(new DOMException('The lock was stolen.', 'AbortError'));
        grant();
      } else if (!this.held.has(name) && queue.length === 0) {
        grant();
      } else if (options.ifAvailable) {
        Promise.resolve()
          .then(() => callback(null))
          .then(resolve, reject);
      } else {
        const waiter = { grant };
        queue.push(waiter);
        options.signal?.addEventListener('abort', () => {
          const at = queue.indexOf(waiter);
          if (at >= 0) queue.splice(at, 1);
          reject(new DOMException('The request was aborted.', 'AbortError'));
        });
      }
    });
  }

  private releaseIf(name: string, entry: unknown): void {
    if (this.held.get(name) !== entry) return;
    this.held.delete(name);
    this.queues.get(name)?.shift()?.grant();
  }
}

/** BroadcastChannels that reach every other channel of the same name on the bus, asynchronously. */
export class FakeChannelBus {
  private readonly channels = new Set<FakeChannel>();
  /** Messages posted, for assertions. */
  readonly log: unknown[] = [];

  open = (name: string): ChannelLike => {
    const channel = new FakeChannel(name, this);
    this.channels.add(channel);
    return channel;
  };

  deliver(from: FakeChannel, message: unknown): void {
    this.log.push(message);
    for (const channel of this.channels) {
      if (channel !== from && channel.name === from.name) {
        setTimeout(() => channel.receive(message), 0);
      }
    }
  }

  remove(channel: FakeChannel): void {
    this.channels.delete(channel);
  }
}

class FakeChannel implements ChannelLike {
  private readonly listeners = new Set<(event: MessageEvent) => void>();
  constructor(
    readonly name: string,
    private readonly bus: FakeChannelBus,
  ) {}
  postMessage(message: unknown): void {
    this.bus.deliver(this, JSON.parse(JSON.stringify(message)));
  }
  addEventListener(_type: 'message', listener: (event: MessageEvent) => void): void {
    this.listeners.add(listener);
  }
  removeEventListener(_type: 'message', listener: (event: MessageEvent) => void): void {
    this.listeners.delete(listener);
  }
  receive(message: unknown): void {
    for (const listener of this.listeners) listener({ data: message } as MessageEvent);
  }
  close(): void {
    this.bus.remove(this);
  }
}
