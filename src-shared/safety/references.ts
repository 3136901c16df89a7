/**
 * A rule's source, as a therapist reads it: each reference on its own, websites written as
 * addresses they can type into a browser, books and notes as they are. The rule table keeps one
 * short string per rule (as DOMAIN.md lists it); this is how it is shown.
 */
export interface Reference {
  kind: 'website' | 'text';
  /** For a website, the address to type ("https://craniolongevity.com"); else the reference itself. */
  text: string;
}

const WEBSITE = /^(?:[a-z0-9-]+\.)+[a-z]{2,}$/iu;
/** "via everything.explained.today": the work first, the website it was read on after. */
const VIA = /^(.*?),\s*via\s+(\S+)$/u;

export function referencesOf(source: string): Reference[] {
  return source
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .flatMap((part): Reference[] => {
      if (WEBSITE.test(part)) return [{ kind: 'website', text: `https://${part}` }];
      const via = VIA.exec(part);
      if (via?.[1] && via[2] && WEBSITE.test(via[2])) {
        return [
          { kind: 'text', text: via[1] },
          { kind: 'website', text: `https://${via[2]}` },
        ];
      }
      return [{ kind: 'text', text: part }];
    });
}
