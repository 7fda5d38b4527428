// The plain scikit-learn baseline (bench/baseline.py) run on pairs of texts, for the benches that compare with it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One comparison the baseline scores: the real texts against the synthetic ones. */
export interface BaselinePair {
  readonly name: string;
  readonly real: readonly string[];
  readonly synthetic: readonly string[];
}

// Debian's python3-sklearn installs for Debian's interpreter, which may not be the first python3 on PATH.
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

/**
 * The baseline's out-of-fold AUC and its time per pair name. Installs python3-sklearn with apt-get where it is
 * missing; returns an empty map (and says why) when it cannot run, so a bench prints "-" instead of stopping.
 */
export function sklearnBaseline(all: readonly BaselinePair[]): Map<string, { auc: number; seconds: number }> {
  const results = new Map<string, { auc: number; seconds: number }>();
  const python = spawnSync(PYTHON, ['-c', 'import sklearn'], { encoding: 'utf8' });
  if (python.status !== 0) {
    const apt = spawnSync('sh', ['-c', 'command -v apt-get >/dev/null && (apt-get update -qq && apt-get install -y -qq python3-sklearn) >/dev/null 2>&1'], { stdio: 'inherit' });
    if (apt.status !== 0) {
      console.log('baseline skipped: python3-sklearn is not installed and apt-get is not available');
      return results;
    }
  }
  const file = join(mkdtempSync(join(tmpdir(), 'synthgap-baseline-')), 'pairs.json');
  writeFileSync(file, JSON.stringify(all.map(({ name, real, synthetic }) => ({ name, real, synthetic }))));
  const run = spawnSync(PYTHON, [join(__dirname, 'baseline.py'), file], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (run.status !== 0) {
    console.log(`baseline failed: ${run.stderr.trim().split('\n').pop()}`);
    return results;
  }
  for (const line of run.stdout.trim().split('\n')) {
    const parsed = JSON.parse(line) as { name: string; auc: number; seconds: number };
    results.set(parsed.name, parsed);
  }
  return results;
}
