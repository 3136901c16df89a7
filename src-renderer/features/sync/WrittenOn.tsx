import { useT } from '../../app/i18n';

/**
 * Who wrote what (issue 18): the computer a note was signed on, an addendum or an audit entry
 * written on. Records from before carry no computer and show nothing here.
 */
export function SignedOnComputer({ by, computer }: { by: string | null; computer: string | undefined }) {
  const t = useT();
  if (!computer) return null;
  return (
    <p className="signed-on-computer muted" data-testid="signed-on-computer">
      {t('sync.authorship.signedOn', { by: by ?? '', computer })}
    </p>
  );
}

/** " · on computer B" after an addendum's author, or "A on computer B" in the audit log. */
export function WrittenOnComputer({
  author,
  computer,
}: {
  author?: string | undefined;
  computer: string | undefined;
}) {
  const t = useT();
  if (!computer && !author) return null;
  const words = computer
    ? author
      ? t('sync.authorship.byOnComputer', { author, computer })
      : t('sync.authorship.onComputer', { computer })
    : (author ?? '');
  return <span className="written-on-computer"> · {words}</span>;
}
