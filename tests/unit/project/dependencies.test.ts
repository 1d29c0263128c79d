/**
 * Every package the code imports is declared in package.json, where it
 * belongs: `dependencies` are what building the site needs (everything
 * src/ and astro.config.mjs import, and the Node the build runs on), so
 * `npm install --omit=dev && npm run build` works; `devDependencies` are
 * what only tests, type checks, benchmarks and CI need. A package resolving
 * only because another one installs it is a bug waiting for an upgrade.
 * Packages whose internal format the code reads are pinned exactly.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { test } from 'node:test';

const root = path.resolve(import.meta.dirname, '../../..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };

/** Declared but never imported, each for a reason a scan cannot see. */
const NOT_IMPORTED: Record<string, string> = {
  node: 'the build and every script run on Node 24 from node_modules/.bin (Astro 7 needs >= 22.12)',
  typescript: 'astro check type-checks with it',
  '@astrojs/check': 'npm run check is astro check',
  '@types/node': 'types of node: imports',
  // A key ending in "/" covers every package of that scope.
  '@fontsource-variable/': 'font files the card renderer reads by path (src/lib/cards/fonts.ts): the build needs them',
};

const reasonFor = (name: string) => NOT_IMPORTED[name] ?? Object.entries(NOT_IMPORTED).find(([k]) => k.endsWith('/') && name.startsWith(k))?.[1];

/** Packages whose files the code reads directly, not only their API: an upgrade may change the format. */
const READS_FORMAT: Record<string, string> = {
  pagefind: 'src/lib/build/search-index.ts reads its fragment files; tests/unit/build/pagefind-format.test.ts guards the format',
  wawoff2: 'src/lib/cards/font.ts calls its internal build/decompress_binding.js, to decode fonts synchronously',
};

/** Files whose imports the build needs. */
const isBuildFile = (file: string) => file.startsWith('src/') || file === 'astro.config.mjs';

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && /\.(ts|mjs|js|astro)$/.test(d.name) && !d.parentPath.includes('fixtures'))
    .map((d) => path.relative(root, path.join(d.parentPath, d.name)).split(path.sep).join('/'));
}

/** Module specifiers a file imports, and whether only as types. */
export function importsOf(text: string): Array<{ specifier: string; typeOnly: boolean; required?: true }> {
  const out: Array<{ specifier: string; typeOnly: boolean; required?: true }> = [];
  for (const m of text.matchAll(/(?:^|[;\n])\s*(import|export)(\s+type)?\s+(?:[^'";]*?\sfrom\s*)?['"]([^'"]+)['"]/g)) out.push({ specifier: m[3], typeOnly: Boolean(m[2]) });
  for (const m of text.matchAll(/\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push({ specifier: m[1], typeOnly: false });
  // CommonJS loads: require('x'), require.resolve('x'), createRequire(import.meta.url)('x').
  for (const m of text.matchAll(/(?:\brequire(?:\.resolve)?|\bcreateRequire\([^)]*\))\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push({ specifier: m[1], typeOnly: false, required: true });
  return out;
}

/** The package a bare specifier names (`astro:content` is Astro's), or undefined for files and built-ins. */
export function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:') || builtinModules.includes(specifier)) return undefined;
  if (specifier.startsWith('astro:')) return 'astro';
  // Modules that Vite plugins of this project serve (src/integrations/).
  if (specifier.startsWith('virtual:')) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** True when an installed package ships its own type declarations. */
function hasOwnTypes(name: string): boolean {
  const dir = path.join(root, 'node_modules', name);
  if (!existsSync(path.join(dir, 'package.json'))) return false;
  const manifest = readFileSync(path.join(dir, 'package.json'), 'utf8');
  if (/"(types|typings)"\s*:/.test(manifest)) return true;
  // Declarations beside the code (dist/index.d.ts next to dist/index.js) count too.
  return readdirSync(dir, { withFileTypes: true, recursive: true }).some((d) => d.isFile() && /\.d\.[mc]?ts$/.test(d.name) && !path.relative(dir, d.parentPath).includes('node_modules'));
}

const typesPackage = (name: string) => `@types/${name.replace('@', '').replace('/', '__')}`;

function scan() {
  // This file's examples are strings, not imports.
  const self = path.relative(root, import.meta.filename);
  const files = ['astro.config.mjs', 'playwright.config.ts', ...['src', 'scripts', 'tests', '.ci'].flatMap(sourceFiles)].filter((f) => f !== self);
  const used = new Map<string, { build: boolean; files: Set<string> }>();
  for (const file of files) {
    for (const { specifier, typeOnly, required } of importsOf(readFileSync(path.join(root, file), 'utf8'))) {
      const name = packageOf(specifier);
      if (!name) continue;
      const note = (declared: string, build: boolean) => {
        const u = used.get(declared) ?? { build: false, files: new Set<string>() };
        u.build ||= build;
        u.files.add(file);
        used.set(declared, u);
      };
      // Types alone (`import type` from hast) come from an @types package, which only type checks need.
      if (!typeOnly || hasOwnTypes(name)) note(name, isBuildFile(file) && !typeOnly);
      // require() gives `any`: the code states the type it expects, so no @types package is needed.
      if (!hasOwnTypes(name) && !required) note(typesPackage(name), false);
    }
  }
  return used;
}

test('importsOf and packageOf read specifiers as Node does', () => {
  assert.deepEqual(importsOf(`import a from 'a';\nimport type { B } from "@b/c/d";\nexport { x } from './x.ts';\nconst m = await import('m');\nimport 'side';\nconst w = createRequire(import.meta.url)('w/x.js');\nrequire.resolve('r');`), [
    { specifier: 'a', typeOnly: false },
    { specifier: '@b/c/d', typeOnly: true },
    { specifier: './x.ts', typeOnly: false },
    { specifier: 'side', typeOnly: false },
    { specifier: 'm', typeOnly: false },
    { specifier: 'w/x.js', typeOnly: false, required: true },
    { specifier: 'r', typeOnly: false, required: true },
  ]);
  assert.deepEqual(['fs', 'node:fs', './a', 'astro:content', 'astro/loaders', '@b/c/d', 'yaml'].map(packageOf), [undefined, undefined, undefined, 'astro', 'astro', '@b/c', 'yaml']);
});

test('every imported package is declared, and what the build imports is a dependency', () => {
  const problems: string[] = [];
  for (const [name, u] of scan()) {
    const where = [...u.files].slice(0, 2).join(', ');
    if (!(name in pkg.dependencies) && !(name in pkg.devDependencies)) problems.push(`${name} is imported (${where}) but not declared`);
    else if (u.build && !(name in pkg.dependencies)) problems.push(`${name} is imported by the build (${where}) but is a devDependency`);
    else if (!u.build && name in pkg.dependencies) problems.push(`${name} is only used by tests and tools (${where}) but is a dependency`);
  }
  assert.deepEqual(problems, []);
});

test('every declared package is imported, or has a stated reason', () => {
  const used = scan();
  const unused = [...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies)].filter((n) => !used.has(n) && !reasonFor(n));
  assert.deepEqual(unused, []);
  const fonts = Object.keys(pkg.devDependencies).filter((n) => n.startsWith('@fontsource-variable/'));
  assert.deepEqual(fonts, [], 'card fonts are read by the build: they are dependencies');
  assert.ok('node' in pkg.dependencies, 'the build runs on the node package: it is a dependency');
});

test('packages whose format the code reads are pinned to one version', () => {
  for (const name of Object.keys(READS_FORMAT)) {
    const spec = pkg.dependencies[name] ?? pkg.devDependencies[name];
    assert.match(spec ?? '', /^\d+\.\d+\.\d+$/, `${name} is "${spec}": pin it exactly (${READS_FORMAT[name]})`);
  }
});
