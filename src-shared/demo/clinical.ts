import { BODY_REGIONS, type BodyRegion } from '../domain/body-regions';
import { TECHNIQUES } from '../domain/techniques';
import { type Random, Weighted } from './random';

/**
 * Phrase banks for what a craniosacral therapist writes: reasons for coming, observations,
 * plans, aftercare, addenda, after-effects. Sentences are assembled from parts so that 200,000
 * notes do not repeat a handful of strings, and so that note text has realistic sizes (a
 * sentence or three) for full-text search to chew on.
 */

/** What brings a client, with the areas and pain locations that go with it. */
export interface CaseProfile {
  id: string;
  /** Fit for infants and young children only, or adults only. */
  ages: 'infant' | 'child' | 'adult' | 'any';
  complaints: readonly string[];
  painLocations: readonly string[];
  /** Region ids treated often for this case, on top of the protocol regions. */
  regions: readonly string[];
  /** Typical pain before a session (0-10), null when pain is not scored (infants). */
  pain: readonly [number, number] | null;
  changes: readonly string[];
}

export const PROFILES: readonly (readonly [CaseProfile, number])[] = [
  [
    {
      id: 'headache',
      ages: 'adult',
      complaints: [
        'Migraines with aura, two to three a month, often at the weekend',
        'Tension headaches most afternoons, worse with screen work',
        'Chronic daily headache since a stressful year at work',
        'Migraine without aura; wants to reduce triptan use',
        'Pressure behind the eyes and across the forehead, on and off for months',
        'Cluster of headaches after a house move; band-like, both temples',
      ],
      painLocations: [
        'Behind the eyes',
        'Left temple',
        'Right temple',
        'Forehead',
        'Back of the head',
        'Whole head',
      ],
      regions: [
        'occipital',
        'occiput-condyles',
        'frontal',
        'parietal',
        'temporal',
        'sphenoid',
        'c1',
        'c2',
        'tentorium',
        'falx-cerebri',
      ],
      pain: [3, 8],
      changes: [
        'Two migraines since the last session, both shorter than usual.',
        'Headache-free for five days after the last session.',
        'Headaches about the same; a stressful week at work.',
        'One bad migraine at the weekend, needed medication.',
        'Fewer afternoon headaches; still tight across the forehead.',
      ],
    },
    22,
  ],
  [
    {
      id: 'neck',
      ages: 'adult',
      complaints: [
        'Neck pain and stiffness after a rear-end collision (whiplash)',
        'Stiff neck, cannot turn the head fully to the left',
        'Neck and shoulder tension from desk work, radiating to the right arm',
        'Recurring neck pain with dizziness when looking up',
        'Upper back and neck ache since starting a new job',
      ],
      painLocations: [
        'Neck',
        'Left side of the neck',
        'Right side of the neck',
        'Between the shoulder blades',
        'Base of the skull',
      ],
      regions: [
        'c1',
        'c2',
        'c3',
        'c4',
        'c5',
        'c6',
        'c7',
        'atlanto-occipital',
        'thoracic-inlet',
        't1',
        't2',
        't3',
        'hyoid',
        'dural-tube',
        'occipital',
      ],
      pain: [3, 7],
      changes: [
        'Neck turns further to the left since last week.',
        'Stiffer again after a long drive on Saturday.',
        'Less dizziness; still sore in the mornings.',
        'Shoulder tension returns by Thursday each week.',
        'Slept through the night without waking from neck pain.',
      ],
    },
    18,
  ],
  [
    {
      id: 'low-back',
      ages: 'adult',
      complaints: [
        'Lower back pain for three years, worse when sitting',
        'Sciatica down the left leg since lifting a sofa',
        'Sacroiliac pain on the right, after a long hike',
        'Lower back spasms two or three times a year; currently flared',
        'Tailbone pain since a fall on the ice',
      ],
      painLocations: [
        'Lower back',
        'Left buttock and leg',
        'Right sacroiliac joint',
        'Tailbone',
        'Across the lower back',
      ],
      regions: [
        'l1',
        'l2',
        'l3',
        'l4',
        'l5',
        'l5-s1',
        'sacrum',
        'sacroiliac',
        'coccyx',
        'pelvic-diaphragm',
        'dural-tube',
        'legs',
        'feet',
      ],
      pain: [3, 8],
      changes: [
        'Could sit through a two-hour meeting this week.',
        'Leg pain now only below the knee, less often.',
        'Back flared after gardening at the weekend.',
        'No spasms since the last session.',
        'Tailbone still sore when sitting on hard chairs.',
      ],
    },
    16,
  ],
  [
    {
      id: 'jaw',
      ages: 'adult',
      complaints: [
        'Jaw pain and clicking on the right, grinds teeth at night (dentist referral)',
        'TMJ dysfunction after orthodontic treatment; jaw tires when chewing',
        'Clenching during the day, headaches at the temples',
        'Jaw locks briefly in the mornings',
      ],
      painLocations: ['Right jaw', 'Left jaw', 'Both jaw joints', 'Temples', 'Cheeks'],
      regions: [
        'mandible-tmj',
        'temporal',
        'maxilla',
        'zygoma',
        'hard-palate',
        'palatine',
        'vomer',
        'sphenoid',
        'hyoid',
        'sphenobasilar',
      ],
      pain: [2, 6],
      changes: [
        'Less clicking; partner says grinding is quieter at night.',
        'Jaw sore after a dental appointment on Tuesday.',
        'Could eat an apple without pain for the first time in months.',
        'Still clenching during the day; wearing the splint at night.',
      ],
    },
    9,
  ],
  [
    {
      id: 'stress-sleep',
      ages: 'adult',
      complaints: [
        'Anxiety and poor sleep, wakes at 3 am most nights',
        'Burnout; exhausted but cannot switch off',
        'Low mood and tension since a bereavement',
        'General stress, looking for deep relaxation and better sleep',
        'Post-traumatic stress after an accident; startles easily',
      ],
      painLocations: ['Shoulders', 'Chest', 'Stomach', 'Whole body'],
      regions: [
        'respiratory-diaphragm',
        'thoracic-inlet',
        'occipital',
        'frontal',
        'sphenobasilar',
        'falx-cerebri',
        'sacrum',
        'feet',
        'pelvic-diaphragm',
      ],
      pain: [0, 5],
      changes: [
        'Slept better for three nights after the last session, then back to usual.',
        'Calmer at work; fewer racing thoughts in the evening.',
        'A hard week: family news, very little sleep.',
        'Falling asleep faster; still waking early.',
        'Noticed the breath settling during the day when stressed.',
      ],
    },
    14,
  ],
  [
    {
      id: 'dizziness-ears',
      ages: 'adult',
      complaints: [
        'Tinnitus in the left ear for a year, worse when tired',
        'Vertigo episodes (BPPV diagnosed), fear of turning over in bed',
        'Fullness in both ears and mild dizziness after a cold',
      ],
      painLocations: ['Left ear', 'Right ear', 'Behind the ears'],
      regions: [
        'temporal',
        'occipital',
        'sphenoid',
        'tentorium',
        'atlanto-occipital',
        'mandible-tmj',
        'c1',
        'c2',
      ],
      pain: [0, 4],
      changes: [
        'Tinnitus quieter on two days this week.',
        'One brief spell of vertigo on Monday morning.',
        'Ears feel less blocked.',
        'No change in the ringing.',
      ],
    },
    6,
  ],
  [
    {
      id: 'post-concussion',
      ages: 'adult',
      complaints: [
        'Post-concussion symptoms after a cycling accident: headaches, light sensitivity, poor concentration',
        'Foggy head and fatigue since a fall; concussion diagnosed by the GP',
        'Sports concussion (rugby) three months ago, still gets headaches with exertion',
      ],
      painLocations: ['Forehead', 'Back of the head', 'Whole head', 'Behind the eyes'],
      regions: [
        'frontal',
        'parietal',
        'occipital',
        'sphenobasilar',
        'falx-cerebri',
        'tentorium',
        'c1',
        'c2',
        'c3',
        'temporal',
      ],
      pain: [2, 6],
      changes: [
        'Concentration better; read for an hour without a headache.',
        'Still sensitive to bright light in the supermarket.',
        'More energy in the afternoons.',
        'Headache after a short run, settled within the hour.',
      ],
    },
    5,
  ],
  [
    {
      id: 'whole-body',
      ages: 'adult',
      complaints: [
        'Fibromyalgia: widespread pain and fatigue, flares with weather changes',
        'Chronic fatigue; wants support alongside the pain clinic',
        'Long-standing aches in the shoulders, hips and legs',
      ],
      painLocations: ['Whole body', 'Shoulders and hips', 'Legs', 'Arms'],
      regions: [
        'respiratory-diaphragm',
        'pelvic-diaphragm',
        'thoracic-inlet',
        'sacrum',
        'occipital',
        'dural-tube',
        'feet',
        'legs',
        'arms',
        'hands',
        'ribs',
      ],
      pain: [4, 8],
      changes: [
        'A flare after the weather turned; two days in bed.',
        'Better week; walked to the shops twice.',
        'Fatigue the same, pain slightly less.',
        'Sleeping a little longer.',
      ],
    },
    6,
  ],
  [
    {
      id: 'infant',
      ages: 'infant',
      complaints: [
        'Colic: crying for hours in the evening, hard to settle',
        'Plagiocephaly, flat on the right side of the head; prefers to turn to the left',
        'Feeding difficulties: struggles to latch on the left (midwife referral)',
        'Reflux and unsettled sleep since a long, assisted birth (ventouse)',
        'Torticollis: head tilts to the right',
      ],
      painLocations: [],
      regions: [
        'occipital',
        'occiput-condyles',
        'parietal',
        'temporal',
        'sacrum',
        'hard-palate',
        'respiratory-diaphragm',
        'sphenobasilar',
        'c1',
        'mandible-tmj',
      ],
      pain: null,
      changes: [
        'Parent reports calmer evenings; crying down to about an hour.',
        'Feeding better on the left side.',
        'Slept a four-hour stretch twice this week.',
        'Unsettled again after vaccinations on Monday.',
        'Turning the head to both sides more easily.',
      ],
    },
    4,
  ],
  [
    {
      id: 'child',
      ages: 'child',
      complaints: [
        'Difficulty settling to sleep; busy mind at bedtime',
        'Headaches at school, worse before tests',
        'Recurrent tummy aches with no medical cause found',
        'Sensory overload and meltdowns after school (parent request)',
        'Glue ear; grommets last year, still some hearing changes',
      ],
      painLocations: ['Head', 'Tummy', 'Ears'],
      regions: [
        'occipital',
        'temporal',
        'frontal',
        'sacrum',
        'respiratory-diaphragm',
        'sphenobasilar',
        'feet',
        'parietal',
      ],
      pain: [0, 5],
      changes: [
        'Parent reports easier bedtimes this week.',
        'One headache at school, went away after lunch.',
        'Fewer meltdowns; still tired after school.',
        'Tummy aches less often.',
      ],
    },
    4,
  ],
  [
    {
      id: 'pregnancy-postnatal',
      ages: 'adult',
      complaints: [
        'Pelvic girdle pain in pregnancy; sore when turning in bed',
        'Postnatal recovery after a caesarean section; low back ache',
        'Rib pain and heartburn in the third trimester',
        'Postnatal: exhausted, tense shoulders from feeding',
      ],
      painLocations: ['Pubic bone', 'Lower back', 'Right ribs', 'Shoulders', 'Pelvis'],
      regions: [
        'sacrum',
        'sacroiliac',
        'pelvic-diaphragm',
        'respiratory-diaphragm',
        'l5-s1',
        'ribs',
        'occipital',
        'thoracic-inlet',
      ],
      pain: [2, 7],
      changes: [
        'Pelvic pain easier for a few days after the last session.',
        'Baby sleeping better, so more rest this week.',
        'Ribs still sore in the evenings.',
        'Walking further without the pelvic ache.',
      ],
    },
    5,
  ],
];

export const PROFILE_TABLE_ADULT = new Weighted(
  PROFILES.filter(([p]) => p.ages === 'adult' || p.ages === 'any'),
);
export const PROFILE_INFANT = PROFILES.find(([p]) => p.id === 'infant')![0];
export const PROFILE_CHILD = PROFILES.find(([p]) => p.id === 'child')![0];

/** The 10-step protocol regions: nearly every session touches some of them. */
export const PROTOCOL_REGIONS: readonly string[] = [
  'occipital',
  'pelvic-diaphragm',
  'respiratory-diaphragm',
  'thoracic-inlet',
  'hyoid',
  'occiput-condyles',
  'frontal',
  'parietal',
  'sphenoid',
  'temporal',
  'mandible-tmj',
  'sacrum',
  'dural-tube',
  'l5-s1',
  'feet',
];

export const REGIONS_BY_ID = new Map<string, BodyRegion>(BODY_REGIONS.map((region) => [region.id, region]));
export const ALL_REGION_IDS: readonly string[] = BODY_REGIONS.map((region) => region.id);

const TECHNIQUE_IDS = new Set(TECHNIQUES.map((technique) => technique.id));

/** Techniques that fit each region (ids from TECHNIQUES). */
const REGION_TECHNIQUES: Record<string, readonly string[]> = {
  occipital: ['still-point-cv4', 'cranial-base-release'],
  'occiput-condyles': ['cranial-base-release', 'still-point-cv4'],
  'atlanto-occipital': ['cranial-base-release'],
  frontal: ['frontal-lift', 'v-spread'],
  parietal: ['parietal-lift', 'v-spread'],
  sphenoid: ['sphenoid-compression-decompression'],
  sphenobasilar: ['sphenoid-compression-decompression', 'still-point-cv4'],
  temporal: ['temporal-ear-pull', 'temporal-mastoid', 'v-spread'],
  'mandible-tmj': ['tmj-decompression'],
  maxilla: ['hard-palate-intraoral'],
  palatine: ['hard-palate-intraoral'],
  vomer: ['hard-palate-intraoral'],
  'hard-palate': ['hard-palate-intraoral'],
  zygoma: ['v-spread', 'arcing'],
  nasal: ['v-spread'],
  ethmoid: ['frontal-lift'],
  hyoid: ['hyoid-release'],
  'thoracic-inlet': ['thoracic-inlet-release'],
  'respiratory-diaphragm': ['respiratory-diaphragm-release'],
  'pelvic-diaphragm': ['pelvic-diaphragm-release'],
  sacrum: ['sacral-decompression', 'dural-tube-rock-glide'],
  'l5-s1': ['sacral-decompression'],
  coccyx: ['sacral-decompression'],
  sacroiliac: ['sacral-decompression', 'unwinding'],
  'dural-tube': ['dural-tube-rock-glide'],
  'falx-cerebri': ['frontal-lift', 'parietal-lift'],
  'falx-cerebelli': ['cranial-base-release'],
  tentorium: ['temporal-ear-pull', 'parietal-lift'],
  feet: ['still-point-feet', 'unwinding'],
  legs: ['unwinding', 'arcing'],
  arms: ['unwinding', 'arcing'],
  hands: ['unwinding'],
  ribs: ['arcing', 'respiratory-diaphragm-release'],
};
const GENERIC_TECHNIQUES = ['arcing', 'unwinding', 'v-spread', 'dural-tube-rock-glide'];

const CUSTOM_TECHNIQUES = [
  'Gentle traction',
  'Fascial unwinding',
  'Ear rocking',
  'Light rib springing',
  'Direction of energy',
  'Lymphatic pump (gentle)',
];

for (const ids of Object.values(REGION_TECHNIQUES)) {
  for (const id of ids) if (!TECHNIQUE_IDS.has(id)) throw new Error(`Unknown technique id ${id}`);
}

/** One or two techniques for a region: ids from TECHNIQUES, now and then the therapist's own words. */
export function techniquesFor(random: Random, regionId: string): string[] {
  const fitting = REGION_TECHNIQUES[regionId];
  const vertebra = /^[ctl]\d+$/.test(regionId);
  const pool = fitting ?? (vertebra ? ['dural-tube-rock-glide', 'arcing', 'unwinding'] : GENERIC_TECHNIQUES);
  const out = [random.pick(pool)];
  if (random.chance(0.25)) {
    const second = random.chance(0.15) ? random.pick(CUSTOM_TECHNIQUES) : random.pick(pool);
    if (!out.includes(second)) out.push(second);
  }
  if (random.chance(0.05)) out.push('somatoemotional-release');
  return out;
}

// ---------------------------------------------------------------------------------------------
// Sentences

const RESTRICTION_WORDS = ['dense', 'held', 'compressed', 'stuck', 'guarded', 'tight', 'sluggish'];
const RELEASE_WORDS = ['softened', 'released', 'let go', 'opened', 'spread', 'settled'];
const MINUTES = ['about a minute', 'two minutes', 'three or four minutes', 'five minutes', 'several minutes'];

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const OBSERVATION_TEMPLATES: readonly ((random: Random, area: string, technique: string) => string)[] = [
  (r, area) =>
    `Marked restriction at the ${area}; ${r.pick(RELEASE_WORDS)} after ${r.pick(MINUTES)} of holding.`,
  (r, area) =>
    `Tissue at the ${area} felt ${r.pick(RESTRICTION_WORDS)} and warm, ${r.pick(RELEASE_WORDS)} with a still point.`,
  (r) =>
    `Rhythm ${r.pick(['faint', 'slow', 'uneven', 'strong', 'full'])} at the start, more symmetrical by the end of the session.`,
  (_r, _area, technique) => `Client fell asleep during the ${technique}.`,
  (_r, _area, technique) => `Breathing deepened noticeably during the ${technique}.`,
  (_r, _area, technique) => `Stomach gurgling during the ${technique}, a sign of settling.`,
  (r, area) =>
    `Heat release from the ${area}, client felt it ${r.pick(['spread down the arms', 'as a wave', 'in the chest', 'in the legs'])}.`,
  (r) =>
    `Less guarding than last session; ${r.pick(['allowed', 'enjoyed', 'asked for'])} more time at the head.`,
  (r, area) =>
    `Energy cyst felt at the ${area}; ${r.pick(['direction of energy used', 'held until it softened', 'released with a deep sigh'])}.`,
  (r) =>
    `Client talked ${r.pick(['a lot', 'little', 'about work', 'about family'])} at first, quieter after the still point.`,
  (r, area) =>
    `${cap(area)} ${r.pick(['restricted on the left', 'restricted on the right', 'slow to respond', 'more mobile than last time'])}.`,
  (r) => `Pulse ${r.pick(['slowed', 'steadied', 'felt strong'])} at the feet during the final still point.`,
  (r) =>
    `Arcing found the main restriction ${r.pick(['low in the pelvis', 'under the left ribs', 'at the thoracic inlet', 'in the upper neck', 'around the right hip'])}.`,
];

/** Observations: one to three sentences about what the hands found. */
export function observationText(
  random: Random,
  areaLabels: readonly string[],
  techniqueLabels: readonly string[],
): string {
  const count = random.int(1, 3);
  const parts: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const template = random.pick(OBSERVATION_TEMPLATES);
    parts.push(
      template(random, random.pick(areaLabels).toLowerCase(), random.pick(techniqueLabels).toLowerCase()),
    );
  }
  return parts.join(' ');
}

const AREA_NOTES = [
  'Softened after 2 min.',
  'Dense, left more than right.',
  'Heat release.',
  'Pulsing felt by client.',
  'Slow to release.',
  'Tender to light touch.',
  'Client sighed as it let go.',
  'Better than last week.',
  'Held in flexion.',
  'Twitch in the leg during release.',
];

export function areaNote(random: Random): string {
  return random.chance(0.35) ? random.pick(AREA_NOTES) : '';
}

export const RHYTHM_QUALITIES = [
  'Steady',
  'Sluggish',
  'Full and easy',
  'Irregular at first, settled',
  'Faint',
  'Vital',
  'Strong but uneven',
  'Quick and shallow',
];

export const SENSATION_OTHER = [
  'Felt a wave of heat down the left arm.',
  'Saw colours behind closed eyes.',
  'A sense of the head widening.',
  'Tingling in the fingers that came and went.',
  'Felt very small, then very big.',
  'Sudden urge to laugh.',
];

const EMOTIONAL_RELEASES = [
  'Tearful during the sacral hold; talked about a recent bereavement. Said they felt lighter afterwards.',
  'Anger surfaced about the accident; we stayed with it until the breathing settled.',
  'Memory of a childhood fall came up during the frontal lift. Client chose not to talk about it further.',
  'Quiet crying during the still point, then deep calm.',
  'Laughed during the release at the diaphragm, said it felt like something let go.',
  'Spoke about pressure at work and a sense of not being allowed to stop.',
];

export function emotionalReleaseText(random: Random): string {
  return random.pick(EMOTIONAL_RELEASES);
}

const PLANS = [
  'Continue weekly for three more sessions, then review.',
  'Reduce to fortnightly if the improvement holds.',
  'Focus on the cranial base and upper neck next time.',
  'Include more work at the diaphragms next session.',
  'Review after the specialist appointment.',
  'Try intraoral work next time if the client agrees.',
  'Monthly maintenance sessions.',
  'Add SomatoEmotional Release if the client is willing.',
  'Keep sessions shorter while symptoms are flaring.',
  'Check in by phone in two weeks.',
];

export function planText(random: Random): string {
  const first = random.pick(PLANS);
  if (random.chance(0.4)) {
    const second = random.pick(PLANS);
    if (second !== first) return `${first} ${second}`;
  }
  return first;
}

export const NEXT_SESSION = [
  '1 week',
  '1 week',
  '1 week',
  '2 weeks',
  '2 weeks',
  '3-4 weeks',
  'As needed',
  '1 month',
];

const HOME_CARE = [
  'Drink water and rest this evening.',
  'Gentle walk tomorrow; avoid heavy lifting for a day.',
  'Limit screens in the evening and keep to a regular bedtime.',
  'Warm bath with Epsom salts.',
  'Jaw relaxation exercise twice a day.',
  'Chin tucks and gentle neck rolls, five each, morning and evening.',
  'Notice where the breath goes when stressed; three slow breaths.',
  'Keep a headache diary until next session.',
  'Rest; emotions may surface over the next day or two.',
];

export function homeCareText(random: Random): string {
  return random.chance(0.3) ? `${random.pick(HOME_CARE)} ${random.pick(HOME_CARE)}` : random.pick(HOME_CARE);
}

const GLOBAL_DESCRIPTIONS = [
  'Feels looser',
  'Lighter and calmer',
  'Much more relaxed',
  'Head feels clearer',
  'A bit tired but good',
  'No change',
  'Sore but easier to move',
  'Sleepy and heavy',
  'Better than before the session',
];

export function globalDescription(random: Random): string {
  return random.pick(GLOBAL_DESCRIPTIONS);
}

// ---------------------------------------------------------------------------------------------
// Safety acknowledgements, by rule

const OVERRIDE_REASONS: Record<string, readonly string[]> = {
  'skull-fracture': [
    'Discussed with the client: no contact with the cranial vault today. Treated feet, sacrum and diaphragms only.',
    'GP letter seen, fracture reported as stable. Light holds at the feet and sacrum; no work on the head.',
  ],
  'recent-surgery': [
    'Surgeon agreed to light work away from the surgical site; only feet and diaphragms treated.',
    'Client requested a relaxation session; no spinal or cranial contact, feet holds only.',
  ],
  'untreated-brain-injury': [
    'Client is booked for assessment this week; advised to see the GP first. Only calming holds at the feet today.',
  ],
  'intracranial-bleed': [
    'Neurologist informed; session limited to the feet and diaphragms, no cranial work.',
  ],
  'acute-infection': [
    'Temperature normal today and client feels well; short, light session, no cranial work.',
  ],
  'bleeding-disorder': ['Haematologist aware; featherlight contact only, no sustained pressure.'],
  'csf-leak': ['Specialist review done, leak repaired; extremities only until clearance arrives.'],
  aneurysm: ['Client declined to wait for clearance; only feet and sacrum, no work on the head.'],
  'raised-icp': ['No cranial work; listening at the feet only, session stopped after 20 minutes.'],
};
const GENERIC_OVERRIDE = [
  'Discussed the risk with the client; no cranial contact, light work at the feet and sacrum only.',
  'Session kept short and light, away from the affected area; client consented.',
];

const CLEARANCE_REASONS = [
  'Clearance requested from the GP; client consented to light work in the meantime.',
  'Physician contacted by phone, written clearance to follow.',
];

const MODIFICATIONS: Record<string, readonly string[]> = {
  pregnancy: [
    'Side-lying from 20 weeks; no sustained sacral pressure; shorter session.',
    'Semi-reclined with pillows; light contact only at the sacrum; breaks offered.',
    'Left side-lying; no pressure over the abdomen; checked in about dizziness.',
  ],
  osteoporosis: [
    'Lighter pressure on the spine and ribs; pillows under the knees; no traction.',
    'No rib springing or traction; supported positions only.',
  ],
  infant: [
    'Lightest touch; parent present and holding the baby; feeding break offered.',
    'Five-gram contact or less; session on the parent’s lap.',
  ],
  'tumour-epilepsy': [
    'Asked about recent seizures: none since the last visit. Session kept calm and short.',
    'Watched for changes throughout; client reports no new symptoms.',
  ],
};
const GENERIC_MODIFICATION = ['Lighter pressure and shorter holds; checked in with the client throughout.'];

export function overrideReason(random: Random, ruleId: string): string {
  return random.pick(OVERRIDE_REASONS[ruleId] ?? GENERIC_OVERRIDE);
}

export function clearanceReason(random: Random): string {
  return random.pick(CLEARANCE_REASONS);
}

export function modificationText(random: Random, ruleId: string): string {
  return random.pick(MODIFICATIONS[ruleId] ?? GENERIC_MODIFICATION);
}

// ---------------------------------------------------------------------------------------------
// Addenda and after-effects

const ADDENDA: readonly (readonly [string, string])[] = [
  ['Client phoned the next day: headache settled overnight, slept nine hours.', 'Late entry: phone call'],
  ['Correction: the sacroiliac work was on the right side, not the left.', 'Correction: side of treatment'],
  ['Client emailed to say the jaw felt freer for three days.', 'Late entry: client email'],
  ['Forgot to record: client mentioned starting a new medication (see health history).', 'Late entry'],
  ['Rhythm rate above was at the head; at the sacrum it was slower, about 6 cpm.', 'Clarification'],
  ['Referral letter sent to the GP today about the persistent dizziness.', 'Follow-up action'],
  ['Parent called: baby fed well and slept a five-hour stretch that night.', 'Late entry: phone call'],
  ['Session time was 45 minutes, not 60: client had to leave early.', 'Correction: duration'],
];

export function addendumContent(random: Random): { text: string; reason: string } {
  const [text, reason] = random.pick(ADDENDA);
  return { text, reason };
}

export const CUSTOM_AFTER_EFFECTS = ['Vivid dreams', 'Thirsty', 'Runny nose', 'Heightened sense of smell'];

const AFTER_EFFECT_NOTES = [
  'Settled after a good night’s sleep.',
  'Took paracetamol once.',
  'Felt it mostly in the evening.',
  'Reported at the start of the next session.',
  'Client was not worried by it.',
  'Had a nap in the afternoon.',
];

export function afterEffectNote(random: Random): string {
  return random.chance(0.45) ? random.pick(AFTER_EFFECT_NOTES) : '';
}
