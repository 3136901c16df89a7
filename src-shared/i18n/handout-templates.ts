import { DEFAULT_AFTERCARE_TEMPLATE } from '../aftercare/default-template';
import type { AftercareTemplate } from '../domain/aftercare';
import type { Language } from './languages';

/**
 * Stillpoint's standard handout wording in each language: what a handout says until the practice
 * edits it. They are content, not interface strings, so they live here rather than in the ICU
 * catalogues: they use the handout's own `{{placeholder}}` syntax, which the practice edits too.
 *
 * The red-flag lines (seekHelp) and the emergency advice are clinical wording: they translate
 * DOMAIN.md's English sources soberly, one line for each English line, and claim nothing about
 * what a session does. docs/translations.md shows them side by side for a native speaker's
 * review; tests/unit/i18n/catalogues.test.ts checks that each language has a line for every
 * English red flag and uses only the placeholders English uses.
 */
export const HANDOUT_TEMPLATES: Record<Language, AftercareTemplate> = {
  en: DEFAULT_AFTERCARE_TEMPLATE,
  de: {
    intro:
      'Danke für Ihren Besuch heute, {{clientFirstName}}. Hier ein paar Hinweise für die nächsten ein bis zwei Tage, ' +
      'zum Aufbewahren.',
    whatToExpect: [
      'Manche Menschen fühlen sich danach müde, etwas benommen oder leicht verspannt.',
      'Leichte Kopfschmerzen oder ein altes Beschwerdebild, das kurz wiederkehrt, können vorkommen.',
      'Manche Menschen schlafen tiefer oder gähnen viel.',
      'Gefühle oder Erinnerungen können auftauchen. Das ist häufig.',
      'Das legt sich meist innerhalb von 24–48 Stunden.',
    ],
    selfCare: [
      'Trinken Sie über den Tag verteilt Wasser.',
      'Ruhen Sie sich aus, wenn Sie können, und vermeiden Sie ein bis zwei Tage anstrengenden Sport.',
      'Ruhiges Gehen und leichtes Dehnen sind in Ordnung.',
      'Trinken Sie heute wenig Alkohol und Kaffee und essen Sie leicht.',
      'Wenn Gefühle hochkommen, gehen Sie behutsam mit sich um und verschieben Sie große Entscheidungen um ein, zwei Tage.',
    ],
    seekHelp: [
      'Plötzliche, sehr starke Kopfschmerzen („wie ein Donnerschlag“)',
      'Kopfschmerzen mit Fieber, steifem Nacken, Krampfanfällen, Sehstörungen, Taubheit oder Schwäche',
      'Verwirrtheit oder Desorientierung',
      'Kopfschmerzen, die sich verändern, wenn Sie sich aufsetzen, aufstehen oder hinlegen',
      'Jede Taubheit nach einem Stoß oder einer Verletzung am Kopf',
    ],
    seekHelpAdvice:
      'Holen Sie sofort ärztliche Hilfe; warten Sie nicht bis zur nächsten Sitzung. Im Notfall rufen Sie den ' +
      'Notruf an oder gehen Sie in die nächste Notaufnahme.',
    contact:
      'Wenn Sie eine Frage haben oder Sie nach heute etwas beunruhigt, rufen Sie {{practicePhone}} an. ' +
      'Erzählen Sie mir beim nächsten Besuch, wie es Ihnen in den Tagen nach dieser Sitzung ging.',
    closing: 'Mit herzlichen Grüßen\n{{therapistName}}',
  },
  fr: {
    intro:
      "Merci d'être venu(e) aujourd'hui, {{clientFirstName}}. Voici quelques conseils pour le jour ou les deux jours " +
      'qui viennent, à garder sous la main.',
    whatToExpect: [
      'Certaines personnes se sentent fatiguées, un peu étourdies ou légèrement courbaturées ensuite.',
      'Un léger mal de tête, ou une ancienne douleur qui revient brièvement, peut arriver.',
      'Certaines personnes dorment plus profondément, ou bâillent beaucoup.',
      'Des émotions ou des souvenirs peuvent remonter. C’est fréquent.',
      'Cela passe en général en 24 à 48 heures.',
    ],
    selfCare: [
      "Buvez de l'eau tout au long de la journée.",
      "Reposez-vous si vous le pouvez, et évitez l'effort physique intense pendant un jour ou deux.",
      'La marche tranquille et les étirements doux ne posent pas de problème.',
      "Limitez l'alcool et la caféine, et mangez léger aujourd'hui.",
      'Si des émotions remontent, soyez doux avec vous-même et remettez les grandes décisions à un jour ou deux.',
    ],
    seekHelp: [
      'Un mal de tête soudain et très violent (« en coup de tonnerre »)',
      'Un mal de tête avec de la fièvre, une raideur de la nuque, des convulsions, des troubles de la vue, un engourdissement ou une faiblesse',
      'Une confusion ou une désorientation',
      'Un mal de tête qui change quand vous vous asseyez, vous levez ou vous allongez',
      'Tout engourdissement après un coup ou une blessure à la tête',
    ],
    seekHelpAdvice:
      "Consultez un médecin sans attendre ; n'attendez pas votre prochaine séance. En cas d'urgence, appelez les " +
      'services d’urgence ou rendez-vous aux urgences les plus proches.',
    contact:
      "Si vous avez une question, ou si quelque chose vous inquiète après aujourd'hui, appelez le {{practicePhone}}. " +
      'Lors de votre prochaine visite, dites-moi comment vous vous êtes senti(e) les jours suivant cette séance.',
    closing: 'Bien cordialement,\n{{therapistName}}',
  },
  es: {
    intro:
      'Gracias por venir hoy, {{clientFirstName}}. Aquí tiene algunas indicaciones para los próximos uno o dos días, ' +
      'para tenerlas a mano.',
    whatToExpect: [
      'Algunas personas se sienten cansadas, algo mareadas o un poco doloridas después.',
      'Puede aparecer un dolor de cabeza leve, o volver brevemente una molestia antigua.',
      'Algunas personas duermen más profundamente o bostezan mucho.',
      'Pueden aflorar emociones o recuerdos. Es algo frecuente.',
      'Normalmente desaparece en 24–48 horas.',
    ],
    selfCare: [
      'Beba agua a lo largo del día.',
      'Descanse si puede y evite el ejercicio intenso durante uno o dos días.',
      'Caminar con calma y estirar suavemente está bien.',
      'Limite el alcohol y la cafeína, y coma ligero hoy.',
      'Si surgen emociones, trátese con cuidado y aplace las decisiones importantes uno o dos días.',
    ],
    seekHelp: [
      'Un dolor de cabeza repentino y muy intenso («en trueno»)',
      'Dolor de cabeza con fiebre, rigidez de nuca, convulsiones, cambios en la vista, entumecimiento o debilidad',
      'Sentirse confundido/a o desorientado/a',
      'Un dolor de cabeza que cambia al sentarse, ponerse de pie o tumbarse',
      'Cualquier entumecimiento después de un golpe o una lesión en la cabeza',
    ],
    seekHelpAdvice:
      'Busque atención médica de inmediato; no espere a la próxima sesión. En caso de urgencia, llame a los ' +
      'servicios de emergencia o acuda al servicio de urgencias más cercano.',
    contact:
      'Si tiene alguna pregunta, o algo le preocupa después de hoy, llame al {{practicePhone}}. ' +
      'En su próxima visita, cuénteme cómo se sintió en los días después de esta sesión.',
    closing: 'Un cordial saludo,\n{{therapistName}}',
  },
  nl: {
    intro:
      'Dank u voor uw komst vandaag, {{clientFirstName}}. Hier een paar aandachtspunten voor de komende dag of twee, ' +
      'om bij de hand te houden.',
    whatToExpect: [
      'Sommige mensen voelen zich daarna moe, wat licht in het hoofd of een beetje stijf.',
      'Lichte hoofdpijn, of een oude klacht die kort terugkomt, kan voorkomen.',
      'Sommige mensen slapen dieper of gapen veel.',
      'Er kunnen emoties of herinneringen bovenkomen. Dat is gewoon.',
      'Dit trekt meestal binnen 24–48 uur weg.',
    ],
    selfCare: [
      'Drink verspreid over de dag water.',
      'Rust als het kan, en vermijd een dag of twee zware inspanning.',
      'Rustig wandelen en licht rekken kunnen goed.',
      'Drink vandaag weinig alcohol en cafeïne en eet licht.',
      'Als er emoties bovenkomen, wees dan mild voor uzelf en stel grote beslissingen een dag of twee uit.',
    ],
    seekHelp: [
      'Plotselinge, zeer hevige hoofdpijn (‘donderslaghoofdpijn’)',
      'Hoofdpijn met koorts, een stijve nek, toevallen, veranderingen in het zien, gevoelloosheid of krachtverlies',
      'Verward of gedesoriënteerd zijn',
      'Hoofdpijn die verandert als u gaat zitten, opstaat of gaat liggen',
      'Elke gevoelloosheid na een stoot of letsel aan het hoofd',
    ],
    seekHelpAdvice:
      'Zoek direct medische hulp; wacht niet tot uw volgende sessie. Bel in een noodgeval het alarmnummer of ga ' +
      'naar de dichtstbijzijnde spoedeisende hulp.',
    contact:
      'Als u een vraag hebt, of als iets u na vandaag zorgen baart, bel dan {{practicePhone}}. ' +
      'Vertel me bij uw volgende bezoek hoe u zich voelde in de dagen na deze sessie.',
    closing: 'Met vriendelijke groet,\n{{therapistName}}',
  },
};
