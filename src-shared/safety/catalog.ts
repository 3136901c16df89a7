import { z } from 'zod';
import { SAFETY_RULE_MESSAGES } from './messages';
import { textMatchesPhrases } from './phrases';

/**
 * The conditions a therapist picks from when recording a health history, one for each line of
 * the contraindication table in DOMAIN.md. A condition typed as free text is read as a catalog
 * item when it contains one of the item's keywords (accents, case and punctuation ignored).
 *
 * Keyword syntax: words separated by spaces must appear in that order; a trailing '*' makes the
 * word a prefix ("fracture*" also matches "fractures", "fractured"). `excludes` lists phrases that
 * contain a keyword but mean something else.
 */
export const CATALOG_IDS = [
  'skull-fracture',
  'stroke-intracranial-haemorrhage',
  'cerebral-aneurysm',
  'hydrocephalus-shunt',
  'raised-intracranial-pressure',
  'concussion-brain-injury',
  'csf-leak',
  'lumbar-puncture',
  'bleeding-clotting-disorder',
  'deep-vein-thrombosis',
  'chiari-malformation',
  'fever-acute-infection',
  'osteoporosis',
  'brain-tumour',
  'epilepsy',
] as const;

export const CatalogIdSchema = z.enum(CATALOG_IDS, { message: SAFETY_RULE_MESSAGES.catalogId });
export type CatalogId = z.infer<typeof CatalogIdSchema>;

export interface CatalogItem {
  id: CatalogId;
  /** What the therapist picks from the list. */
  label: string;
  /** Folded phrases that make a free-text condition read as this item. */
  keywords: readonly string[];
  excludes?: readonly string[];
}

export const CONDITION_CATALOG: readonly CatalogItem[] = [
  {
    id: 'skull-fracture',
    label: 'Skull fracture',
    keywords: [
      'skull fracture*',
      'fractured skull',
      'broken skull',
      'cranial fracture*',
      'fracture* of the skull',
    ],
  },
  {
    id: 'stroke-intracranial-haemorrhage',
    label: 'Stroke / intracranial haemorrhage',
    keywords: [
      'stroke*',
      'cva',
      'cerebrovascular accident*',
      'intracranial haemorrhage*',
      'intracranial hemorrhage*',
      'intracranial bleed*',
      'intracerebral*',
      'cerebral haemorrhage*',
      'cerebral hemorrhage*',
      'brain haemorrhage*',
      'brain hemorrhage*',
      'brain bleed*',
      'bleed* on the brain',
      'subarachnoid*',
      'subdural*',
      'extradural*',
      'epidural haematoma*',
      'epidural hematoma*',
    ],
    excludes: ['heat stroke*', 'sun stroke*'],
  },
  {
    id: 'cerebral-aneurysm',
    label: 'Cerebral aneurysm',
    keywords: ['aneurysm*', 'aneurism*'],
    excludes: ['aortic aneurysm*', 'abdominal aneurysm*', 'aaa', 'popliteal aneurysm*'],
  },
  {
    id: 'hydrocephalus-shunt',
    label: 'Hydrocephalus / shunt',
    keywords: [
      'hydrocephal*',
      'shunt*',
      'ventriculoperitoneal*',
      'ventriculo peritoneal*',
      'lumboperitoneal*',
    ],
    excludes: ['portosystemic shunt*', 'portocaval shunt*', 'cardiac shunt*', 'heart shunt*'],
  },
  {
    id: 'raised-intracranial-pressure',
    label: 'Raised intracranial pressure',
    // Not "ICP" alone: in pregnancy it usually means intrahepatic cholestasis.
    keywords: [
      'raised intracranial pressure',
      'increased intracranial pressure',
      'high intracranial pressure',
      'elevated intracranial pressure',
      'intracranial hypertension',
      'raised icp',
      'iih',
      'pseudotumour cerebri',
      'pseudotumor cerebri',
    ],
  },
  {
    id: 'concussion-brain-injury',
    label: 'Concussion / brain injury',
    keywords: ['concuss*', 'brain injur*', 'head injur*', 'tbi', 'abi', 'brain trauma', 'head trauma'],
  },
  {
    id: 'csf-leak',
    label: 'CSF leak',
    keywords: [
      'csf leak*',
      'cerebrospinal fluid leak*',
      'spinal fluid leak*',
      'csf rhinorrh*',
      'csf otorrh*',
      'dural tear*',
      'dural leak*',
      'intracranial hypotension',
    ],
  },
  {
    id: 'lumbar-puncture',
    label: 'Recent lumbar puncture',
    keywords: ['lumbar puncture*', 'spinal tap*', 'dural puncture*'],
  },
  {
    id: 'bleeding-clotting-disorder',
    label: 'Bleeding or clotting disorder',
    keywords: [
      'haemophilia*',
      'hemophilia*',
      'von willebrand*',
      'bleeding disorder*',
      'clotting disorder*',
      'coagulation disorder*',
      'coagulopath*',
      'thrombocytopeni*',
      'thrombophilia*',
      'factor v leiden',
      'low platelet*',
    ],
  },
  {
    id: 'deep-vein-thrombosis',
    label: 'Deep vein thrombosis (DVT)',
    keywords: [
      'dvt',
      'deep vein thrombos*',
      'deep venous thrombos*',
      'venous thrombo*',
      'blood clot*',
      'pulmonary embol*',
      'thrombosis',
    ],
  },
  {
    id: 'chiari-malformation',
    label: 'Chiari malformation',
    keywords: ['chiari*', 'tonsillar ectopia', 'tonsillar herniation'],
  },
  {
    id: 'fever-acute-infection',
    label: 'Fever / acute infection',
    keywords: [
      'fever*',
      'febrile',
      'high temperature',
      'infection*',
      'infected',
      'flu',
      'influenza',
      'covid*',
      'meningitis',
      'encephalitis',
      'sepsis',
      'pneumonia',
    ],
    excludes: [
      'chronic infection*',
      'hiv infection*',
      'past infection*',
      'previous infection*',
      'hay fever*',
      'glandular fever history',
    ],
  },
  {
    id: 'osteoporosis',
    label: 'Osteoporosis',
    keywords: ['osteoporo*', 'osteopeni*', 'brittle bone*'],
  },
  {
    id: 'brain-tumour',
    label: 'Brain tumour',
    keywords: [
      'brain tumour*',
      'brain tumor*',
      'brain cancer',
      'brain lesion*',
      'glioma*',
      'glioblastoma*',
      'meningioma*',
      'astrocytoma*',
      'medulloblastoma*',
      'acoustic neuroma*',
      'pituitary tumour*',
      'pituitary tumor*',
    ],
  },
  {
    id: 'epilepsy',
    label: 'Epilepsy',
    keywords: ['epilep*', 'seizure*', 'convulsion*'],
  },
];

const catalogById = new Map<CatalogId, CatalogItem>(CONDITION_CATALOG.map((item) => [item.id, item]));

export function catalogItem(id: CatalogId): CatalogItem | undefined {
  return catalogById.get(id);
}

/** The catalog items a free-text condition reads as: "Fractured skull and a DVT" -> both. */
export function catalogMatchesForText(text: string): CatalogId[] {
  return CONDITION_CATALOG.filter((item) => textMatchesPhrases(text, item)).map((item) => item.id);
}

/**
 * Blood thinners by generic and common brand name. A medication with one of these names counts
 * as an anticoagulant even when its box was not ticked; the form can use this to tick it.
 * Antiplatelets (aspirin, clopidogrel) are not on the list.
 */
export const ANTICOAGULANT_NAMES: readonly string[] = [
  'warfarin*',
  'coumadin*',
  'jantoven*',
  'marevan*',
  'acenocoumarol*',
  'sintrom*',
  'phenprocoumon*',
  'marcumar*',
  'apixaban*',
  'eliquis*',
  'rivaroxaban*',
  'xarelto*',
  'dabigatran*',
  'pradaxa*',
  'edoxaban*',
  'lixiana*',
  'savaysa*',
  'heparin*',
  'enoxaparin*',
  'clexane*',
  'lovenox*',
  'dalteparin*',
  'fragmin*',
  'tinzaparin*',
  'innohep*',
  'fondaparinux*',
  'arixtra*',
];

export function looksLikeAnticoagulant(medicationName: string): boolean {
  return textMatchesPhrases(medicationName, { keywords: ANTICOAGULANT_NAMES });
}
