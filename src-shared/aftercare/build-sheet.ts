import type { AftercareSheetInput, AftercareTemplate } from '../domain/aftercare';
import { plainLanguageAreas } from '../domain/body-regions';
import type { Client } from '../domain/client';
import type { PracticeSettings } from '../domain/settings';
import { languageOfTag } from '../i18n/languages';
import { translatorFor } from '../i18n/translator';
import { buildSheetSections, placeholderValues } from './fill-template';

/** The parts of a session note a handout uses. */
export interface HandoutSession {
  serviceDate: string;
  treatedAreas: readonly { regionId: string }[];
  nextSessionRecommendation: string;
  homeCare: string;
}

/** The client's name as printed for them: the name they go by, then their last name. */
export function handoutClientName(client: Pick<Client, 'firstName' | 'lastName' | 'preferredName'>): string {
  const given = client.preferredName.trim() || client.firstName.trim();
  return `${given} ${client.lastName.trim()}`.trim();
}

/**
 * The aftercare sheet for one session: practice header from Settings, the template's wording
 * with its placeholders filled, today's areas in plain language, and the therapist's note.
 * The result still goes through AftercareSheetSchema in main before anything is printed.
 */
export function buildAftercareSheet(input: {
  session: HandoutSession;
  client: Pick<Client, 'firstName' | 'lastName' | 'preferredName'>;
  settings: PracticeSettings;
  template: AftercareTemplate;
  personalNote: string;
  /** BCP 47 tag of the client's language ("es-DE"): dates, area names and the PDF's headings. */
  locale: string;
}): AftercareSheetInput {
  const { session, client, settings, template, locale } = input;
  const t = translatorFor(languageOfTag(locale) ?? 'en');
  const clientName = handoutClientName(client);
  const values = placeholderValues({
    clientName,
    clientFirstName: client.preferredName.trim() || client.firstName.trim(),
    sessionDate: session.serviceDate,
    locale,
    practiceName: settings.practice.name,
    practicePhone: settings.practice.phone,
    nextSession: session.nextSessionRecommendation,
    therapistName: settings.therapistName,
  });
  const text = buildSheetSections(template, values);
  return {
    ...text,
    practice: settings.practice,
    paperSize: settings.paperSize,
    clientName,
    sessionDate: session.serviceDate,
    treatedAreas: plainLanguageAreas(session.treatedAreas.map((area) => area.regionId)).map((phrase) =>
      t(`handout.areas.${phrase}`),
    ),
    nextSession: session.nextSessionRecommendation.trim(),
    personalNote: input.personalNote,
    therapistName: settings.therapistName,
    title: t('handout.documentTitle', { clientName, date: session.serviceDate }),
    locale,
  };
}
