/** Mean squared error, its root, mean absolute error and R² of predictions on the given rows. */
export function regressionScores(truth: Float64Array, predicted: Float64Array, rows: ArrayLike<number>): Record<string, number> {
  const n = rows.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += truth[rows[i]];
  mean /= n;
  let se = 0;
  let ae = 0;
  let tot = 0;
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    const e = truth[r] - predicted[r];
    se += e * e;
    ae += Math.abs(e);
    tot += (truth[r] - mean) * (truth[r] - mean);
  }
  const mse = se / n;
  return { mse, rmse: Math.sqrt(mse), mae: ae / n, r2: tot > 0 ? 1 - se / tot : se === 0 ? 1 : 0 };
}
