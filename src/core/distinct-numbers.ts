// Counting the distinct values of a column of doubles exactly, without sorting it: the values
// are hashed, gathered into 256 groups by their hash's top bits (two sequential passes), and
// each group's distinct values counted in a small hash table that stays in the CPU's cache.
// One large hash table (or a Set) over a million values misses the cache on nearly every value.

/** Groups by the hash's top 8 bits. */
const GROUP_SHIFT = 24;
const GROUPS = 1 << (32 - GROUP_SHIFT);

/** A 32-bit hash of a double's 64 bits (murmur3's finaliser over both halves mixed). */
function mix(hi: number, lo: number): number {
  let h = hi ^ Math.imul(lo, 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * How many distinct values `values` holds and how many are missing (NaN). Equal doubles count
 * once, 0 and -0 as one value (as Set and a sort's comparison treat them).
 */
export function distinctNumbers(values: Float64Array): { distinct: number; missing: number } {
  const { hashes, starts, present } = hashGroups(values);
  const grouped = new Float64Array(present);
  const groupedHashes = new Uint32Array(present);
  const at = starts.slice(0, GROUPS);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== v) continue;
    const h = hashes[i];
    const k = at[h >>> GROUP_SHIFT]++;
    grouped[k] = v === 0 ? 0 : v;
    groupedHashes[k] = h;
  }
  let largest = 0;
  for (let g = 0; g < GROUPS; g++) largest = Math.max(largest, starts[g + 1] - starts[g]);
  const table = new Float64Array(tableSize(largest));
  let distinct = 0;
  for (let g = 0; g < GROUPS; g++) distinct += countGroup(grouped, groupedHashes, starts[g], starts[g + 1], table);
  return { distinct, missing: values.length - present };
}

/** Each value's hash (missing values get none), and where each group starts among the present values. */
function hashGroups(values: Float64Array): { hashes: Uint32Array; starts: Int32Array; present: number } {
  const halves = new Uint32Array(values.buffer, values.byteOffset, values.length * 2);
  const hashes = new Uint32Array(values.length);
  const starts = new Int32Array(GROUPS + 1);
  let present = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== v) continue;
    const h = v === 0 ? mix(0, 0) : mix(halves[2 * i + 1], halves[2 * i]); // little-endian: the high half second
    hashes[i] = h;
    starts[(h >>> GROUP_SHIFT) + 1]++;
    present++;
  }
  for (let g = 0; g < GROUPS; g++) starts[g + 1] += starts[g];
  return { hashes, starts, present };
}

/** The smallest power of two at least twice `n` (at least 16): a table that stays at most half full. */
function tableSize(n: number): number {
  let size = 16;
  while (size < 2 * n) size *= 2;
  return size;
}

/** Distinct values among grouped[from, to), counted in the first slots of `table` (open addressing, NaN = empty). */
function countGroup(grouped: Float64Array, hashes: Uint32Array, from: number, to: number, table: Float64Array): number {
  const mask = tableSize(to - from) - 1;
  table.fill(NaN, 0, mask + 1);
  let distinct = 0;
  for (let i = from; i < to; i++) {
    const x = grouped[i];
    let slot = hashes[i] & mask;
    for (;;) {
      const k = table[slot];
      if (k === x) break;
      if (k !== k) {
        table[slot] = x;
        distinct++;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return distinct;
}
