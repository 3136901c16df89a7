import type { DeepPartialStrings } from '../../catalogue-types';
import de from './de.json';
import en from './en.json';
import es from './es.json';
import fr from './fr.json';
import nl from './nl.json';

/** The "clinical" area of every catalogue (see ../../catalogues.ts). */
export const clinical = {
  en,
  de: de satisfies DeepPartialStrings<typeof en>,
  fr: fr satisfies DeepPartialStrings<typeof en>,
  es: es satisfies DeepPartialStrings<typeof en>,
  nl: nl satisfies DeepPartialStrings<typeof en>,
};
