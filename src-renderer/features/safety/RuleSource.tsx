import { referencesOf } from '../../../src-shared/safety/references';
import { useT } from '../../app/i18n';

/**
 * Where a rule comes from, written so a therapist can look it up: each website as an address to
 * type into a browser (selectable, not a link: the app opens no web pages), each book by name.
 */
export function RuleSource({ source }: { source: string }) {
  const t = useT();
  const references = referencesOf(source);
  if (references.length === 0) return null;
  return (
    <p className="finding-source">
      {t('safety.source.label', { count: references.length })}{' '}
      {references.map((reference, i) => (
        <span key={reference.text}>
          {i > 0 && '; '}
          {reference.kind === 'website' ? (
            <span className="reference-address">{reference.text}</span>
          ) : (
            reference.text
          )}
        </span>
      ))}
    </p>
  );
}
