// The results charts in one lazily loaded chunk: they pull in Observable Plot (and d3),
// which the gallery does not need, so the start page loads without them.
export { default as ConfusionMatrix } from './ConfusionMatrix.svelte';
export { default as DecisionBoundary } from './DecisionBoundary.svelte';
export { default as LossChart } from './LossChart.svelte';
export { default as RegressionCharts } from './RegressionCharts.svelte';
export { default as ReportCharts } from './ReportCharts.svelte';
export { default as DataPlot } from './DataPlot.svelte';
export { default as NetworkView } from './NetworkView.svelte';
