import { formatSessionDate } from '../../../src-shared/aftercare';
import type { AftercareSheet } from '../../../src-shared/domain/aftercare';
import { languageOfTag, translatorFor } from '../../../src-shared/i18n';
import { useT } from '../../app/i18n';

/**
 * An on-screen rendition of the handout, from the same sheet the PDF is made from, so the
 * therapist reads what the client will get. Text only: nothing from a record becomes markup.
 */
export function AftercarePreview({ sheet }: { sheet: AftercareSheet }) {
  const t = useT();
  const { practice } = sheet;
  // The preview reads like the paper: headings in the handout's (the client's) language.
  const language = languageOfTag(sheet.locale) ?? 'en';
  const h = translatorFor(language);
  const contactLine = [practice.phone, practice.email, practice.website].filter((s) => s.trim()).join(' · ');
  return (
    <article
      lang={language}
      className={`handout-preview paper-${sheet.paperSize.toLowerCase()}`}
      aria-label={t('aftercare.preview')}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: the preview scrolls; a tab stop lets the keyboard scroll it (WCAG 2.1.1)
      tabIndex={0}
    >
      <header className="handout-header">
        <div>
          <strong className="handout-practice">{practice.name}</strong>
          {practice.address && <div className="handout-small">{practice.address.replace(/\n+/g, ', ')}</div>}
          {contactLine && <div className="handout-small">{contactLine}</div>}
        </div>
      </header>
      <h3 className="handout-title">{h('handout.heading')}</h3>
      <p className="handout-client">
        {sheet.clientName} · {formatSessionDate(sheet.sessionDate, sheet.locale)}
      </p>
      {sheet.intro && <p>{sheet.intro}</p>}
      {sheet.treatedAreas.length > 0 && (
        <section>
          <h4>{h('handout.treatedAreas')}</h4>
          <p>{sheet.treatedAreas.map((area) => area.charAt(0).toUpperCase() + area.slice(1)).join(' · ')}</p>
        </section>
      )}
      <section>
        <h4>{h('handout.whatToExpect')}</h4>
        <ul>
          {sheet.sections.whatToExpect.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </section>
      <section>
        <h4>{h('handout.selfCare')}</h4>
        <ul>
          {sheet.sections.selfCare.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </section>
      <section className="handout-red-flags">
        <h4>{h('handout.seekHelp')}</h4>
        <ul>
          {sheet.sections.seekHelp.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        {sheet.seekHelpAdvice && <p>{sheet.seekHelpAdvice}</p>}
      </section>
      {sheet.contact && (
        <section>
          <h4>{h('handout.contact')}</h4>
          <p>{sheet.contact}</p>
        </section>
      )}
      {sheet.nextSession && (
        <section>
          <h4>{h('handout.nextSession')}</h4>
          <p>{sheet.nextSession}</p>
        </section>
      )}
      {sheet.personalNote && (
        <section>
          <h4>{h('handout.personalNote')}</h4>
          <p className="preserve-lines">{sheet.personalNote}</p>
        </section>
      )}
      {sheet.closing && <p className="preserve-lines">{sheet.closing}</p>}
    </article>
  );
}
