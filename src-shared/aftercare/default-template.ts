import type { AftercareTemplate } from '../domain/aftercare';

/**
 * The handout text a new practice starts with; the therapist can edit every line in Settings.
 * Content from DOMAIN.md ("Aftercare handout content", "Red flags after a session"). Wording is
 * deliberately sober: it describes what some people notice and makes no claim that the session
 * treats or cures anything. Emergency wording is generic so it reads right in any country.
 */
export const DEFAULT_AFTERCARE_TEMPLATE: AftercareTemplate = {
  intro:
    'Thank you for coming in today, {{clientFirstName}}. Here are a few notes for the next day or two, ' +
    'to keep at hand.',
  whatToExpect: [
    'Some people feel tired, light-headed or a little sore afterwards.',
    'A mild headache, or an old ache returning briefly, can happen.',
    'Some people sleep more deeply, or yawn a lot.',
    'Emotions or memories may surface. This is common.',
    'These usually settle within 24–48 hours.',
  ],
  selfCare: [
    'Drink water through the day.',
    'Rest if you can, and avoid strenuous exercise for a day or two.',
    'Gentle walking and easy stretching are fine.',
    'Limit alcohol and caffeine, and eat light meals today.',
    'If emotions come up, be gentle with yourself and hold off on big decisions for a day or two.',
  ],
  seekHelp: [
    'A sudden, severe (“thunderclap”) headache',
    'A headache with fever, a stiff neck, seizures, changes in vision, numbness or weakness',
    'Feeling confused or disoriented',
    'A headache that changes when you sit up, stand up or lie down',
    'Any numbness after a knock or injury to the head',
  ],
  seekHelpAdvice:
    'Get medical help straight away; do not wait for your next session. In an emergency, call ' +
    'emergency services or go to the nearest emergency department.',
  contact:
    'If you have a question, or something after today worries you, call {{practicePhone}}. ' +
    'At your next visit, let me know how you felt in the days after this session.',
  closing: 'With best wishes,\n{{therapistName}}',
};
