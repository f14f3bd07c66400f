import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The one rule ESLint cannot say per import: feature folders depend on each other one way only. Each folder of
 * lib/, db/ and components/ is a node, app/ one node; an import from one to another is an arrow. A cycle (booking →
 * payments → booking) means neither can be read, tested or moved without the other — this test names its imports.
 */
const SOURCE = /\.(ts|tsx)$/;
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm;

function sourceFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', 'app', 'lib', 'db', 'components'], { encoding: 'utf8' });
  return out.split('\n').filter((f) => SOURCE.test(f) && !/\.(test|e2e)\.tsx?$/.test(f) && existsSync(f));
}

function resolve(from: string, spec: string): string | null {
  const base = spec.startsWith('@/') ? spec.slice(2) : spec.startsWith('.') ? path.join(path.dirname(from), spec) : null;
  if (base === null) return null;
  for (const ext of ['', '.ts', '.tsx', '/index.ts', '/index.tsx']) {
    const p = base + ext;
    if (existsSync(p) && statSync(p).isFile()) return path.normalize(p);
  }
  return null;
}

/** lib/booking/hold.ts → lib/booking; lib/env.ts → lib/env; app/** → app. */
export function folderOf(file: string): string {
  const parts = file.split('/');
  if (parts[0] === 'app') return 'app';
  return parts.length > 2 ? `${parts[0]}/${parts[1]}` : `${parts[0]}/${parts[1].replace(SOURCE, '')}`;
}

function folderGraph(files: string[]): Map<string, Map<string, string[]>> {
  const graph = new Map<string, Map<string, string[]>>();
  for (const file of files) {
    const from = folderOf(file);
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const target = resolve(file, spec);
      if (!target) continue;
      const to = folderOf(target);
      if (to === from) continue;
      const edges = graph.get(from) ?? new Map<string, string[]>();
      edges.set(to, [...(edges.get(to) ?? []), `${file} → ${target}`]);
      graph.set(from, edges);
    }
  }
  return graph;
}

/** Every pair of folders that import each other, directly or round a longer loop (Tarjan's strongly connected components). */
function cycles(graph: Map<string, Map<string, string[]>>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1) out.push(scc.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return out;
}

describe('architecture', () => {
  it('has no import cycle between folders', () => {
    const graph = folderGraph(sourceFiles());
    const found = cycles(graph).map((scc) => {
      const arrows = scc.flatMap((a) => scc.filter((b) => graph.get(a)?.has(b)).map((b) => `${a} → ${b}: ${graph.get(a)!.get(b)![0]}`));
      return `${scc.join(' ⇄ ')}\n  ${arrows.join('\n  ')}`;
    });
    expect(found, found.join('\n')).toEqual([]);
  });

  it('reports a cycle when two folders import each other', () => {
    const graph = new Map([
      ['lib/booking', new Map([['lib/payments', ['a']]])],
      ['lib/payments', new Map([['lib/booking', ['b']]])],
      ['app', new Map([['lib/booking', ['c']]])],
    ]);
    expect(cycles(graph)).toEqual([['lib/booking', 'lib/payments']]);
  });
});
