import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

/** The console's initial JavaScript (the entry and what it imports statically) must stay small. */
const INITIAL_BUDGET_GZIP = 400 * 1024;

/**
 * After the build: the gzipped size of the initial JavaScript (entry chunk + its static imports;
 * pages load later, code-split per area), written to bundle-report.json; over budget fails the build.
 */
function initialBudget(): Plugin {
  let outDir = '';
  return {
    name: 'qis-initial-budget',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    writeBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
      const entry = chunks.find((c) => c.type === 'chunk' && c.isEntry);
      if (!entry || entry.type !== 'chunk') return;
      const initial = new Set<string>([entry.fileName]);
      const visit = (file: string) => {
        const chunk = bundle[file];
        if (chunk?.type !== 'chunk') return;
        for (const imported of chunk.imports) {
          if (initial.has(imported)) continue;
          initial.add(imported);
          visit(imported);
        }
      };
      visit(entry.fileName);
      const sizes = [...initial].map((file) => ({
        file,
        gzip: gzipSync(readFileSync(path.join(outDir, file))).length,
      }));
      const total = sizes.reduce((sum, s) => sum + s.gzip, 0);
      const lazy = chunks.length - initial.size;
      writeFileSync(
        path.join(outDir, 'bundle-report.json'),
        JSON.stringify(
          { initialGzipBytes: total, budgetBytes: INITIAL_BUDGET_GZIP, initial: sizes, lazyChunks: lazy },
          null,
          2,
        ),
      );
      const line = `console: initial JavaScript ${(total / 1024).toFixed(1)} KB gzipped (budget ${INITIAL_BUDGET_GZIP / 1024} KB), ${lazy} lazy chunks`;
      if (total > INITIAL_BUDGET_GZIP) throw new Error(`${line}: over budget`);
      this.info(line);
    },
  };
}

export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [initialBudget()],
  build: {
    outDir: path.resolve(import.meta.dirname, '../../dist/apps/console'),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
        // pdf.js's worker ships as .mjs; nginx's mime.types knows no .mjs (it would be served as
        // application/octet-stream, which a module worker refuses), so it is emitted as .js.
        assetFileNames: (asset) =>
          asset.names.some((n) => n.endsWith('.mjs'))
            ? 'assets/[name]-[hash].js'
            : 'assets/[name]-[hash][extname]',
      },
      onwarn(warning, warn) {
        // antd marks its modules "use client" for React Server Components; meaningless in this SPA.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
});
