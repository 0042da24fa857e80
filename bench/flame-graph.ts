/**
 * Draws a V8 CPU profile (`.cpuprofile`, from bench/cpu-profile.ts or `node --cpu-prof`) as a
 * flame graph (SVG, every call path as wide as its share of the CPU, callers below callees) and
 * prints where the CPU went by package and the functions with the most self time.
 *
 *   node -r ./tools/runtime/register-paths.js dist/bench/flame-graph.js <profile> <out.svg> [title]
 *
 * Our own, about a hundred lines: the npm flame graph packages read the old profile format
 * (thlorenz/flamegraph says so itself) or draw in a browser only, and Brendan Gregg's and
 * inferno's renderers need Perl or a Rust build for what is a walk over a tree.
 */
import { readFileSync, writeFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a frame's code lives: a package, our code (libs/x, services/x), Node itself or V8. */
export function packageOf(url: string, name: string): string {
  if (name === '(garbage collector)') return 'V8: garbage collector';
  if (name === '(program)') return 'V8: program (native, compiling)';
  if (name === '(idle)') return 'idle';
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules) return modules[1];
  const ours = /\/dist\/((?:libs|services)\/[^/]+)/.exec(url);
  if (ours) return ours[1];
  if (url.startsWith('node:') || url === '') return 'node (core, native)';
  return url;
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function main(): void {
  const [file, out, title = 'CPU flame graph'] = process.argv.slice(2);
  if (!file || !out) throw new Error('usage: flame-graph <profile.cpuprofile> <out.svg> [title]');
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  // Self time of each node: the time until the next sample is the sampled frame's.
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) =>
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000),
  );
  const idle = (n: ProfileNode) => n.callFrame.functionName === '(idle)';
  const total = new Map<number, number>();
  const totalOf = (n: ProfileNode): number => {
    if (idle(n)) return 0;
    const t =
      (self.get(n.id) ?? 0) +
      (n.children ?? []).reduce((sum, c) => sum + totalOf(byId.get(c) as ProfileNode), 0);
    total.set(n.id, t);
    return t;
  };
  const root = profile.nodes[0];
  const busyMs = totalOf(root);

  // Where the CPU went.
  const byPackage = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const n of profile.nodes) {
    const ms = self.get(n.id) ?? 0;
    if (ms === 0 || idle(n)) continue;
    const pkg = packageOf(n.callFrame.url, n.callFrame.functionName);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + ms);
    const fn = `${n.callFrame.functionName || '(anonymous)'} (${pkg}:${n.callFrame.lineNumber + 1})`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + ms);
  }
  const top = (m: Map<string, number>, k: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, k)
      .map(([name, ms]) => `${((100 * ms) / busyMs).toFixed(1).padStart(5)}%  ${name}`)
      .join('\n');
  process.stdout.write(
    `CPU busy ${(busyMs / 1000).toFixed(1)} s (idle left out)\n\nby package (self time):\n${top(byPackage, 25)}\n\n` +
      `functions with the most self time:\n${top(byFunction, 30)}\n`,
  );

  // The flame graph.
  const width = 1200;
  const frame = 16;
  const boxes: string[] = [];
  let depthMax = 0;
  const colour = (pkg: string) =>
    pkg.startsWith('V8')
      ? '#e57373'
      : pkg.startsWith('node ')
        ? '#90caf9'
        : /^(libs|services)\//.test(pkg)
          ? '#81c784'
          : '#ffb74d';
  const draw = (n: ProfileNode, x: number, depth: number) => {
    const t = total.get(n.id) ?? 0;
    const w = (t / busyMs) * width;
    if (w < 0.3) return;
    depthMax = Math.max(depthMax, depth);
    const name = n.callFrame.functionName || '(anonymous)';
    const pkg = packageOf(n.callFrame.url, name);
    const label = `${name} — ${pkg} (${((100 * t) / busyMs).toFixed(1)}%)`;
    const chars = Math.floor((w - 4) / 6.5);
    const text = chars >= 3 ? (name.length > chars ? `${name.slice(0, chars - 1)}…` : name) : '';
    boxes.push(
      `<g><title>${escape(label)}</title><rect x="${x.toFixed(1)}" y="${depth}" width="${w.toFixed(1)}" height="${frame - 1}" fill="${colour(pkg)}"/>` +
        (text ? `<text x="${(x + 2).toFixed(1)}" y="${depth}">${escape(text)}</text>` : '') +
        '</g>',
    );
    let cx = x;
    for (const c of n.children ?? []) {
      const child = byId.get(c) as ProfileNode;
      draw(child, cx, depth + 1);
      cx += ((total.get(c) ?? 0) / busyMs) * width;
    }
  };
  draw(root, 0, 0);
  const height = (depthMax + 3) * frame;
  // Depth 0 at the bottom: y is turned into pixels once the depth is known.
  const svg = boxes
    .join('\n')
    .replace(/ y="(\d+)"/g, (_, d: string) => ` y="${height - (Number(d) + 1) * frame}"`)
    .replace(
      /<text x="([\d.]+)" y="(\d+)"/g,
      (_, x: string, y: string) => `<text x="${x}" y="${Number(y) + 11}"`,
    );
  writeFileSync(
    out,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height + frame * 2}" font-family="monospace" font-size="11">\n` +
      `<text x="4" y="14" font-size="13">${escape(title)} — ${(busyMs / 1000).toFixed(1)} s of CPU; ` +
      `green our code, orange packages, blue Node, red V8</text>\n<g transform="translate(0, ${frame * 2})">\n${svg}\n</g></svg>\n`,
  );
}

main();
