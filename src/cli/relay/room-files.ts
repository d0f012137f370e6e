// Optional persistence: one file per room (`<room id>.yjs`, the encoded document), written atomically
// (a temporary file renamed over the old one) shortly after each change and when the room empties.
import fs from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import { ROOM_ID_PATTERN } from '../../share/live-room';

/** The persistence hooks @y/websocket-server calls (setPersistence). */
export interface RoomPersistence {
  bindState(docName: string, doc: Y.Doc): void;
  writeState(docName: string, doc: Y.Doc): Promise<void>;
  /** Writes every room with unsaved changes now (used on shutdown). */
  flush(): void;
}

/** Persistence into `dir` (created if missing); `delayMs` batches writes of busy rooms. */
export function roomFiles(dir: string, delayMs = 200): RoomPersistence {
  fs.mkdirSync(dir, { recursive: true });
  const dirty = new Map<string, { doc: Y.Doc; timer: NodeJS.Timeout }>();
  const fileOf = (name: string) => {
    if (!ROOM_ID_PATTERN.test(name)) throw new Error(`not a room id: ${name}`);
    return path.join(dir, `${name}.yjs`);
  };
  const write = (name: string, doc: Y.Doc) => {
    const pending = dirty.get(name);
    if (pending) clearTimeout(pending.timer);
    dirty.delete(name);
    const file = fileOf(name);
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, Y.encodeStateAsUpdate(doc));
    fs.renameSync(tmp, file);
  };
  return {
    bindState(name, doc) {
      const file = fileOf(name);
      // Read synchronously: the server answers the first sync right after this call returns.
      if (fs.existsSync(file)) Y.applyUpdate(doc, fs.readFileSync(file));
      doc.on('update', () => {
        if (!dirty.has(name)) dirty.set(name, { doc, timer: setTimeout(() => write(name, doc), delayMs) });
      });
    },
    async writeState(name, doc) {
      write(name, doc);
    },
    flush() {
      for (const [name, { doc }] of [...dirty]) write(name, doc);
    },
  };
}
