import { foldForSearch } from '../domain/text-search';
import { type Random, Weighted } from './random';

/**
 * Names, phones, emails and addresses from several cultures and scripts: accented Latin
 * (Zoë Ødegård, Łukasiewicz, Nguyễn), Greek (Σοφία Παπαδοπούλου), Cyrillic (Анна Иванова) and
 * Japanese (佐藤 花子), so search folding, sorting and rendering meet real data.
 *
 * Contact details are fictional on purpose: emails use the reserved example domains (RFC 2606)
 * and UK and US phones the ranges set aside for drama (Ofcom 07700 900xxx, 555-01xx).
 */

export type Sex = 'female' | 'male';

interface NameForm {
  text: string;
  /** ASCII letters for an email address. */
  latin: string;
}

interface Surname {
  male: NameForm;
  female: NameForm;
}

interface Culture {
  id: string;
  female: NameForm[];
  male: NameForm[];
  surnames: Surname[];
  /** Familiar forms: "Katherine" -> "Kate". */
  nicknames: Map<string, string>;
  phone: (random: Random) => string;
  address: (random: Random) => string;
}

function asciiOf(text: string): string {
  return foldForSearch(text).replace(/[^a-z0-9]/g, '');
}

/** "Zoë; Σοφία/sofia" -> name forms; the part after '/' is the ASCII form for emails. */
function given(list: string): NameForm[] {
  return list
    .split(';')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry) => {
      const [text, latin] = entry.split('/') as [string, string | undefined];
      return { text: text.trim(), latin: latin?.trim() || asciiOf(text) };
    });
}

/** "Kowalski|Kowalska; Иванов|Иванова/ivanov|ivanova; Smith" -> surnames (male | female form). */
function surnames(list: string): Surname[] {
  return list
    .split(';')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry) => {
      const [forms, latins] = entry.split('/') as [string, string | undefined];
      const [male, female] = forms.split('|').map((form) => form.trim()) as [string, string | undefined];
      const [maleLatin, femaleLatin] = (latins ?? '').split('|').map((form) => form.trim());
      const maleForm = { text: male, latin: maleLatin || asciiOf(male) };
      const femaleText = female ?? male;
      return {
        male: maleForm,
        female: { text: femaleText, latin: femaleLatin || (female ? asciiOf(femaleText) : maleForm.latin) },
      };
    });
}

function nicknames(list: string): Map<string, string> {
  return new Map(
    list
      .split(';')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '')
      .map((entry) => entry.split('>').map((part) => part.trim()) as [string, string]),
  );
}

function digits(random: Random, count: number): string {
  let out = '';
  for (let i = 0; i < count; i += 1) out += String(random.int(0, 9));
  return out;
}

function letters(random: Random, count: number): string {
  let out = '';
  for (let i = 0; i < count; i += 1) out += String.fromCharCode(65 + random.int(0, 25));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Phones and addresses per country

const UK_STREETS = [
  'Orchard',
  'Victoria',
  'Church',
  'Mill',
  'Station',
  'Park',
  'Meadow',
  'Queens',
  'Cromwell',
  'Beech',
  'Hawthorn',
  'Kingsley',
  'Abbey',
  'Elm',
  'Chapel',
  'Willow',
];
const UK_TYPES = ['Road', 'Lane', 'Street', 'Close', 'Avenue', 'Gardens', 'Terrace', 'Crescent'];
const UK_CITIES: readonly (readonly [string, string])[] = [
  ['Bristol', 'BS'],
  ['Bath', 'BA'],
  ['Brighton', 'BN'],
  ['Leeds', 'LS'],
  ['York', 'YO'],
  ['Norwich', 'NR'],
  ['Edinburgh', 'EH'],
  ['Cardiff', 'CF'],
  ['Totnes', 'TQ'],
  ['Stroud', 'GL'],
  ['Manchester', 'M'],
  ['London', 'N'],
];

function ukPhone(random: Random): string {
  if (random.chance(0.75)) return `07700 900${digits(random, 3)}`;
  const landline = `0117 496 0${digits(random, 3)}`;
  return random.chance(0.1) ? `${landline} ext ${random.int(2, 60)}` : landline;
}

function ukAddress(random: Random): string {
  const [city, area] = random.pick(UK_CITIES);
  const flat = random.chance(0.2) ? `Flat ${random.int(1, 12)}, ` : '';
  return (
    `${flat}${random.int(1, 240)} ${random.pick(UK_STREETS)} ${random.pick(UK_TYPES)}\n` +
    `${city}\n${area}${random.int(1, 20)} ${random.int(1, 9)}${letters(random, 2)}`
  );
}

function usPhone(random: Random): string {
  return `(${random.pick(['503', '541', '206', '415', '802', '617'])}) 555-01${digits(random, 2)}`;
}

function usAddress(random: Random): string {
  const [city, state, zip] = random.pick([
    ['Portland', 'OR', '972'],
    ['Seattle', 'WA', '981'],
    ['Burlington', 'VT', '054'],
    ['Boulder', 'CO', '803'],
    ['Asheville', 'NC', '288'],
    ['Santa Fe', 'NM', '875'],
  ] as const);
  const street = random.pick(['Maple', 'Alder', 'Division', 'Hawthorne', 'Pine', 'Lincoln', 'Oak', 'Cedar']);
  const unit = random.chance(0.25) ? ` Apt ${random.int(1, 40)}` : '';
  return `${random.int(100, 9999)} ${street} ${random.pick(['St', 'Ave', 'Blvd', 'Dr'])}${unit}\n${city}, ${state} ${zip}${digits(random, 2)}`;
}

function germanPhone(random: Random): string {
  return `+49 ${random.pick(['151', '160', '171', '176'])} ${digits(random, 7)}`;
}

function germanAddress(random: Random): string {
  const street = random.pick(['Linden', 'Goethe', 'Schiller', 'Haupt', 'Bahnhof', 'Kirch', 'Mühlen', 'Wald']);
  const [plz, city] = random.pick([
    ['10', 'Berlin'],
    ['80', 'München'],
    ['50', 'Köln'],
    ['20', 'Hamburg'],
    ['79', 'Freiburg im Breisgau'],
    ['01', 'Dresden'],
  ] as const);
  return `${street}straße ${random.int(1, 120)}\n${plz}${digits(random, 3)} ${city}`;
}

function frenchPhone(random: Random): string {
  return `0${random.pick(['6', '7'])} ${digits(random, 2)} ${digits(random, 2)} ${digits(random, 2)} ${digits(random, 2)}`;
}

function frenchAddress(random: Random): string {
  const street = random.pick([
    'rue de la Fontaine',
    'avenue Jean-Jaurès',
    'rue des Écoles',
    'boulevard Saint-Michel',
    'place de l’Église',
    'rue du Moulin',
  ]);
  const [cp, city] = random.pick([
    ['75011', 'Paris'],
    ['69003', 'Lyon'],
    ['13006', 'Marseille'],
    ['33000', 'Bordeaux'],
    ['44000', 'Nantes'],
  ] as const);
  return `${random.int(1, 90)} ${street}\n${cp} ${city}`;
}

function spanishPhone(random: Random): string {
  return `+34 6${digits(random, 2)} ${digits(random, 3)} ${digits(random, 3)}`;
}

function spanishAddress(random: Random): string {
  const street = random.pick(['Calle Mayor', 'Calle de Alcalá', 'Avenida de la Constitución', 'Calle Núñez']);
  const [cp, city] = random.pick([
    ['28013', 'Madrid'],
    ['08002', 'Barcelona'],
    ['41004', 'Sevilla'],
    ['46001', 'València'],
  ] as const);
  return `${street} ${random.int(1, 150)}, ${random.int(1, 8)}º ${random.pick(['A', 'B', 'C', 'D'])}\n${cp} ${city}`;
}

function nordicPhone(random: Random): string {
  return `+47 ${digits(random, 3)} ${digits(random, 2)} ${digits(random, 3)}`;
}

function nordicAddress(random: Random): string {
  const street = random.pick([
    'Storgata',
    'Kirkeveien',
    'Bjørnstjerne Bjørnsons gate',
    'Skolegata',
    'Fjordveien',
  ]);
  const [code, city] = random.pick([
    ['0', 'Oslo'],
    ['5', 'Bergen'],
    ['9', 'Tromsø'],
    ['6', 'Ålesund'],
  ] as const);
  return `${street} ${random.int(1, 80)}\n${code}${digits(random, 3)} ${city}`;
}

function polishPhone(random: Random): string {
  return `+48 ${digits(random, 3)} ${digits(random, 3)} ${digits(random, 3)}`;
}

function polishAddress(random: Random): string {
  const street = random.pick(['Długa', 'Mickiewicza', 'Świętokrzyska', 'Piłsudskiego', 'Żeromskiego']);
  const city = random.pick(['Kraków', 'Łódź', 'Gdańsk', 'Wrocław', 'Poznań', 'Warszawa']);
  return `ul. ${street} ${random.int(1, 90)}/${random.int(1, 40)}\n${digits(random, 2)}-${digits(random, 3)} ${city}`;
}

function greekPhone(random: Random): string {
  return `+30 69${digits(random, 2)} ${digits(random, 3)} ${digits(random, 3)}`;
}

function greekAddress(random: Random): string {
  const street = random.pick(['Ερμού', 'Αθηνάς', 'Πανεπιστημίου', 'Τσιμισκή', 'Αγίου Δημητρίου']);
  const city = random.pick(['Αθήνα', 'Θεσσαλονίκη', 'Πάτρα', 'Ηράκλειο']);
  return `${street} ${random.int(1, 120)}\n${digits(random, 3)} ${digits(random, 2)} ${city}`;
}

function russianPhone(random: Random): string {
  return `+7 (9${digits(random, 2)}) ${digits(random, 3)}-${digits(random, 2)}-${digits(random, 2)}`;
}

function russianAddress(random: Random): string {
  const street = random.pick(['ул. Пушкина', 'пр. Мира', 'ул. Садовая', 'ул. Чехова', 'Невский пр.']);
  const city = random.pick(['Москва', 'Санкт-Петербург', 'Казань', 'Новосибирск']);
  return `${street}, д. ${random.int(1, 90)}, кв. ${random.int(1, 200)}\n${city}, ${digits(random, 6)}`;
}

function ukrainianPhone(random: Random): string {
  return `+380 ${random.pick(['50', '67', '93'])} ${digits(random, 3)} ${digits(random, 2)} ${digits(random, 2)}`;
}

function japanesePhone(random: Random): string {
  return `090-${digits(random, 4)}-${digits(random, 4)}`;
}

function japaneseAddress(random: Random): string {
  const ward = random.pick([
    '東京都世田谷区太子堂',
    '東京都杉並区高円寺南',
    '大阪府大阪市北区梅田',
    '京都府京都市左京区',
  ]);
  return `〒${digits(random, 3)}-${digits(random, 4)}\n${ward}${random.int(1, 5)}-${random.int(1, 30)}-${random.int(1, 20)}`;
}

// ---------------------------------------------------------------------------------------------
// Cultures

const CULTURES: readonly (readonly [Culture, number])[] = [
  [
    {
      id: 'english',
      female: given(
        'Olivia; Emily; Charlotte; Katherine; Elizabeth; Sarah; Rebecca; Hannah; Grace; Jessica; Margaret; ' +
          'Abigail; Chloe; Lucy; Amelia; Harriet; Mary-Jane; Jennifer; Megan; Ruth; Joan; Patricia; Ellie; Zoë; Renée',
      ),
      male: given(
        'James; William; Thomas; Oliver; George; Samuel; Benjamin; Daniel; Matthew; Robert; Christopher; ' +
          'Edward; Henry; Jack; Alexander; Michael; David; Joseph; Nicholas; Arthur; Jean-Luc; Theo',
      ),
      surnames: surnames(
        'Smith; Jones; Taylor; Brown; Williams; Wilson; Johnson; Davies; Robinson; Wright; Thompson; Evans; ' +
          'Walker; White; Roberts; Green; Hall; Wood; Jackson; Clarke; Harrington-Smythe; Fox-Taylor; ' +
          "St. John; Adeyemi; Okafor; Mensah; Patel; Khan; Ahmed; Chen; Nakamura-Reid; D'Souza",
      ),
      nicknames: nicknames(
        'Katherine>Kate; Elizabeth>Liz; Margaret>Maggie; Jennifer>Jen; Patricia>Pat; Abigail>Abby; ' +
          'William>Will; Robert>Bob; Christopher>Chris; Edward>Ted; Alexander>Alex; Michael>Mike; ' +
          'Nicholas>Nick; Benjamin>Ben; Samuel>Sam; Daniel>Dan; Matthew>Matt',
      ),
      phone: ukPhone,
      address: ukAddress,
    },
    24,
  ],
  [
    {
      id: 'american',
      female: given(
        'Madison; Ashley; Brittany; Kayla; Taylor; Morgan; Dakota; Jasmine; Maya; Aaliyah; Sofía',
      ),
      male: given('Tyler; Brandon; Jordan; Cody; Hunter; Dylan; Mason; Jayden; DeShawn; Mateo; Logan'),
      surnames: surnames(
        'Miller; Davis; Garcia; Rodriguez; Martinez; Anderson; Hernández; Lee; Nguyen; Kim; Washington; ' +
          "Jefferson; O'Neill; McAllister; Kowalczyk; Goldberg; Running Bear",
      ),
      nicknames: nicknames('Jordan>Jordy; Madison>Maddie; Morgan>Mo; Jayden>Jay'),
      phone: usPhone,
      address: usAddress,
    },
    8,
  ],
  [
    {
      id: 'german',
      female: given(
        'Anna; Lena; Jana; Katharina; Lea; Sophie; Mia; Hannelore; Ursula; Gisela; Brigitte; Lisa-Marie; ' +
          'Anneliese; Käthe; Hülya',
      ),
      male: given('Jürgen; Lukas; Felix; Maximilian; Jörg; Günther; Björn; Klaus; Dieter; Matthias; Tobias'),
      surnames: surnames(
        'Müller; Schmidt; Schneider; Fischer; Weiß; Schröder; Köhler; Groß; Wagner; Becker; Hoffmann; ' +
          'Schäfer; Krüger; Neumann; Strauß; Vogel; von Bülow; Lehmann-Öztürk',
      ),
      nicknames: nicknames('Katharina>Kathi; Maximilian>Max; Matthias>Matze; Tobias>Tobi'),
      phone: germanPhone,
      address: germanAddress,
    },
    9,
  ],
  [
    {
      id: 'french',
      female: given(
        'Zoë; Hélène; Élodie; Chloé; Maëlle; Camille; Margaux; Léa; Anaïs; Céline; Françoise; Noémie',
      ),
      male: given('François; Jérôme; Étienne; Benoît; Loïc; Gaël; Raphaël; Mathéo; Noël; Thierry; Sébastien'),
      surnames: surnames(
        'Lefèvre; Côté; Dupont; Lefebvre; Moreau; Girard; Fournier; Rousseau; Bélanger; Gagné; Lemaître; ' +
          'Delacroix; Besançon; Thibault',
      ),
      nicknames: nicknames('Sébastien>Seb; Françoise>Fanfan; Élodie>Lodie'),
      phone: frenchPhone,
      address: frenchAddress,
    },
    7,
  ],
  [
    {
      id: 'iberian',
      female: given(
        'María José; Lucía; Inés; Begoña; Ainhoa; Núria; Conceição; Leonor; Sofía; Mónica; Beatriz',
      ),
      male: given('José; Jesús; Álvaro; Íñigo; Joaquín; Sergio; João; Tomás; Andrés; Rubén'),
      surnames: surnames(
        'García; Fernández; Núñez; Muñoz; Peña; Ibáñez; Sánchez; Gonçalves; Araújo; Ortega; Castaño; ' +
          'Martín Pérez; de la Cruz; Echevarría',
      ),
      nicknames: nicknames('María José>Majo; José>Pepe; Joaquín>Quino; Beatriz>Bea'),
      phone: spanishPhone,
      address: spanishAddress,
    },
    7,
  ],
  [
    {
      id: 'nordic',
      female: given('Åsa; Ingrid; Solveig; Sigrid; Astrid; Maja; Linnéa; Ragnhild; Frøya; Siv'),
      male: given('Bjørn; Søren; Åke; Jørgen; Magnus; Erik; Olav; Håkon; Leif; Ståle'),
      surnames: surnames(
        'Ødegård; Bjørnstad; Ångström; Sørensen; Løvland; Håkansson; Lindqvist; Johansen; Ås; Dæhlie; Eriksdóttir',
      ),
      nicknames: nicknames('Ragnhild>Ragna; Magnus>Mange'),
      phone: nordicPhone,
      address: nordicAddress,
    },
    5,
  ],
  [
    {
      id: 'polish-czech',
      female: given('Małgorzata; Agnieszka; Zofia; Katarzyna; Ewa; Jadwiga; Dorota; Anežka; Kateřina; Lucie'),
      male: given('Łukasz; Wojciech; Paweł; Grzegorz; Michał; Jędrzej; Tomáš; Jiří; Ondřej; Přemysl'),
      surnames: surnames(
        'Łukasiewicz; Wójcik; Kowalski|Kowalska; Zieliński|Zielińska; Szczepański|Szczepańska; ' +
          'Nowak; Dąbrowski|Dąbrowska; Dvořák|Dvořáková; Novák|Nováková; Procházka|Procházková; Wałęsa',
      ),
      nicknames: nicknames('Małgorzata>Gosia; Katarzyna>Kasia; Wojciech>Wojtek; Grzegorz>Grześ'),
      phone: polishPhone,
      address: polishAddress,
    },
    6,
  ],
  [
    {
      id: 'italian',
      female: given('Giulia; Francesca; Chiara; Alessandra; Federica; Giovanna; Noemi'),
      male: given('Niccolò; Lorenzo; Giuseppe; Matteo; Andrea; Federico; Gianluca'),
      surnames: surnames(
        "D'Angelo; Esposito; Romano; Colombo; Ricci; Bianchi; Lo Russo; Dell'Acqua; De Luca",
      ),
      nicknames: nicknames('Giuseppe>Beppe; Alessandra>Ale; Federica>Fede'),
      phone: (random) => `+39 3${digits(random, 2)} ${digits(random, 3)} ${digits(random, 4)}`,
      address: (random) =>
        `Via ${random.pick(['Roma', 'Garibaldi', 'dei Mille', 'San Francesco'])} ${random.int(1, 99)}\n${digits(random, 5)} ${random.pick(['Bologna', 'Torino', 'Firenze', 'Napoli'])}`,
    },
    5,
  ],
  [
    {
      id: 'irish-scottish',
      female: given('Siobhán; Aoife; Niamh; Saoirse; Caoimhe; Eilidh; Mairead; Róisín'),
      male: given('Seán; Ciarán; Pádraig; Oisín; Eoin; Callum; Ruairí; Hamish'),
      surnames: surnames(
        "O'Brien; O'Sullivan; Ó Briain|Ní Bhriain; MacLeod; McCarthy; Ó Súilleabháin|Ní Shúilleabháin; Fitzgerald",
      ),
      nicknames: nicknames('Pádraig>Paddy; Siobhán>Shiv'),
      phone: (random) => `+353 8${random.int(3, 9)} ${digits(random, 3)} ${digits(random, 4)}`,
      address: (random) =>
        `${random.int(1, 60)} ${random.pick(['Harbour View', 'Main Street', 'Bóthar na Trá', 'Glen Road'])}\n${random.pick(['Galway', 'Cork', 'Dublin 8', 'Inverness'])}`,
    },
    4,
  ],
  [
    {
      id: 'dutch',
      female: given('Femke; Sanne; Anouk; Marieke; Ilse'),
      male: given('Joris; Sjoerd; Bram; Pieter; Teun'),
      surnames: surnames('van der Berg; de Vries; van Dijk; Bakker; Jansen; van den Heuvel; IJzerman'),
      nicknames: nicknames('Marieke>Mieke; Pieter>Piet'),
      phone: (random) => `+31 6 ${digits(random, 4)} ${digits(random, 4)}`,
      address: (random) =>
        `${random.pick(['Keizersgracht', 'Dorpsstraat', 'Lindenlaan'])} ${random.int(1, 400)}\n${digits(random, 4)} ${letters(random, 2)} ${random.pick(['Amsterdam', 'Utrecht', 'Leiden'])}`,
    },
    3,
  ],
  [
    {
      id: 'turkish',
      female: given('Ayşe; Gül; Şebnem; Yağmur; Çiğdem; Elif; Özlem'),
      male: given('Mehmet; Oğuz; Barış; Çağrı; İsmail; Emre; Ümit'),
      surnames: surnames('Yılmaz; Şahin; Öztürk; Çelik; Kılıç; Doğan; Aydın; Güneş'),
      nicknames: nicknames(''),
      phone: (random) =>
        `+90 5${digits(random, 2)} ${digits(random, 3)} ${digits(random, 2)} ${digits(random, 2)}`,
      address: (random) =>
        `${random.pick(['Atatürk Cd.', 'İstiklal Cd.', 'Bağdat Cd.'])} No: ${random.int(1, 200)}\n${random.pick(['İstanbul', 'İzmir', 'Ankara'])}`,
    },
    3,
  ],
  [
    {
      id: 'vietnamese',
      female: given('Thị Hương; Ngọc Anh; Thu Trang; Mai; Phương'),
      male: given('Văn Minh; Quốc Bảo; Đức Anh; Tuấn; Hoàng'),
      surnames: surnames('Nguyễn; Trần; Lê; Phạm; Huỳnh; Võ; Đặng'),
      nicknames: nicknames(''),
      phone: (random) => `+84 9${digits(random, 2)} ${digits(random, 3)} ${digits(random, 3)}`,
      address: ukAddress,
    },
    2,
  ],
  [
    {
      id: 'hungarian',
      female: given('Erzsébet; Zsófia; Réka; Ildikó; Boglárka'),
      male: given('Gergő; László; Bence; Ödön; Levente'),
      surnames: surnames('Szőke; Kovács; Tóth; Nagy; Horváth; Szűcs; Erdős'),
      nicknames: nicknames('Erzsébet>Erzsi; László>Laci'),
      phone: (random) => `+36 30 ${digits(random, 3)} ${digits(random, 4)}`,
      address: (random) =>
        `${random.pick(['Andrássy út', 'Váci utca', 'Király utca'])} ${random.int(1, 120)}.\n${random.pick(['Budapest', 'Debrecen', 'Pécs'])} ${digits(random, 4)}`,
    },
    2,
  ],
  [
    {
      id: 'greek',
      female: given(
        'Σοφία/sofia; Ελένη/eleni; Μαρία/maria; Κατερίνα/katerina; Δέσποινα/despoina; Αικατερίνη/aikaterini; Χρυσούλα/chrysoula',
      ),
      male: given(
        'Γιώργος/giorgos; Δημήτρης/dimitris; Νίκος/nikos; Κωνσταντίνος/konstantinos; Αλέξανδρος/alexandros; Σπύρος/spyros',
      ),
      surnames: surnames(
        'Παπαδόπουλος|Παπαδοπούλου/papadopoulos|papadopoulou; Οικονόμου/oikonomou; ' +
          'Γεωργίου/georgiou; Νικολάου/nikolaou; Καραγιάννης|Καραγιάννη/karagiannis|karagianni; ' +
          'Βλάχος|Βλάχου/vlachos|vlachou; Αντωνίου/antoniou',
      ),
      nicknames: nicknames('Κωνσταντίνος>Κώστας; Αικατερίνη>Κατίνα; Αλέξανδρος>Αλέκος'),
      phone: greekPhone,
      address: greekAddress,
    },
    4,
  ],
  [
    {
      id: 'russian',
      female: given(
        'Анна/anna; Мария/maria; Екатерина/ekaterina; Ольга/olga; Наталья/natalia; Юлия/yulia; Светлана/svetlana; Ирина/irina',
      ),
      male: given(
        'Александр/aleksandr; Дмитрий/dmitry; Сергей/sergey; Андрей/andrey; Михаил/mikhail; Иван/ivan; Алексей/aleksey',
      ),
      surnames: surnames(
        'Иванов|Иванова/ivanov|ivanova; Смирнов|Смирнова/smirnov|smirnova; Кузнецов|Кузнецова/kuznetsov|kuznetsova; ' +
          'Попов|Попова/popov|popova; Соколов|Соколова/sokolov|sokolova; Лебедев|Лебедева/lebedev|lebedeva; ' +
          'Волков|Волкова/volkov|volkova; Фёдоров|Фёдорова/fedorov|fedorova',
      ),
      nicknames: nicknames(
        'Александр>Саша; Анна>Аня; Екатерина>Катя; Мария>Маша; Дмитрий>Дима; Наталья>Наташа; Михаил>Миша',
      ),
      phone: russianPhone,
      address: russianAddress,
    },
    4,
  ],
  [
    {
      id: 'ukrainian',
      female: given('Оксана/oksana; Олена/olena; Ганна/hanna; Іванна/ivanna; Ярослава/yaroslava'),
      male: given('Тарас/taras; Богдан/bohdan; Олексій/oleksii; Юрій/yurii; Андрій/andrii'),
      surnames: surnames(
        'Шевченко/shevchenko; Коваленко/kovalenko; Бондаренко/bondarenko; Ткачук/tkachuk; Мельник/melnyk; Кравчук/kravchuk',
      ),
      nicknames: nicknames('Ярослава>Яся; Олексій>Льоша'),
      phone: ukrainianPhone,
      address: ukAddress,
    },
    2,
  ],
  [
    {
      id: 'japanese',
      female: given('花子/hanako; 陽子/yoko; さくら/sakura; 美咲/misaki; 恵/megumi'),
      male: given('太郎/taro; 健一/kenichi; 翔太/shota; 大輔/daisuke; 誠/makoto'),
      surnames: surnames('佐藤/sato; 鈴木/suzuki; 高橋/takahashi; 田中/tanaka; 渡辺/watanabe; 山本/yamamoto'),
      nicknames: nicknames(''),
      phone: japanesePhone,
      address: japaneseAddress,
    },
    2,
  ],
  [
    {
      id: 'south-asian',
      female: given('Priya; Ananya; Deepika; Lakshmi; Nandini; Aarti; Saanvi'),
      male: given('Arjun; Rohan; Vikram; Sanjay; Rajesh; Aditya'),
      surnames: surnames('Raghunathan; Sharma; Iyer; Chatterjee; Banerjee; Venkataraman; Gupta; Reddy'),
      nicknames: nicknames('Lakshmi>Lakshu; Vikram>Vik; Aditya>Adi'),
      phone: ukPhone,
      address: ukAddress,
    },
    3,
  ],
  [
    {
      id: 'arabic',
      female: given('Yasmin; Layla; Fatima; Noor; Amira; Rania'),
      male: given('Omar; Karim; Yusuf; Tariq; Hassan; Sami'),
      surnames: surnames('Haddad; Al-Farsi; El-Amin; Khoury; Nasser; Abu-Bakr; Mansour'),
      nicknames: nicknames(''),
      phone: ukPhone,
      address: ukAddress,
    },
    2,
  ],
];

const CULTURE_TABLE = new Weighted(CULTURES);

/** The practice's home country: most clients live near it whatever their name. */
const HOME_ADDRESS = ukAddress;
const HOME_PHONE = ukPhone;

const EMAIL_DOMAINS = ['example.com', 'example.org', 'example.net', 'mail.example', 'post.example'];

export interface Person {
  sex: Sex;
  firstName: string;
  lastName: string;
  preferredName: string;
  phone: string;
  email: string;
  address: string;
  emergencyContact: { name: string; phone: string };
  /** Which name bank the person came from, e.g. 'greek' (tests look for non-Latin scripts). */
  culture: string;
}

function email(random: Random, first: string, last: string, birthYear: number | null): string {
  const f = first || 'client';
  const l = last || 'mail';
  const year = birthYear === null ? String(random.int(10, 99)) : String(birthYear).slice(2);
  const local = random.pick([
    `${f}.${l}`,
    `${f}${l}`,
    `${f[0]}${l}`,
    `${f}_${l}${year}`,
    `${f}${year}`,
    `${l}.${f}`,
  ]);
  return `${local}@${random.pick(EMAIL_DOMAINS)}`;
}

/** A person: name, contact details and an emergency contact, from one culture's banks. */
export function generatePerson(random: Random, sex: Sex, birthYear: number | null, child: boolean): Person {
  const culture = CULTURE_TABLE.pick(random);
  const firstForm = random.pick(sex === 'female' ? culture.female : culture.male);
  const surname = random.pick(culture.surnames);
  const lastForm = sex === 'female' ? surname.female : surname.male;
  const nickname = culture.nicknames.get(firstForm.text);
  const preferredName = nickname !== undefined && random.chance(0.45) ? nickname : '';
  const local = random.chance(0.35);
  const phone = local ? culture.phone(random) : HOME_PHONE(random);
  const address = local ? culture.address(random) : HOME_ADDRESS(random);

  // A child's contact details are a parent's: same surname (usually), the parent's phone.
  const parentSex: Sex = random.chance(0.8) ? 'female' : 'male';
  const parentFirst = random.pick(parentSex === 'female' ? culture.female : culture.male);
  const parentLast = random.chance(0.85) ? (parentSex === 'female' ? surname.female : surname.male) : null;
  const contactName = child
    ? `${parentFirst.text} ${parentLast?.text ?? random.pick(culture.surnames)[parentSex].text}`
    : random.chance(0.7)
      ? `${parentFirst.text} ${random.chance(0.6) ? lastForm.text : random.pick(culture.surnames)[parentSex].text}`
      : '';
  const emailFirst = child ? parentFirst.latin : firstForm.latin;
  const emailLast = child ? (parentLast?.latin ?? lastForm.latin) : lastForm.latin;

  return {
    sex,
    firstName: firstForm.text,
    lastName: lastForm.text,
    preferredName,
    phone: random.chance(0.96) ? phone : '',
    email: random.chance(child ? 0.95 : 0.85) ? email(random, emailFirst, emailLast, birthYear) : '',
    address: random.chance(0.9) ? address : '',
    emergencyContact: contactName
      ? { name: contactName, phone: random.chance(0.5) ? phone : HOME_PHONE(random) }
      : { name: '', phone: '' },
    culture: culture.id,
  };
}

/** Practitioners' names for signatures ("Maren Holt, RCST"). */
export const THERAPISTS: readonly string[] = [
  'Maren Holt, RCST',
  'Tomás Ferreira, CST-D',
  'Ingrid Solheim, BCST',
  'Hannah Adeyemi, RCST',
  'Chloé Marchand, CST-T',
  'Jonas Weiß, HP, CST',
  'Eleni Vasilakis, BCST',
  'Rebecca Lindqvist, RCST',
];

/** Referring physicians and midwives. */
export const REFERRERS: readonly string[] = [
  'Dr. Amelia Price (GP)',
  'Dr. Rajesh Iyer, neurologist',
  'Dr. Sophie Lambert, paediatrician',
  'Dr. Kwame Asante (GP)',
  'Dr. Birgit Hansen, osteopath',
  'Ms. Fiona Doyle, midwife',
  'Dr. Lars Ødegaard, dentist',
  'Dr. Marta Nowicka, physiatrist',
  'Dr. Helen Okonkwo (GP)',
  'Dr. Daniel Fischer, orthodontist',
];

/** Referrers who can give a medical clearance. */
const PHYSICIANS = REFERRERS.filter(
  (name) => name.startsWith('Dr.') && !/osteopath|dentist|orthodontist/.test(name),
);

/** Who can clear treatment: the client's own physician when they have one, else a physician. */
export function clearingPhysician(random: Random, referringPhysician: string): string {
  if (referringPhysician.startsWith('Dr.') && !/osteopath|dentist|orthodontist/.test(referringPhysician)) {
    return referringPhysician;
  }
  return random.pick(PHYSICIANS);
}
