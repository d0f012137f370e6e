// Class colours shared by every chart: blue and orange first (as in TensorFlow Playground),
// then colour-blind-friendly hues from the Okabe–Ito set, up to ten classes.

/** Categorical class colours, in class-code order; charts cycle through them past ten classes. */
export const CLASS_PALETTE: readonly string[] = [
  '#1f77b4', // blue
  '#ff7f0e', // orange
  '#009e73', // bluish green
  '#cc79a7', // reddish purple
  '#56b4e9', // sky blue
  '#d55e00', // vermillion
  '#f0e442', // yellow
  '#7f7f7f', // grey
  '#8c564b', // brown
  '#332288', // indigo
];

/** The colours for n classes (class code i gets element i), cycling the palette when n > 10. */
export function classColors(n: number): string[] {
  const count = Math.max(0, Math.floor(n));
  return Array.from({ length: count }, (_, i) => CLASS_PALETTE[i % CLASS_PALETTE.length]);
}
