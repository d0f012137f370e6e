// The runs, versions, reproducibility and sweep tabs in one lazily loaded chunk: none is shown at start.
export { default as RunsPanel } from '../history/RunsPanel.svelte';
export { default as VersionsPanel } from '../history/VersionsPanel.svelte';
export { default as LabPanel } from '../lab/LabPanel.svelte';
export { default as SweepPanel } from '../sweep/SweepPanel.svelte';
