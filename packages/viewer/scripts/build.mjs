#!/usr/bin/env node
// Bundles the web app (src/web) with esbuild into dist/: app.js, app.css, index.html, and chunks
// for what the first paint does not need (the query console's CodeMirror), loaded on first use.
// The layout workers are inlined by graphology as blob: URLs.
import { build as esbuild } from 'esbuild';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'dist');
const STATIC = path.join(ROOT, 'src/web/static');

export async function build({ minify = true, sourcemap = true, quiet = false } = {}) {
  const t0 = Date.now();
  await rm(DIST, { recursive: true, force: true });
  await mkdir(DIST, { recursive: true });
  await esbuild({
    entryPoints: [path.join(ROOT, 'src/web/main.ts')],
    outdir: DIST,
    entryNames: 'app',
    chunkNames: 'chunk-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: ['chrome110', 'firefox110', 'safari16'],
    minify,
    sourcemap,
    legalComments: 'none',
    logLevel: quiet ? 'silent' : 'warning',
    // graphology checks process.env in a few places; there is no process in a browser.
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  await Promise.all(['index.html', 'app.css'].map((f) => copyFile(path.join(STATIC, f), path.join(DIST, f))));
  if (!quiet) console.error(`viewer built into ${path.relative(process.cwd(), DIST) || '.'} in ${Date.now() - t0} ms`);
  return DIST;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  build({ minify: !process.argv.includes('--dev') }).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
