// The relay's limits and a token-bucket rate limiter (one per connection).

/** Size and rate limits of the relay; every one can be lowered or raised by the caller. */
export interface RelayLimits {
  /** Largest single WebSocket message (bytes); larger ones close the connection (1009). */
  maxMessageBytes: number;
  /** Largest room document (bytes of its encoded state); an update that would pass it is refused.
   * Each update is checked against a copy of the room, so this also bounds the work per update. */
  maxRoomBytes: number;
  /** Messages a connection may send in a burst, and per second after it. */
  burstMessages: number;
  messagesPerSecond: number;
  /** Bytes a connection may send in a burst, and per second after it. */
  burstBytes: number;
  bytesPerSecond: number;
  /** Connections one room accepts at once. */
  maxConnectionsPerRoom: number;
  /** Rooms held in memory at once; a connection to a new room beyond it is refused (503). */
  maxRooms: number;
}

/** Defaults sized for a class of a few hundred students on one relay. */
export const DEFAULT_LIMITS: RelayLimits = {
  maxMessageBytes: 256 * 1024,
  maxRoomBytes: 4 * 1024 * 1024,
  burstMessages: 200,
  messagesPerSecond: 50,
  burstBytes: 2 * 1024 * 1024,
  bytesPerSecond: 512 * 1024,
  maxConnectionsPerRoom: 500,
  maxRooms: 1000,
};

/** Two token buckets (messages and bytes) refilled from a clock the caller passes in. */
export class RateLimiter {
  private messages: number;
  private bytes: number;
  private last: number;

  constructor(
    private readonly limits: RelayLimits,
    private readonly now: () => number,
  ) {
    this.messages = limits.burstMessages;
    this.bytes = limits.burstBytes;
    this.last = now();
  }

  /** Takes one message of `size` bytes; false when the connection has sent too much too fast. */
  take(size: number): boolean {
    const t = this.now();
    const seconds = Math.max(0, (t - this.last) / 1000);
    this.last = t;
    this.messages = Math.min(this.limits.burstMessages, this.messages + seconds * this.limits.messagesPerSecond);
    this.bytes = Math.min(this.limits.burstBytes, this.bytes + seconds * this.limits.bytesPerSecond);
    if (this.messages < 1 || this.bytes < size) return false;
    this.messages -= 1;
    this.bytes -= size;
    return true;
  }
}
