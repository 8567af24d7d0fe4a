import type { Resource, ResourceKey } from 'i18next';

/** Every `src/locales/<language>/<part>.json`, as `<part>.<key>` in that language's one namespace. */
const files = import.meta.glob<ResourceKey>('../locales/*/*.json', { eager: true, import: 'default' });

export const resources: Resource = {};
for (const [path, messages] of Object.entries(files)) {
  const [, language, part] = /\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path) ?? [];
  if (!language || !part) continue;
  resources[language] ??= { translation: {} };
  (resources[language].translation as Record<string, ResourceKey>)[part] = messages;
}
