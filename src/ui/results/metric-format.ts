// How the results panel names, orders and prints metrics (shared by the metric cards and the per-fold table).

/** Human names of the metrics the evaluation steps report. */
export const CARD_LABELS: Readonly<Record<string, string>> = {
  accuracy: 'Accuracy', precision: 'Precision (macro)', recall: 'Recall (macro)', f1: 'F1 (macro)', logLoss: 'Log loss',
  r2: 'R²', rmse: 'RMSE', mae: 'MAE', mse: 'MSE', auc: 'ROC AUC',
};

/** The order the cards show metrics in; others are not shown as cards. */
export const CARD_ORDER: readonly string[] = ['accuracy', 'f1', 'auc', 'precision', 'recall', 'logLoss', 'r2', 'rmse', 'mae', 'mse'];

const PERCENT = new Set(['accuracy', 'precision', 'recall', 'f1']);

/** A metric value as the cards print it: shares as percentages, others with three decimals. */
export function formatMetric(name: string, v: number): string {
  if (PERCENT.has(name)) return `${(v * 100).toFixed(1)}%`;
  return Math.abs(v) >= 100 ? v.toFixed(1) : v.toFixed(3);
}
