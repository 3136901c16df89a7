import path from 'node:path';
import { componentFiles, findingsIn } from './tests/unit/i18n/literal-strings';
const ROOT = path.resolve('.');
const prefixes = process.argv.slice(2);
for (const f of componentFiles(ROOT, 'src-renderer').filter((f) => prefixes.some((p) => f.startsWith(p))))
  for (const x of findingsIn(ROOT, f)) console.log(`${x.file}:${x.line} ${x.text}`);
