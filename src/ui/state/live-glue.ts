// Ties a live session to the editor: the teacher's edits are pushed to the room; a student's copy
// follows the teacher's new versions through the usual restore/validation path.
import type { LiveLink } from '../../class/assignment';
import { describeChange } from '../../class/live-change';
import { restorePipeline } from '../../core/restore';
import { stepCatalog } from '../../steps/catalog';
import type { ClassState } from './class.svelte';
import type { EditorState } from './editor.svelte';

/** How long the teacher's edits settle before they are pushed (one push per burst of typing). */
const PUSH_MS = 400;

/** Pushes the teacher's valid edits to the live room while the teacher is in a session. */
export function pushTeacherEdits(editor: EditorState, classroom: ClassState): void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  editor.subscribe((_revision, reason) => {
    if (reason !== 'edit' || !classroom.live?.teacher) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      const live = classroom.live;
      if (!live?.teacher || editor.problem) return;
      const spec = editor.snapshot() as unknown as Record<string, unknown>;
      const changes = describeChange(live.pipeline().spec, spec);
      if (changes.length) live.pushPipeline(spec, changes.join(', '));
    }, PUSH_MS);
  });
}

/** Student: joins the assignment's live session; each new version from the teacher is validated, then loaded. */
export async function followTeacher(link: LiveLink, editor: EditorState, classroom: ClassState): Promise<void> {
  const session = await classroom.join(link);
  session.onPipeline(({ spec, note }) => {
    if (classroom.live !== session) return;
    const before = snapshotOrNull(editor);
    const changes = describeChange(before as unknown as Record<string, unknown> | null, spec);
    if (before && changes.length === 0 && before.name === spec.name) return;
    try {
      const valid = restorePipeline(structuredClone(spec), stepCatalog);
      editor.load(valid);
      classroom.liveNotice = `The teacher changed the pipeline (${note || changes.join(', ') || 'a new version'}) — Run to see.`;
    } catch (err) {
      classroom.liveNotice = `The teacher's new version cannot be used: ${(err as Error).message} Your copy is unchanged and nothing was run.`;
    }
  });
}

function snapshotOrNull(editor: EditorState): ReturnType<EditorState['snapshot']> | null {
  try {
    return editor.snapshot();
  } catch {
    return null;
  }
}
