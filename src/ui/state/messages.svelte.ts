/** Whether a message reports a failure or just says something happened. */
export type MessageKind = 'error' | 'info';

/** One message for the user, from one source (the run, storage, the app's own actions…). */
export interface Message {
  readonly source: string;
  readonly kind: MessageKind;
  readonly text: string;
}

/**
 * The messages the app shows the user, one per source: state objects post their own
 * errors and notices here and clear them, instead of writing each other's fields; the
 * banners read the sources they show. A new message replaces its source's last one.
 */
export class MessageStore {
  list = $state.raw<readonly Message[]>([]);

  /** Shows `text` for `source`, replacing what that source said before. */
  post(source: string, kind: MessageKind, text: string): void {
    this.list = [...this.list.filter((m) => m.source !== source), { source, kind, text }];
  }

  /** Removes what `source` said (nothing happens when it said nothing). */
  clear(source: string): void {
    if (this.list.some((m) => m.source === source)) this.list = this.list.filter((m) => m.source !== source);
  }

  /** The newest message of `kind` from any of `sources`, or null. */
  latest(kind: MessageKind, ...sources: string[]): string | null {
    for (let i = this.list.length - 1; i >= 0; i--) {
      const m = this.list[i];
      if (m.kind === kind && sources.includes(m.source)) return m.text;
    }
    return null;
  }
}
