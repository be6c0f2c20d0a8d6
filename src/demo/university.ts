// Osh State University as the demo shows it: its faculties, institutes, Higher School and colleges
// with their chairs, and the programmes they teach. The shape follows the university's published
// structure (8 institutes, 4 faculties, 1 Higher School, 6 colleges: oshsu.kg/en/page/258); unit
// names are modelled on it, not copied from an official register. Programme codes are six-digit
// codes of the Kyrgyz classifier of directions and specialties (530500 Law, 580100 Economics,
// 580200 Management and 560001 General Medicine as published; the others in the same style), and
// six-digit secondary vocational codes for the colleges.
import type { EducationLevel, FormOfStudy } from '../domain/licensing.ts';
import type { MultilingualName } from '../domain/values.ts';

export type UnitKind = 'faculty' | 'institute' | 'higher_school' | 'college';

export type DemoUnit = { key: string; kind: UnitKind; name: MultilingualName; chairs: MultilingualName[] };

export type DemoProgramme = { code: string; name: MultilingualName; level: EducationLevel; formOfStudy: FormOfStudy; unit: string };

const n = (ky: string, ru: string, en: string): MultilingualName => ({ ky, ru, en });

export const units: DemoUnit[] = [
  {
    key: 'medicine',
    kind: 'faculty',
    name: n('Медицина факультети', 'Медицинский факультет', 'Faculty of Medicine'),
    chairs: [
      n('Ички оорулар кафедрасы', 'Кафедра внутренних болезней', 'Chair of Internal Medicine'),
      n('Хирургия кафедрасы', 'Кафедра хирургии', 'Chair of Surgery'),
      n('Педиатрия кафедрасы', 'Кафедра педиатрии', 'Chair of Paediatrics'),
      n('Фармакология кафедрасы', 'Кафедра фармакологии', 'Chair of Pharmacology'),
    ],
  },
  {
    key: 'international-medicine',
    kind: 'faculty',
    name: n('Эл аралык медицина факультети', 'Международный медицинский факультет', 'International Medical Faculty'),
    chairs: [
      n('Клиникалык дисциплиналар кафедрасы', 'Кафедра клинических дисциплин', 'Chair of Clinical Disciplines'),
      n('Морфологиялык дисциплиналар кафедрасы', 'Кафедра морфологических дисциплин', 'Chair of Morphological Disciplines'),
      n('Коомдук саламаттык сактоо кафедрасы', 'Кафедра общественного здравоохранения', 'Chair of Public Health'),
    ],
  },
  {
    key: 'law',
    kind: 'faculty',
    name: n('Юридикалык факультет', 'Юридический факультет', 'Faculty of Law'),
    chairs: [
      n('Жарандык укук кафедрасы', 'Кафедра гражданского права', 'Chair of Civil Law'),
      n('Кылмыш укугу кафедрасы', 'Кафедра уголовного права', 'Chair of Criminal Law'),
      n('Мамлекет жана укук теориясы кафедрасы', 'Кафедра теории государства и права', 'Chair of Theory of State and Law'),
    ],
  },
  {
    key: 'international-relations',
    kind: 'faculty',
    name: n('Эл аралык мамилелер факультети', 'Факультет международных отношений', 'Faculty of International Relations'),
    chairs: [
      n('Эл аралык мамилелер кафедрасы', 'Кафедра международных отношений', 'Chair of International Relations'),
      n('Чыгыш таануу кафедрасы', 'Кафедра востоковедения', 'Chair of Oriental Studies'),
    ],
  },
  {
    key: 'mathematics-it',
    kind: 'institute',
    name: n(
      'Математика, физика, техника жана информатика институту',
      'Институт математики, физики, техники и информатики',
      'Institute of Mathematics, Physics, Engineering and Informatics',
    ),
    chairs: [
      n('Алгебра жана геометрия кафедрасы', 'Кафедра алгебры и геометрии', 'Chair of Algebra and Geometry'),
      n('Колдонмо математика кафедрасы', 'Кафедра прикладной математики', 'Chair of Applied Mathematics'),
      n('Программалык инженерия кафедрасы', 'Кафедра программной инженерии', 'Chair of Software Engineering'),
      n('Физика кафедрасы', 'Кафедра физики', 'Chair of Physics'),
    ],
  },
  {
    key: 'economics',
    kind: 'institute',
    name: n('Экономика жана бизнес институту', 'Институт экономики и бизнеса', 'Institute of Economics and Business'),
    chairs: [
      n('Экономикалык теория кафедрасы', 'Кафедра экономической теории', 'Chair of Economic Theory'),
      n('Менеджмент кафедрасы', 'Кафедра менеджмента', 'Chair of Management'),
      n('Финансы жана бухгалтердик эсеп кафедрасы', 'Кафедра финансов и бухгалтерского учёта', 'Chair of Finance and Accounting'),
    ],
  },
  {
    key: 'philology',
    kind: 'institute',
    name: n('Филология институту', 'Институт филологии', 'Institute of Philology'),
    chairs: [
      n('Кыргыз тили кафедрасы', 'Кафедра кыргызского языка', 'Chair of the Kyrgyz Language'),
      n('Кыргыз адабияты кафедрасы', 'Кафедра кыргызской литературы', 'Chair of Kyrgyz Literature'),
      n('Орус тили жана адабияты кафедрасы', 'Кафедра русского языка и литературы', 'Chair of Russian Language and Literature'),
      n('Журналистика кафедрасы', 'Кафедра журналистики', 'Chair of Journalism'),
    ],
  },
  {
    key: 'world-languages',
    kind: 'institute',
    name: n('Дүйнөлүк тилдер жана маданият институту', 'Институт мировых языков и культур', 'Institute of World Languages and Cultures'),
    chairs: [
      n('Англис филологиясы кафедрасы', 'Кафедра английской филологии', 'Chair of English Philology'),
      n('Котормо таануу кафедрасы', 'Кафедра переводоведения', 'Chair of Translation Studies'),
      n('Немис жана француз тилдери кафедрасы', 'Кафедра немецкого и французского языков', 'Chair of German and French'),
    ],
  },
  {
    key: 'natural-sciences',
    kind: 'institute',
    name: n('Табият таануу жана география институту', 'Институт естествознания и географии', 'Institute of Natural Sciences and Geography'),
    chairs: [
      n('Биология кафедрасы', 'Кафедра биологии', 'Chair of Biology'),
      n('Химия кафедрасы', 'Кафедра химии', 'Chair of Chemistry'),
      n('География кафедрасы', 'Кафедра географии', 'Chair of Geography'),
    ],
  },
  {
    key: 'pedagogy',
    kind: 'institute',
    name: n('Педагогика жана психология институту', 'Институт педагогики и психологии', 'Institute of Pedagogy and Psychology'),
    chairs: [
      n('Педагогика кафедрасы', 'Кафедра педагогики', 'Chair of Pedagogy'),
      n('Психология кафедрасы', 'Кафедра психологии', 'Chair of Psychology'),
      n('Башталгыч билим берүү кафедрасы', 'Кафедра начального образования', 'Chair of Primary Education'),
    ],
  },
  {
    key: 'history-social',
    kind: 'institute',
    name: n('Тарых жана социалдык илимдер институту', 'Институт истории и социальных наук', 'Institute of History and Social Sciences'),
    chairs: [
      n('Кыргызстан тарыхы кафедрасы', 'Кафедра истории Кыргызстана', 'Chair of the History of Kyrgyzstan'),
      n('Философия жана социология кафедрасы', 'Кафедра философии и социологии', 'Chair of Philosophy and Sociology'),
      n('Теология кафедрасы', 'Кафедра теологии', 'Chair of Theology'),
    ],
  },
  {
    key: 'arts-sport',
    kind: 'institute',
    name: n('Искусство жана дене тарбия институту', 'Институт искусств и физической культуры', 'Institute of Arts and Physical Culture'),
    chairs: [
      n('Сүрөт искусствосу кафедрасы', 'Кафедра изобразительного искусства', 'Chair of Fine Arts'),
      n('Музыкалык билим берүү кафедрасы', 'Кафедра музыкального образования', 'Chair of Music Education'),
      n('Дене тарбия жана спорт кафедрасы', 'Кафедра физической культуры и спорта', 'Chair of Physical Culture and Sport'),
    ],
  },
  {
    key: 'higher-school-it',
    kind: 'higher_school',
    name: n('Маалыматтык технологиялар жогорку мектеби', 'Высшая школа информационных технологий', 'Higher School of Information Technology'),
    chairs: [
      n('Маалыматтык системалар кафедрасы', 'Кафедра информационных систем', 'Chair of Information Systems'),
      n('Компьютердик технологиялар кафедрасы', 'Кафедра компьютерных технологий', 'Chair of Computer Technologies'),
    ],
  },
  {
    key: 'medical-college',
    kind: 'college',
    name: n('ОшМУнун медициналык колледжи', 'Медицинский колледж ОшГУ', 'OshSU Medical College'),
    chairs: [n('Мээрмандык иш предметтик-циклдик комиссиясы', 'ПЦК сестринского дела', 'Subject-Cycle Commission of Nursing')],
  },
  {
    key: 'pedagogical-college',
    kind: 'college',
    name: n('ОшМУнун педагогикалык колледжи', 'Педагогический колледж ОшГУ', 'OshSU Pedagogical College'),
    chairs: [n('Башталгыч класстар предметтик-циклдик комиссиясы', 'ПЦК начальных классов', 'Subject-Cycle Commission of Primary Teaching')],
  },
  {
    key: 'economics-law-college',
    kind: 'college',
    name: n('ОшМУнун экономика жана укук колледжи', 'Колледж экономики и права ОшГУ', 'OshSU College of Economics and Law'),
    chairs: [n('Экономика предметтик-циклдик комиссиясы', 'ПЦК экономики', 'Subject-Cycle Commission of Economics')],
  },
  {
    key: 'technical-college',
    kind: 'college',
    name: n('ОшМУнун техникалык колледжи', 'Технический колледж ОшГУ', 'OshSU Technical College'),
    chairs: [n('Программалоо предметтик-циклдик комиссиясы', 'ПЦК программирования', 'Subject-Cycle Commission of Programming')],
  },
  {
    key: 'arts-college',
    kind: 'college',
    name: n('ОшМУнун искусство колледжи', 'Колледж искусств ОшГУ', 'OshSU College of Arts'),
    chairs: [n('Музыкалык билим берүү предметтик-циклдик комиссиясы', 'ПЦК музыкального образования', 'Subject-Cycle Commission of Music Education')],
  },
  {
    key: 'humanities-college',
    kind: 'college',
    name: n('ОшМУнун гуманитардык колледжи', 'Гуманитарный колледж ОшГУ', 'OshSU College of Humanities'),
    chairs: [n('Дизайн предметтик-циклдик комиссиясы', 'ПЦК дизайна', 'Subject-Cycle Commission of Design')],
  },
];

export const unitByKey = (key: string): DemoUnit => {
  const unit = units.find((u) => u.key === key);
  if (!unit) throw new Error(`the demo has no unit ${key}`);
  return unit;
};

/** What the registries store as a unit's name: its English name, the one tokens carry as `unit`. */
export const unitName = (key: string): string => unitByKey(key).name.en;

const p = (code: string, name: MultilingualName, level: EducationLevel, formOfStudy: FormOfStudy, unit: string): DemoProgramme => ({
  code,
  name,
  level,
  formOfStudy,
  unit,
});

const medicine = n('Дарылоо иши', 'Лечебное дело', 'General Medicine');
const law = n('Юриспруденция', 'Юриспруденция', 'Law');
const economics = n('Экономика', 'Экономика', 'Economics');
const management = n('Менеджмент', 'Менеджмент', 'Management');
const software = n('Программалык инженерия', 'Программная инженерия', 'Software Engineering');
const philology = n('Филология', 'Филология', 'Philology');
const philologyEducation = n('Филологиялык билим берүү', 'Филологическое образование', 'Philology Education');
const primary = n('Башталгыч класстарда окутуу', 'Преподавание в начальных классах', 'Primary School Teaching');

export const programmes: DemoProgramme[] = [
  p('560001', medicine, 'specialist', 'full_time', 'medicine'),
  p('560002', n('Педиатрия', 'Педиатрия', 'Paediatrics'), 'specialist', 'full_time', 'medicine'),
  p('560004', n('Стоматология', 'Стоматология', 'Dentistry'), 'specialist', 'full_time', 'medicine'),
  p('560005', n('Фармация', 'Фармация', 'Pharmacy'), 'specialist', 'full_time', 'medicine'),
  p('560003', n('Медициналык-профилактикалык иш', 'Медико-профилактическое дело', 'Preventive Medicine'), 'specialist', 'full_time', 'medicine'),
  p('560001', medicine, 'residency', 'full_time', 'medicine'),
  p('560001', medicine, 'specialist', 'distance', 'international-medicine'),
  p('560006', n('Мээрмандык иш', 'Сестринское дело', 'Nursing'), 'bachelor', 'full_time', 'international-medicine'),
  p('560007', n('Коомдук саламаттык сактоо', 'Общественное здравоохранение', 'Public Health'), 'master', 'full_time', 'international-medicine'),
  p('530500', law, 'bachelor', 'full_time', 'law'),
  p('530500', law, 'bachelor', 'extramural', 'law'),
  p('530500', law, 'master', 'full_time', 'law'),
  p('530500', law, 'postgraduate', 'full_time', 'law'),
  p('531100', n('Эл аралык мамилелер', 'Международные отношения', 'International Relations'), 'bachelor', 'full_time', 'international-relations'),
  p('531300', n('Регион таануу', 'Регионоведение', 'Regional Studies'), 'bachelor', 'full_time', 'international-relations'),
  p('531100', n('Эл аралык мамилелер', 'Международные отношения', 'International Relations'), 'master', 'full_time', 'international-relations'),
  p('510100', n('Математика', 'Математика', 'Mathematics'), 'bachelor', 'full_time', 'mathematics-it'),
  p(
    '510200',
    n('Колдонмо математика жана информатика', 'Прикладная математика и информатика', 'Applied Mathematics and Informatics'),
    'bachelor',
    'full_time',
    'mathematics-it',
  ),
  p('510400', n('Физика', 'Физика', 'Physics'), 'bachelor', 'full_time', 'mathematics-it'),
  p('710400', software, 'bachelor', 'full_time', 'mathematics-it'),
  p('710400', software, 'master', 'full_time', 'mathematics-it'),
  p(
    '510200',
    n('Колдонмо математика жана информатика', 'Прикладная математика и информатика', 'Applied Mathematics and Informatics'),
    'master',
    'full_time',
    'mathematics-it',
  ),
  p('580100', economics, 'bachelor', 'full_time', 'economics'),
  p('580100', economics, 'bachelor', 'extramural', 'economics'),
  p('580200', management, 'bachelor', 'full_time', 'economics'),
  p('580200', management, 'bachelor', 'part_time', 'economics'),
  p('580100', economics, 'master', 'full_time', 'economics'),
  p('580300', n('Финансы жана кредит', 'Финансы и кредит', 'Finance and Credit'), 'bachelor', 'full_time', 'economics'),
  p('580100', economics, 'postgraduate', 'full_time', 'economics'),
  p('520300', philology, 'bachelor', 'full_time', 'philology'),
  p('520300', philology, 'master', 'full_time', 'philology'),
  p('550300', philologyEducation, 'bachelor', 'full_time', 'philology'),
  p('550300', philologyEducation, 'bachelor', 'extramural', 'philology'),
  p('520600', n('Журналистика', 'Журналистика', 'Journalism'), 'bachelor', 'full_time', 'philology'),
  p('520500', n('Лингвистика', 'Лингвистика', 'Linguistics'), 'bachelor', 'full_time', 'world-languages'),
  p('520500', n('Лингвистика', 'Лингвистика', 'Linguistics'), 'master', 'full_time', 'world-languages'),
  p('520300', philology, 'bachelor', 'extramural', 'world-languages'),
  p('510600', n('Биология', 'Биология', 'Biology'), 'bachelor', 'full_time', 'natural-sciences'),
  p('510500', n('Химия', 'Химия', 'Chemistry'), 'bachelor', 'full_time', 'natural-sciences'),
  p('510800', n('География', 'География', 'Geography'), 'bachelor', 'full_time', 'natural-sciences'),
  p('550100', n('Табигый-илимий билим берүү', 'Естественнонаучное образование', 'Natural Science Education'), 'bachelor', 'full_time', 'natural-sciences'),
  p(
    '550200',
    n('Физика-математикалык билим берүү', 'Физико-математическое образование', 'Physics and Mathematics Education'),
    'bachelor',
    'full_time',
    'pedagogy',
  ),
  p('521000', n('Психология', 'Психология', 'Psychology'), 'bachelor', 'full_time', 'pedagogy'),
  p('550700', n('Педагогика', 'Педагогика', 'Pedagogy'), 'bachelor', 'full_time', 'pedagogy'),
  p('550700', n('Педагогика', 'Педагогика', 'Pedagogy'), 'master', 'full_time', 'pedagogy'),
  p('520800', n('Тарых', 'История', 'History'), 'bachelor', 'full_time', 'history-social'),
  p('520400', n('Философия', 'Философия', 'Philosophy'), 'bachelor', 'full_time', 'history-social'),
  p('521200', n('Социология', 'Социология', 'Sociology'), 'bachelor', 'full_time', 'history-social'),
  p('520200', n('Теология', 'Теология', 'Theology'), 'bachelor', 'full_time', 'history-social'),
  p('550600', n('Көркөм билим берүү', 'Художественное образование', 'Art Education'), 'bachelor', 'full_time', 'arts-sport'),
  p('521900', n('Дене тарбия', 'Физическая культура', 'Physical Culture'), 'bachelor', 'full_time', 'arts-sport'),
  p(
    '710200',
    n('Маалыматтык системалар жана технологиялар', 'Информационные системы и технологии', 'Information Systems and Technologies'),
    'bachelor',
    'full_time',
    'higher-school-it',
  ),
  p(
    '710100',
    n('Информатика жана эсептөө техникасы', 'Информатика и вычислительная техника', 'Informatics and Computer Engineering'),
    'bachelor',
    'full_time',
    'higher-school-it',
  ),
  p(
    '710200',
    n('Маалыматтык системалар жана технологиялар', 'Информационные системы и технологии', 'Information Systems and Technologies'),
    'bachelor',
    'distance',
    'higher-school-it',
  ),
  p('060101', medicine, 'secondary_vocational', 'full_time', 'medical-college'),
  p('060501', n('Мээрмандык иш', 'Сестринское дело', 'Nursing'), 'secondary_vocational', 'full_time', 'medical-college'),
  p('060604', n('Лабораториялык диагностика', 'Лабораторная диагностика', 'Laboratory Diagnostics'), 'secondary_vocational', 'full_time', 'medical-college'),
  p('050709', primary, 'secondary_vocational', 'full_time', 'pedagogical-college'),
  p('050144', n('Мектепке чейинки билим берүү', 'Дошкольное образование', 'Preschool Education'), 'secondary_vocational', 'full_time', 'pedagogical-college'),
  p(
    '080110',
    n('Экономика жана бухгалтердик эсеп', 'Экономика и бухгалтерский учёт', 'Economics and Accounting'),
    'secondary_vocational',
    'full_time',
    'economics-law-college',
  ),
  p('030503', n('Укук таануу', 'Правоведение', 'Jurisprudence'), 'secondary_vocational', 'full_time', 'economics-law-college'),
  p(
    '230115',
    n('Компьютердик системаларда программалоо', 'Программирование в компьютерных системах', 'Programming in Computer Systems'),
    'secondary_vocational',
    'full_time',
    'technical-college',
  ),
  p('050130', n('Музыкалык билим берүү', 'Музыкальное образование', 'Music Education'), 'secondary_vocational', 'full_time', 'arts-college'),
  p('072500', n('Дизайн', 'Дизайн', 'Design'), 'secondary_vocational', 'full_time', 'humanities-college'),
];
