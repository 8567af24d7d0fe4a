#!/usr/bin/env node
// Checks the web UI's translations, three checks with a closing "N passed, N failed" line:
//  1. every language in src/locales has the same message files, keys and {{placeholders}} as English;
//  2. every key that the code names (t('part.key'), i18nKey="…", labelKey: '…', or a `part.prefix.${…}`
//     template) exists;
//  3. no user-visible text is written in the code: JSX text, text in user-facing props (label, title,
//     aria-label, placeholder, …) and object properties of those names, strings inside JSX expressions,
//     and prose-like strings anywhere. A line that really is not UI text says so with `i18n-ignore`.
// Usage: node scripts/check-i18n.mjs [source folder, default src]
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const srcDir = path.resolve(root, process.argv[2] ?? 'src');
const localesDir = path.join(root, 'src', 'locales');
const REFERENCE = 'en';

const USER_FACING = new Set([
  'label', 'title', 'placeholder', 'description', 'aria-label', 'alt', 'error', 'message', 'tooltip',
  'confirmLabel', 'emptyLabel', 'nothingFoundMessage', 'children', 'hint', 'caption', 'heading',
  'subtitle', 'summary', 'help', 'explanation', 'legend', 'name-label',
]);
const KEY_PROPS = /Key$/; // labelKey, titleKey, …: the value is a message key

function walkFiles(dir, test) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walkFiles(full, test));
    else if (test(entry.name)) out.push(full);
  }
  return out.sort();
}

// ---- 1. message files
function flatten(value, prefix, into) {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, into);
  } else {
    into.set(prefix, String(value));
  }
  return into;
}

function loadLanguage(language) {
  const dir = path.join(localesDir, language);
  const messages = new Map();
  const files = fs.readdirSync(dir).filter((name) => name.endsWith('.json')).sort();
  for (const file of files) {
    const part = file.replace(/\.json$/, '');
    let data;
    try {
      data = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    } catch (error) {
      throw new Error(`${language}/${file}: ${error.message}`);
    }
    flatten(data, part, messages);
  }
  return { files, messages };
}

const placeholders = (text) => [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]).sort().join(',');

const languages = fs.readdirSync(localesDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
const loaded = Object.fromEntries(languages.map((language) => [language, loadLanguage(language)]));
const reference = loaded[REFERENCE].messages;
const parityProblems = [];
for (const language of languages) {
  if (language === REFERENCE) continue;
  const { files, messages } = loaded[language];
  for (const file of loaded[REFERENCE].files) if (!files.includes(file)) parityProblems.push(`${language}/${file}: missing file`);
  for (const file of files) if (!loaded[REFERENCE].files.includes(file)) parityProblems.push(`${language}/${file}: no such file in ${REFERENCE}`);
  for (const [key, text] of reference) {
    if (!messages.has(key)) parityProblems.push(`${language}: missing key ${key}`);
    else if (placeholders(text) !== placeholders(messages.get(key))) {
      parityProblems.push(`${language}: ${key} has placeholders {${placeholders(messages.get(key))}}, ${REFERENCE} has {${placeholders(text)}}`);
    }
    else if (messages.get(key).trim() === '') parityProblems.push(`${language}: empty text for ${key}`);
  }
  for (const key of messages.keys()) if (!reference.has(key)) parityProblems.push(`${language}: key ${key} is not in ${REFERENCE}`);
}

// ---- 2 and 3: the code
const usedKeys = []; // { key, prefix, where }
const literals = [];

const hasLetter = (text) => /\p{L}/u.test(text);
/** Prose: starts with a capital, has a space between words, and nothing that looks like code. */
const looksLikeProse = (text) =>
  /^\p{Lu}[\p{Ll}'’]*[\s,]/u.test(text.trim()) && /\p{L}\s+\p{L}/u.test(text) && !/[{}<>=;\\_`|]|=>|\/\/|--|var\(/.test(text);

function nameOf(node) {
  if (!node) return '';
  if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) return node.text;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isJsxNamespacedName?.(node)) return `${node.namespace.text}:${node.name.text}`;
  return node.getText?.() ?? '';
}

function isTranslateCall(node) {
  if (!ts.isCallExpression(node)) return false;
  const callee = node.expression;
  if (ts.isIdentifier(callee)) return callee.text === 't';
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text === 't';
  return false;
}

function stringParts(node) {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)];
  return null;
}

function recordKey(node, where) {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) usedKeys.push({ key: node.text, where });
  else if (ts.isTemplateExpression(node)) usedKeys.push({ prefix: node.head.text, where });
  else if (ts.isConditionalExpression(node)) {
    recordKey(node.whenTrue, where);
    recordKey(node.whenFalse, where);
  }
}

/** Walks up through expressions that pass a value on unchanged, to where the value is used. */
function useSite(node) {
  let current = node;
  while (
    current.parent &&
    (ts.isParenthesizedExpression(current.parent) ||
      (ts.isConditionalExpression(current.parent) && current.parent.condition !== current) ||
      (ts.isBinaryExpression(current.parent) &&
        [ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.PlusToken].includes(
          current.parent.operatorToken.kind,
        )) ||
      ts.isTemplateSpan(current.parent) ||
      ts.isTemplateExpression(current.parent) ||
      ts.isAsExpression(current.parent) ||
      ts.isSatisfiesExpression(current.parent))
  ) {
    current = current.parent;
  }
  return current;
}

for (const file of walkFiles(srcDir, (name) => /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts'))) {
  const text = fs.readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const lines = text.split('\n');
  const relative = path.relative(root, file);
  const where = (node) => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
    return { text: `${relative}:${line + 1}`, line };
  };
  const ignored = (line) => /i18n-ignore/.test(lines[line] ?? '') || /i18n-ignore/.test(lines[line - 1] ?? '');
  const report = (node, value, why) => {
    const at = where(node);
    if (!ignored(at.line)) literals.push(`${at.text}: ${why}: ${JSON.stringify(value.trim().slice(0, 70))}`);
  };

  const visit = (node) => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node) || ts.isLiteralTypeNode(node) || ts.isImportTypeNode(node)) return;

    if (isTranslateCall(node) && node.arguments[0]) {
      recordKey(node.arguments[0], where(node).text);
      node.arguments.slice(1).forEach(visit);
      return;
    }
    if (ts.isJsxAttribute(node) && nameOf(node.name) === 'i18nKey' && node.initializer) {
      const value = ts.isJsxExpression(node.initializer) ? node.initializer.expression : node.initializer;
      if (value) recordKey(value, where(node).text);
      return;
    }
    if (ts.isPropertyAssignment(node) && KEY_PROPS.test(nameOf(node.name))) {
      recordKey(node.initializer, where(node).text);
      return;
    }

    if (ts.isJsxText(node)) {
      if (hasLetter(node.text)) report(node, node.text, 'JSX text');
      return;
    }

    const parts = stringParts(node);
    if (parts) {
      const joined = parts.join(' ');
      if (hasLetter(joined)) {
        const site = useSite(node);
        const parent = site.parent;
        let why = null;
        if (ts.isJsxAttribute(parent)) {
          if (USER_FACING.has(nameOf(parent.name)) || looksLikeProse(joined)) why = `text in ${nameOf(parent.name)}`;
        } else if (ts.isJsxExpression(parent) && parent.parent && ts.isJsxAttribute(parent.parent)) {
          if (USER_FACING.has(nameOf(parent.parent.name)) || looksLikeProse(joined)) why = `text in ${nameOf(parent.parent.name)}`;
        } else if (ts.isJsxExpression(parent)) {
          why = 'text in JSX';
        } else if ((ts.isPropertyAssignment(parent) || ts.isBindingElement(parent) || ts.isParameter(parent)) && parent.initializer === site && USER_FACING.has(nameOf(parent.name))) {
          why = `text in ${nameOf(parent.name)}`;
        } else if (
          !ts.isCaseClause(parent) &&
          !(ts.isBinaryExpression(parent) && /=/.test(parent.operatorToken.getText(source)) && parent.operatorToken.kind !== ts.SyntaxKind.EqualsToken) &&
          !ts.isElementAccessExpression(parent) &&
          looksLikeProse(joined)
        ) {
          why = 'prose';
        }
        if (why) report(node, joined, why);
      }
      if (ts.isTemplateExpression(node)) node.templateSpans.forEach((span) => visit(span.expression));
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}

const keyProblems = [];
const knownKeys = [...reference.keys()];
const exists = (key) => reference.has(key) || reference.has(`${key}_one`) || reference.has(`${key}_other`);
for (const use of usedKeys) {
  if (use.key !== undefined) {
    if (!exists(use.key)) keyProblems.push(`${use.where}: no message ${use.key} in ${REFERENCE}`);
  } else if (!knownKeys.some((key) => key.startsWith(use.prefix))) {
    keyProblems.push(`${use.where}: no message starts with ${use.prefix} in ${REFERENCE}`);
  }
}

const checks = [
  [`every language has the keys of ${REFERENCE} (${languages.join(', ')}; ${reference.size} keys)`, parityProblems],
  [`every key used in the code exists (${usedKeys.length} uses)`, keyProblems],
  ['no untranslated text in the code', literals],
];
let failed = 0;
for (const [name, problems] of checks) {
  console.log(`${problems.length ? 'FAIL' : 'ok  '} ${name}`);
  for (const problem of problems) console.log(`     ${problem}`);
  if (problems.length) failed += 1;
}
console.log(`i18n: ${checks.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
