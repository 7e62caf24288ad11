/** Every `npm run` script installs what it needs first (README, "Two commands"): a fresh clone never meets a missing module. */
import { readFileSync } from 'node:fs';
import path from 'node:path';

const { scripts } = JSON.parse(readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8')) as {
  scripts: Record<string, string>;
};

describe('npm scripts', () => {
  const own = Object.keys(scripts).filter((name) => !name.startsWith('pre') || !(name.slice(3) in scripts));
  it.each(own.filter((name) => name !== 'bootstrap'))('%s runs the bootstrap before it starts', (name) => {
    expect(scripts[`pre${name}`] ?? '').toMatch(/^node scripts\/bootstrap\.mjs/);
  });

  it('the test run also installs the browser it drives', () => {
    expect(scripts.pretest).toContain('--with-browser');
  });
});
