import { CATALOG_IDS, type CatalogId, catalogItem } from '../safety/catalog';
import { builtInRule } from '../safety/rules';
import { LANGUAGES } from './languages';
import { type Translate, translatorFor } from './translator';

/**
 * The built-in condition list's names and the built-in safety rules' titles in the reader's
 * language, wherever a record stored them in words (a health history's condition, a note's
 * safety finding, a clearance). What the record keeps never changes; what the therapist typed
 * is shown as typed: only a name Stillpoint itself wrote is translated, by its id.
 */

function isCatalogId(id: string): id is CatalogId {
  return (CATALOG_IDS as readonly string[]).includes(id);
}

/** Every name Stillpoint may have stored for a condition picked from the list, in any language. */
function storedCatalogNames(id: CatalogId): ReadonlySet<string> {
  let names = catalogNames.get(id);
  if (!names) {
    names = new Set([
      catalogItem(id)?.label ?? '',
      ...LANGUAGES.map((language) => translatorFor(language)(`safety.catalog.${id}`)),
    ]);
    catalogNames.set(id, names);
  }
  return names;
}
const catalogNames = new Map<CatalogId, ReadonlySet<string>>();

/**
 * A health history's condition as the reader should see it. A condition picked from the list is
 * stored with its name in the app's language of that day ("Osteoporosis", "Ostéoporose"); while
 * the stored name is still one of those, it is shown in `t`'s language. A name the therapist
 * typed or changed after picking ("Osteoporosis, lumbar spine") stays exactly as written.
 */
export function conditionName(t: Translate, condition: { catalogId: string | null; label: string }): string {
  const { catalogId, label } = condition;
  if (catalogId === null || !isCatalogId(catalogId)) return label;
  return storedCatalogNames(catalogId).has(label.trim()) ? t(`safety.catalog.${catalogId}`) : label;
}

/**
 * A safety rule's title by its id: a built-in rule's from the catalogue, a practice's own rule as
 * the practice wrote it (`stored`, the title kept with the finding or clearance), else the id.
 * Practice rules' ids are never a built-in id (SafetySettingsSchema refuses it).
 */
export function ruleTitle(t: Translate, ruleId: string, stored?: string): string {
  const rule = builtInRule(ruleId);
  if (rule) return t(`safety.rules.${rule.id}`);
  return stored?.trim() || ruleId;
}
