// Ties live sessions to the editor: every session this browser joins (teacher, co-editor, student)
// gets an EditorSync, so the teacher's and co-editors' edits reach the room and the room's merged
// pipeline reaches every editor through the usual restore/validation path.
import type { LiveLink } from '../../class/assignment';
import type { ClassState } from './class.svelte';
import type { EditorState } from './editor.svelte';

/**
 * Keeps `editor` in step with each live session `classroom` joins from now on. `teacherBound` says
 * whether the editor shows the teacher's session pipeline (a teacher may open other pipelines while
 * the session stays up; their edits are not shared). A student's or co-editor's session ends when
 * another pipeline is opened, so it is always bound.
 */
export function shareEdits(editor: EditorState, classroom: ClassState, teacherBound: () => boolean): void {
  classroom.onSession((session) => {
    // The sync code loads with the first session (it stays off the start page); EditorSync then
    // adopts whatever the room already holds, so nothing that arrived meanwhile is missed.
    void import('./live-sync').then(({ EditorSync }) => {
      if (classroom.live === session) new EditorSync(session, editor, classroom, () => !session.teacher || teacherBound());
    });
  });
}

/** Student or co-editor: joins the assignment's live session (the editor follows it through shareEdits). */
export async function followTeacher(link: LiveLink, classroom: ClassState): Promise<void> {
  await classroom.join(link);
}
