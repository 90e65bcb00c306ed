import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

type Violation = { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] };

/**
 * Runs axe-core on the page as it is now and throws on any serious or critical violation, naming the rule
 * and the first elements. Injected through the DevTools protocol (page.evaluate), so the portal's CSP, which
 * allows no inline script, stays on. Every journey calls it on every page it visits, at both widths.
 *
 * Only the rules that can report a serious or critical violation run: a violation's impact is the highest of
 * its failing checks' impacts, each fixed in axe's metadata (or the rule's own, when it sets one), so a rule
 * whose checks are all minor or moderate can never fail this function, and its time (30–40 % of a run on the
 * demo pages; docs/PERFORMANCE.md, fourth pass) bought nothing. The rules are read from axe as loaded, so a new
 * axe version's serious rules run without a list here to keep up; if axe's internals change shape, every
 * rule runs, as before.
 */
export async function expectAccessible(page: Page, where = page.url()): Promise<void> {
  const hasAxe = await page.evaluate(() => 'axe' in window);
  if (!hasAxe) await page.evaluate(axeSource);
  const violations = (await page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected at run time, without types in the page
    const axe = (window as any).axe;
    const rank = ['minor', 'moderate', 'serious', 'critical'];
    const rules: Record<string, { enabled: false }> = {};
    const checks = axe._audit?.data?.checks;
    type CheckRef = string | { id: string };
    type Rule = { id: string; impact?: string; any?: CheckRef[]; all?: CheckRef[]; none?: CheckRef[] };
    if (checks && Array.isArray(axe._audit.rules))
      for (const rule of axe._audit.rules as Rule[]) {
        const ids = [...(rule.any ?? []), ...(rule.all ?? []), ...(rule.none ?? [])].map((c) =>
          typeof c === 'string' ? c : c.id,
        );
        // A check without a known impact counts as serious: its rule runs.
        const worst = rule.impact
          ? rank.indexOf(rule.impact)
          : Math.max(-1, ...ids.map((id) => (checks[id]?.impact ? rank.indexOf(checks[id].impact) : 2)));
        if (worst >= 0 && worst < 2) rules[rule.id] = { enabled: false };
      }
    const result = await axe.run(document, { resultTypes: ['violations'], rules });
    return result.violations;
  })) as Violation[];
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (serious.length === 0) return;
  const lines = serious.map(
    (v) =>
      `${v.impact} ${v.id}: ${v.help} — ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(' | ')}${v.nodes.length > 3 ? ` (+${v.nodes.length - 3} more)` : ''}`,
  );
  throw new Error(`Accessibility (axe) at ${where}:\n${lines.join('\n')}`);
}
