/**
 * The operators' files (docs/operations/): the alert rules and the Grafana dashboard parse, and every metric they
 * query is one the product exports, so a renamed metric cannot silently leave an alert that never fires.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { workerRegistry } from '../../worker/ops-server';
import { WebMetrics } from '../../web/metrics';
import type { Db } from '../../platform/database';

const DOCS = path.resolve(__dirname, '../../docs/operations');

/** The Temporal SDK's runtime metrics the files use (its exporter's names, countersTotalSuffix off). */
const SDK_METRICS = [
  'temporal_workflow_task_execution_failed',
  'temporal_num_pollers',
  'temporal_workflow_task_schedule_to_start_latency',
];

async function exportedNames(): Promise<Set<string>> {
  const web = (await new WebMetrics().registry.getMetricsAsJSON()).map((m) => m.name);
  const worker = workerRegistry({} as Db)
    .getMetricsAsArray()
    .map((m) => (m as unknown as { name: string }).name);
  return new Set([...web, ...worker, ...SDK_METRICS]);
}

/** Metric names in a PromQL expression (functions and keywords aside), histogram suffixes folded. */
function metricsIn(expr: string): string[] {
  const words = expr.replace(/\{[^}]*\}/g, '').match(/[a-z_][a-z0-9_]*/g) ?? [];
  return words
    .filter((w) => w.startsWith('commission_prep_') || w.startsWith('temporal_'))
    .map((w) => w.replace(/_(bucket|sum|count)$/, ''));
}

describe('operations files', () => {
  it('alert rules parse, each with a summary, and query only exported metrics', async () => {
    const rules = parse(readFileSync(path.join(DOCS, 'alert-rules.yml'), 'utf8')) as {
      groups: { rules: { alert: string; expr: string; annotations: { summary: string } }[] }[];
    };
    const names = await exportedNames();
    const all = rules.groups.flatMap((g) => g.rules);
    expect(all.map((r) => r.alert)).toEqual(
      expect.arrayContaining([
        'CommissionPrepMailBacklog',
        'CommissionPrepMailUncertain',
        'CommissionPrepDateMissed',
        'CommissionPrepWorkflowTaskFailures',
      ]),
    );
    for (const rule of all) {
      expect(rule.annotations.summary.length).toBeGreaterThan(0);
      expect(metricsIn(rule.expr).length).toBeGreaterThan(0);
      for (const metric of metricsIn(rule.expr)) expect([rule.alert, names.has(metric)]).toEqual([rule.alert, true]);
    }
  });

  it('the dashboard is JSON whose panels query only exported metrics', async () => {
    const dashboard = JSON.parse(readFileSync(path.join(DOCS, 'grafana-dashboard.json'), 'utf8')) as {
      panels: { title: string; targets: { expr: string }[] }[];
    };
    const names = await exportedNames();
    expect(dashboard.panels.length).toBeGreaterThan(5);
    for (const panel of dashboard.panels)
      for (const { expr } of panel.targets)
        for (const metric of metricsIn(expr)) expect([panel.title, names.has(metric)]).toEqual([panel.title, true]);
  });
});
