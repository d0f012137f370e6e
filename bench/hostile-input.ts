// How long hostile input takes to be refused (moved here from the unit tests, which only check
// that it is refused): a share link that unpacks to 50 MB of spaces.
import { toBase64Url } from '../src/share/base64url';
import { deflate } from '../src/share/compress';
import { decodeShare } from '../src/share/link-codec';
import { summarize, type Timing } from './stats';

/** Times the refusal of a zip-bomb share link (50 MB of spaces deflated), `repeats` times. */
export async function zipBombRefusal(repeats: number): Promise<Timing> {
  const fragment = `share=1.${toBase64Url(await deflate(new Uint8Array(50_000_000).fill(0x20)))}`;
  const runs: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    const refused = await decodeShare(fragment).then(() => false, () => true);
    runs.push(performance.now() - t0);
    if (!refused) throw new Error('the zip-bomb link was accepted');
  }
  return summarize(runs);
}
