/**
 * Debian's Chromium driven by playwright-core (Playwright's own browser download cannot reach its site here).
 * CHROMIUM_PATH overrides the location; `.ci/run` and `npm run bootstrap` install the package when it is missing.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import axe from 'axe-core';

export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
    (p): p is string => !!p,
  );
  const found = candidates.find((p) => existsSync(p));
  if (!found)
    throw new Error(
      `Chromium not found (looked at ${candidates.join(', ')}): run \`apt-get install chromium\` or set CHROMIUM_PATH`,
    );
  return found;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

export interface AxeViolation {
  id: string;
  impact: string | null | undefined;
  help: string;
  nodes: number;
}

/** Runs axe-core in the page and returns the serious and critical violations. */
export async function seriousAccessibilityViolations(page: Page): Promise<AxeViolation[]> {
  // The pages' Content-Security-Policy refuses inline scripts, as it should: axe enters through the browser's own
  // evaluation channel (DevTools protocol), which page policies do not govern.
  await page.evaluate(axe.source);
  // A string expression runs in the page; the project's TypeScript has no DOM types to check it against.
  const violations = await page.evaluate<AxeViolation[]>(
    'axe.run(document).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length })))',
  );
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
